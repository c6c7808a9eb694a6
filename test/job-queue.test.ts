// The job queue: a handler may complete its job within the transaction that finishes its
// work, so the job and the work commit together (or neither does).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startHarness, type Harness } from './support/harness.ts';
import { queryRows } from '../src/db/database.ts';
import { handler, type JobAttempt, type JobKind } from '../src/jobs/queue.ts';

const TEST_JOB: JobKind<{ n: number }> = { name: 'test-complete-within', retryLimit: 0, retryDelaySeconds: 1 };

let h: Harness;
const seen: Record<number, (attempt: JobAttempt) => Promise<void>> = {};

beforeAll(async () => {
  h = await startHarness();
  await h.platform.queue.start([TEST_JOB as JobKind<unknown>]);
  await h.platform.queue.work([handler(TEST_JOB, (data, attempt) => seen[data.n](attempt))], 2);
});
afterAll(() => h.close());

const stateOf = async (n: number) =>
  (await queryRows<{ state: string }>(h.platform.db, sql`SELECT state FROM pgboss.job WHERE name = ${TEST_JOB.name} AND (data->>'n')::int = ${n}`))[0]?.state;

async function run(n: number, handle: (attempt: JobAttempt) => Promise<void>) {
  const done = new Promise<void>((resolve) => {
    seen[n] = async (attempt) => {
      await handle(attempt);
      resolve();
    };
  });
  await h.platform.db.transaction((tx) => h.platform.queue.send(tx, TEST_JOB, { n }));
  h.platform.queue.wake();
  await done;
}

it('completes the job within the transaction that finishes its work', async () => {
  await run(1, (attempt) => h.platform.db.transaction((tx) => attempt.completeWithin(tx)));
  await expect.poll(() => stateOf(1)).toBe('completed');
});

it('leaves the job active when that transaction rolls back', async () => {
  await run(2, async (attempt) => {
    await h.platform.db.transaction(async (tx) => {
      await attempt.completeWithin(tx);
      throw new Error('the work failed');
    }).catch(() => {});
  });
  // The handler returned, but what it completed was rolled back: the job waits for its expiry and a retry.
  await new Promise((r) => setTimeout(r, 300));
  expect(await stateOf(2)).toBe('active');
});

it('completes the job after a handler that did not complete it', async () => {
  await run(3, async () => {});
  await expect.poll(() => stateOf(3)).toBe('completed');
});
