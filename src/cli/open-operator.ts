// Chooses where an operator command's work is done. On the embedded database a running
// cellhub holds the database (data-dir-lock.ts) and says in the lock where it serves:
// then the work goes through its operator API. Otherwise (no server, or PostgreSQL,
// which any number of processes share) it is done in this process. --server sends it
// to a given server in any case. A command that only makes sense beside a running
// server (listen) says so rather than open the embedded database itself.
import type { Config } from '../config.ts';
import { lockHolder } from '../db/data-dir-lock.ts';
import { readOperatorToken } from './operator-token.ts';
import type { Operator } from './operator.ts';

export interface OpenOptions {
  /** Why the command needs a running server: refused on an embedded database no server holds. */
  needsServer?: string;
}

export async function openOperator(config: Config, server?: string, options: OpenOptions = {}): Promise<Operator> {
  const remote = async (url: string, why: string) => {
    const token = readOperatorToken(config);
    if (!token) throw new Error(`${why}, but no operator token was found: set OPERATOR_TOKEN to the server's`);
    const { remoteOperator } = await import('./remote-operator.ts');
    return remoteOperator(url, token);
  };
  if (server) return remote(server, `--server ${server}`);
  if (!config.databaseUrl) {
    const dataDir = `${config.dataDir}/db`;
    const holder = lockHolder(dataDir);
    if (holder?.url) return remote(holder.url, `the embedded database in ${dataDir} is held by the cellhub server at ${holder.url} (process ${holder.pid})`);
    if (holder) {
      throw new Error(
        `the embedded database in ${dataDir} is in use by process ${holder.pid}, which serves no operator API (still starting, or a worker); try again once it serves, or stop it`,
      );
    }
    if (options.needsServer)
      throw new Error(`no cellhub server holds the embedded database in ${dataDir}: ${options.needsServer}; start one (npx cellhub serve), or give --server`);
  }
  const { openLocalOperator } = await import('./local-operator.ts');
  return openLocalOperator(config);
}
