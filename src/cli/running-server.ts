// Where a command that needs a running server finds one without --server: the server
// that holds the embedded database names its URL in the lock (data-dir-lock.ts).
import type { Config } from '../config.ts';
import { lockHolder } from '../db/data-dir-lock.ts';

export function runningServer(config: Config, why: string): string {
  const dataDir = `${config.dataDir}/db`;
  const url = config.databaseUrl ? undefined : lockHolder(dataDir)?.url;
  if (url) return url;
  const where = config.databaseUrl ? 'on PostgreSQL' : `no cellhub server holds the embedded database in ${dataDir}`;
  throw new Error(`--server: give the URL of a cellhub server to ${why} (${where}; start one with npx cellhub serve)`);
}
