// The job queue: a job can be written by the statement of the change that causes it, and
// a handler may complete its job within the transaction that finishes its work, so the
// job and the work commit together (or neither does).
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { startHarness, type Harness } from '../support/harness.ts';
import { queryRows } from '../../src/db/database.ts';
import { handler, jobCompletion, type JobAttempt, type JobKind } from '../../src/jobs/queue.ts';
import { statement } from '../../src/db/statement.ts';
import { exposition } from '../../src/observability/metrics.ts';
import { WorkLoop } from '../../src/jobs/work-loop.ts';

const TEST_JOB: JobKind<{ n: number }> = { name: 'test-complete-within', retryLimit: 0, retryDelaySeconds: 1 };

let h: Harness;
const seen: Record<number, (attempt: JobAttempt) => Promise<void>> = {};
/** Jobs handed to a handler so far. */
let handled = 0;

beforeAll(async () => {
  h = await startHarness();
  await h.platform.queue.start([TEST_JOB]);
  await h.platform.queue.work(
    [
      handler(TEST_JOB, (data, attempt) => {
        handled++;
        return seen[data.n](attempt);
      }),
    ],
    2,
  );
});
afterAll(() => h.close());

const stateOf = async (n: number) =>
  (await queryRows<{ state: string }>(h.platform.db, sql`SELECT state FROM pgboss.job WHERE name = ${TEST_JOB.name} AND (data->>'n')::int = ${n}`))[0]?.state;

/** Runs the queue is done with, handler and all: it counts a run last, after completing the job or leaving it. */
const runsCounted = async () => Number(/^cellhub_job_runs_total\{kind="test-complete-within",outcome="completed"\} (\d+)$/m.exec(await exposition())?.[1] ?? 0);

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
    await h.platform.db
      .transaction(async (tx) => {
        await attempt.completeWithin(tx);
        throw new Error('the work failed');
      })
      .catch(() => {});
  });
  // The handler returned, but what it completed was rolled back: the job waits for its expiry and a retry.
  await expect.poll(runsCounted).toBe(handled);
  expect(await stateOf(2)).toBe('active');
});

it('completes the job after a handler that did not complete it', async () => {
  await run(3, async () => {});
  await expect.poll(() => stateOf(3)).toBe('completed');
});

// A change of its own (a settings row) and the job it causes, in one statement.
const withJob = statement<{ key: string }, [ReturnType<typeof sql>]>(
  'test_change_with_job',
  (job) => sql`
  WITH job AS (${job})
  INSERT INTO settings (key, value) VALUES (${sql.placeholder('key')}, ${sql.placeholder('value')}::jsonb) RETURNING key`,
);

it('runs a job written by the statement of the change that causes it', async () => {
  const done = new Promise<void>((resolve) => {
    seen[4] = async () => resolve();
  });
  const job = await h.platform.queue.insertion(TEST_JOB, { n: 4 });
  expect(await withJob(h.platform.db, { key: 'test-with-job', value: '1', ...job.values }, job.sql)).toEqual([{ key: 'test-with-job' }]);
  h.platform.queue.wake();
  await done;
  await expect.poll(() => stateOf(4)).toBe('completed');
});

it('writes no job when that statement fails', async () => {
  const job = await h.platform.queue.insertion(TEST_JOB, { n: 5 });
  // The key exists already: the insert fails, and the job with it.
  await expect(withJob(h.platform.db, { key: 'test-with-job', value: '2', ...job.values }, job.sql)).rejects.toThrow();
  expect(await stateOf(5)).toBeUndefined();
});

// A statement finishing a job's work (here: nothing) completes the job where its flag holds.
const finishing = statement<{ finished: boolean }>(
  'test_job_finishing',
  () => sql`
  WITH done AS (${jobCompletion(sql`${sql.placeholder('finish')}::boolean`)} RETURNING 1)
  SELECT EXISTS (SELECT FROM done) AS finished`,
);

it("completes the job within a statement of one's own, where its condition holds", async () => {
  await run(6, async (attempt) => {
    expect(await finishing(h.platform.db, { finish: true, ...attempt.completionValues() })).toEqual([{ finished: true }]);
  });
  expect(await stateOf(6)).toBe('completed');
  await run(7, async (attempt) => {
    expect(await finishing(h.platform.db, { finish: false, ...attempt.completionValues() })).toEqual([{ finished: false }]);
  });
  // Left to the statement, which did not complete it: it waits for its expiry and a retry.
  await expect.poll(runsCounted).toBe(handled);
  expect(await stateOf(7)).toBe('active');
});

it('wakes only the runners of the kinds named, or every runner when none is', async () => {
  // Each runner woken fetches; on the embedded database a fetch holds its one connection.
  const woken = vi.spyOn(WorkLoop.prototype, 'wake');
  try {
    h.platform.queue.wake(TEST_JOB);
    expect(woken).toHaveBeenCalledTimes(1);
    woken.mockClear();
    h.platform.queue.wake();
    expect(woken.mock.calls.length).toBeGreaterThan(1); // the harness's workers run every kind
  } finally {
    woken.mockRestore();
  }
});
