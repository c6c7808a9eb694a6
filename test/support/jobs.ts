// Running a job's handler directly in a test, outside the queue.
import type { JobAttempt } from '../../src/jobs/queue.ts';
import { silentLogger } from '../../src/observability/logger.ts';

/** An attempt of a job the queue does not hold: completing it completes nothing. */
export const detachedAttempt = (last: boolean, retryCount = 0): JobAttempt => ({
  retryCount,
  last,
  completeWithin: async () => {},
  completionValues: () => ({ job_queue: 'detached', job_id: '00000000-0000-0000-0000-000000000000' }),
  log: silentLogger(),
});
