// Several API processes share one rate-limit budget through the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';
import { RateLimiter, SharedCounter } from '../../src/http/rate-limit.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('shared rate-limit counters', () => {
  it('keeps counting what a merge has in flight', async () => {
    const counter = new SharedCounter(h.platform.db, 60_000);
    const limiter = new RateLimiter(counter, 10);
    const now = Date.now();
    limiter.check('in flight', now);
    limiter.check('in flight', now);
    const merged = counter.flush();
    for (let i = 0; i < 3; i++) await Promise.resolve(); // the merge has taken the hits and waits on the database
    // While the merge waits on the database, its two hits still count.
    expect(limiter.check('in flight', now).headers['x-rate-limit-remaining']).toBe('7');
    await merged;
    expect(limiter.check('in flight', now).headers['x-rate-limit-remaining']).toBe('6');
    await counter.close();
  });

  it('merges what each process counted, so together they stop at the limit', async () => {
    const processA = new SharedCounter(h.platform.db, 60_000);
    const processB = new SharedCounter(h.platform.db, 60_000);
    const a = new RateLimiter(processA, 10);
    const b = new RateLimiter(processB, 10);
    const now = Date.now();
    for (let i = 0; i < 4; i++) expect(a.check('client route', now).exceeded).toBeUndefined();
    for (let i = 0; i < 4; i++) expect(b.check('client route', now).exceeded).toBeUndefined();
    await processA.flush();
    await processB.flush();
    await processA.flush(); // A learns B's count
    // 8 counted together: A may admit 2 more, then refuses.
    expect(a.check('client route', now).headers['x-rate-limit-remaining']).toBe('1');
    expect(a.check('client route', now).exceeded).toBeUndefined();
    expect(a.check('client route', now).exceeded?.type).toBe('TOO_MANY_REQUESTS');
    await processA.close();
    await processB.close();
  });
});
