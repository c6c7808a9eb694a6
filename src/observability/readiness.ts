// Whether this process can do its work now: the database answers, every migration this
// code knows is applied, and (in a process that runs them) the workers run. /readyz
// answers with the list of what is not ready; empty means ready.
import type { Platform } from '../platform.ts';

const DATABASE_PATIENCE_MS = 2_000;

function withinPatience<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_PATIENCE_MS} ms`)), DATABASE_PATIENCE_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** What is not ready, one message each. `workers`: whether this process is meant to run them. */
export async function notReady(platform: Platform, workers: boolean): Promise<string[]> {
  const problems: string[] = [];
  try {
    if (!(await withinPatience(platform.database.migrated()))) problems.push('database: migrations are not all applied');
  } catch {
    problems.push('database: not reachable');
  }
  if (workers && !platform.workers().running) problems.push('workers: not running');
  return problems;
}
