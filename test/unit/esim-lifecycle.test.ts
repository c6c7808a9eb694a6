// The one retry policy of every fulfilment job (enterprise and Connect orders alike).
import { describe, expect, it } from 'vitest';
import { FulfilmentFailure, fulfilling } from '../../src/domain/inventory/esim-lifecycle.ts';
import { SmdpRefusal } from '../../src/network/smdp/smdp.ts';
import { conflict } from '../../src/domain/errors.ts';
import type { JobAttempt } from '../../src/jobs/queue.ts';

const attempt = (last: boolean) => ({ retryCount: last ? 5 : 0, last }) as JobAttempt;

async function outcome(error: Error, last = false) {
  const failures: string[] = [];
  const thrown = await fulfilling(
    attempt(last),
    async () => {
      throw error;
    },
    async (reason) => void failures.push(reason),
  ).then(
    () => undefined,
    (e: Error) => e,
  );
  return { failures, thrown };
}

describe('fulfilling', () => {
  it("fails the order at once on a refusal: its own, the SM-DP+'s or a domain rule's", async () => {
    expect(await outcome(new FulfilmentFailure('no esim left in SIM inventory'))).toEqual({ failures: ['no esim left in SIM inventory'], thrown: undefined });
    expect((await outcome(new SmdpRefusal('8.1.1', '3.9', 'unknown ICCID'))).failures).toEqual(['SM-DP+ refused: unknown ICCID (subject 8.1.1, reason 3.9)']);
    expect((await outcome(conflict('subscription s1 is terminated'))).failures).toEqual(['subscription s1 is terminated']);
  });

  it('hands anything else back to the queue for a retry, until the last attempt fails the order', async () => {
    const timeout = new Error('ES2+ DownloadOrder timed out');
    expect(await outcome(timeout)).toEqual({ failures: [], thrown: timeout });
    expect(await outcome(timeout, true)).toEqual({ failures: ['ES2+ DownloadOrder timed out'], thrown: undefined });
  });

  it('does not fail an order whose work went through', async () => {
    const failures: string[] = [];
    await fulfilling(
      attempt(true),
      async () => {},
      async (reason) => void failures.push(reason),
    );
    expect(failures).toEqual([]);
  });
});
