// Reads from a streaming replica (DATABASE_REPLICA_URL): list pages and usage items may
// be served by it, so the primary keeps its work for writes. Single-resource reads,
// writes and a client's reads right after its own write stay on the primary. A replica
// that is down, or further behind than REPLICA_MAX_LAG_MS, is not read from: the read
// goes to the primary instead. See docs/scaling.md.
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from './schema.ts';
import type { Db } from './database.ts';

/** How long one look at the replica's lag is trusted, so a busy list does not ask each time. */
const CHECK_EVERY_MS = 200;
/** A replica that does not answer this fast counts as down. */
const CONNECT_TIMEOUT_MS = 1_000;

export type ReadSource = 'primary' | 'replica';

export interface ReplicaState {
  up: boolean;
  /** How far replay is behind what the replica has received from the primary, in ms (0: caught up). */
  lagMs: number;
}

export interface ReadChoice {
  /** Who wants to read: a client that wrote lately, or asked for the primary, reads there. */
  client?: string;
  primaryAsked?: boolean;
}

export interface ReadRouter {
  /** Runs a list read on the replica when it may serve it, else (or if it fails there) on the primary. */
  list<T>(choice: ReadChoice, read: (db: Db, source: ReadSource) => Promise<T>): Promise<T>;
  /** A client wrote: its next reads, for a while, see the primary. */
  wrote(client: string): void;
  /** The replica's state as last seen (undefined without a replica). */
  state(): Promise<ReplicaState | undefined>;
  close(): Promise<void>;
}

/** No replica: every read is the primary's. */
export function primaryOnly(primary: Db): ReadRouter {
  return { list: (_choice, read) => read(primary, 'primary'), wrote: () => {}, state: async () => undefined, close: async () => {} };
}

export interface ReplicaOptions {
  url: string;
  poolSize: number;
  maxLagMs: number;
  stickyMs: number;
  /** Told when a read on the replica failed and went to the primary instead. */
  onFallback?: (error: unknown) => void;
}

export function replicaRouter(primary: Db, options: ReplicaOptions): ReadRouter {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A replica going away must not crash the process: reads fall back to the primary.
  pool.on('error', () => {});
  const replica = drizzle(pool, { schema }) as unknown as Db;
  const writes = new Map<string, number>();
  let seen: { at: number; state: Promise<ReplicaState> } | undefined;

  const look = async (): Promise<ReplicaState> => {
    try {
      const { rows } = await pool.query<{ lag_ms: number | null }>(LAG_QUERY);
      return { up: true, lagMs: rows[0].lag_ms ?? Number.POSITIVE_INFINITY };
    } catch {
      return { up: false, lagMs: Number.POSITIVE_INFINITY };
    }
  };
  const state = () => {
    const now = Date.now();
    if (!seen || now - seen.at >= CHECK_EVERY_MS) seen = { at: now, state: look() };
    return seen.state;
  };
  const wroteLately = (client: string | undefined) => {
    if (client === undefined) return false;
    const at = writes.get(client);
    if (at === undefined) return false;
    if (Date.now() - at < options.stickyMs) return true;
    writes.delete(client);
    return false;
  };

  return {
    async list(choice, read) {
      if (choice.primaryAsked || wroteLately(choice.client)) return read(primary, 'primary');
      const now = await state();
      if (!now.up || now.lagMs > options.maxLagMs) return read(primary, 'primary');
      try {
        return await read(replica, 'replica');
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        options.onFallback?.(error);
        seen = { at: Date.now(), state: Promise.resolve({ up: false, lagMs: Number.POSITIVE_INFINITY }) };
        return read(primary, 'primary');
      }
    },
    wrote(client) {
      writes.set(client, Date.now());
      // Forget old writers now and then, so the map stays small.
      if (writes.size > 10_000) for (const [key, at] of writes) if (Date.now() - at >= options.stickyMs) writes.delete(key);
    },
    state,
    close: () => pool.end(),
  };
}

/**
 * Replay lag: nothing when replay has applied all the replica received (an idle primary
 * sends nothing, so the last replayed commit's age would overstate it); otherwise the
 * age of the last commit replayed. A server not in recovery (the primary itself) has none.
 */
const LAG_QUERY = `
  SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE greatest(0, extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)
  END::float8 AS lag_ms`;

/** The replica could not be reached or went away mid-query (not an error of the query itself). */
function isConnectionError(error: unknown): boolean {
  const e = (error as { cause?: unknown }).cause ?? error;
  const code = (e as { code?: string }).code ?? '';
  const message = e instanceof Error ? e.message : String(e);
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003'].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|connection is closed|Client has encountered a connection error/i.test(message)
  );
}
