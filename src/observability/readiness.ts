// Whether this process can do its work now: the database answers, every migration this
// code knows is applied, and (in a process that runs them) the workers run. /readyz
// answers with the list of what is not ready; empty means ready.
import type { Database } from '../db/database.ts';
import type { Workers } from '../workers.ts';

const DATABASE_PATIENCE_MS = 2_000;

function withinPatience<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_PATIENCE_MS} ms`)), DATABASE_PATIENCE_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** What is not ready, one message each. `workers`: the ones this process runs, if it is meant to. */
export async function notReady(database: Database, workers?: Pick<Workers, 'running'>): Promise<string[]> {
  const problems: string[] = [];
  try {
    if (!(await withinPatience(database.migrated()))) problems.push('database: migrations are not all applied');
  } catch {
    problems.push('database: not reachable');
  }
  if (workers && !workers.running()) problems.push('workers: not running');
  return problems;
}
