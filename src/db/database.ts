// The database handle: embedded PGlite (a file-persisted PostgreSQL in WASM) by default,
// a real PostgreSQL when a URL is given. Both speak one dialect and share migrations.
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { lockDataDir } from './data-dir-lock.ts';
import { eventLoopTurns, workOwner } from './turns.ts';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema.ts';
import { runText } from './statement.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: stores take either. */
export type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute' | 'transaction' | '_'>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** How to reach the same database from another client: a URL, or the embedded instance. */
  connection: { url: string } | { pglite: PGlite };
  /** Counts statements sent, so tests can prove a fixed number of queries per request. */
  queryCount(): number;
  /** The PostgreSQL connection pool (its use is a metric); none on the embedded database. */
  pool?: pg.Pool;
  migrate(): Promise<void>;
  /** Whether every migration this code knows is applied; throws when the database cannot be reached. */
  migrated(): Promise<boolean>;
  /**
   * Listens to a NOTIFY channel. `onReset` is called whenever notifications may have
   * been missed (the listening connection broke); `healthy()` says whether they flow now.
   */
  listen(channel: string, onNotify: (payload: string) => void, onReset: () => void): Promise<Listener>;
  close(): Promise<void>;
}

export interface Listener {
  healthy(): boolean;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// Serializes migrations when several processes start against one PostgreSQL.
const MIGRATION_LOCK = 727_001;

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; undefined keeps the database in memory. */
  dataDir?: string;
  /** A PGlite instance to use as is (tests load one from a migrated template). */
  pglite?: PGlite;
  poolSize?: number;
  /** Where a new embedded database starts from (default: the build's, if any); false: initdb and every migration. */
  template?: Template | false;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  let queries = 0;
  const logger = { logQuery: () => void queries++ };
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process.
    pool.on('error', () => {});
    const db = drizzlePostgres(pool, { schema, logger }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      connection: { url: options.databaseUrl },
      queryCount: () => queries,
      pool,
      migrated: () => migrated(db),
      async migrate() {
        if (await alreadyMigrated(db)) return;
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
          await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
          client.release();
        }
      },
      listen: (channel, onNotify, onReset) => listenPostgres(options.databaseUrl!, channel, onNotify, onReset),
      close: () => pool.end(),
    };
  }
  if (options.dataDir && !options.pglite) mkdirSync(options.dataDir, { recursive: true });
  const release = options.dataDir && !options.pglite ? lockDataDir(options.dataDir) : () => {};
  const template = options.dataDir && !options.pglite && options.template !== false ? templateFor(options.dataDir, options.template) : undefined;
  const client =
    options.pglite ??
    (await PGlite.create(options.dataDir ? { dataDir: options.dataDir, ...(template ? { loadDataDir: template } : {}) } : {}).catch((error: unknown) => {
      release();
      throw error;
    }));
  const db = drizzlePglite(takingTurnsBeforeEachStatement(client), { schema, logger }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    connection: { pglite: client },
    queryCount: () => queries,
    migrated: () => migrated(db),
    async migrate() {
      if (await alreadyMigrated(db)) return;
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    },
    // One process owns an embedded database, so its notifications cannot be missed.
    async listen(channel, onNotify) {
      const unlisten = await client.listen(channel, onNotify);
      return { healthy: () => !client.closed, close: () => unlisten() };
    },
    async close() {
      await client.close();
      release();
    },
  };
}

/** A template of the embedded database: its tarball, and a manifest naming the PGlite that made it. */
export interface Template {
  tarball: URL | string;
  manifest: URL | string;
}

/** Made by the build (scripts/build-cli.mjs) beside the built code; none beside the sources. */
const BUILT_TEMPLATE: Template = {
  tarball: new URL('./pglite-template.tar.gz', import.meta.url),
  manifest: new URL('./pglite-template.json', import.meta.url),
};

/**
 * A new embedded database starts from the build's template when there is one made by
 * this PGlite: an empty database with every migration of the build applied, so a first
 * start neither runs initdb nor the migrations, which together were most of it (on the
 * embedded database each page a migration writes is a file write). It holds no secret:
 * keys and the demo are made at start as ever. Any migration newer than the template is
 * applied by migrate() as on any database.
 */
export function templateFor(dataDir: string, template: Template = BUILT_TEMPLATE): Blob | undefined {
  if (existsSync(join(dataDir, 'PG_VERSION')) || !existsSync(template.tarball) || !existsSync(template.manifest)) return undefined;
  try {
    const made = JSON.parse(readFileSync(template.manifest, 'utf8')) as { pglite?: string };
    if (made.pglite !== pgliteVersion()) return undefined;
    return new Blob([readFileSync(template.tarball)]);
  } catch {
    return undefined; // unreadable: make the database as without one
  }
}

/** The installed PGlite's version: a template is a data directory of one PGlite's making. */
export function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

let newestMillis: number | undefined;
/** When the newest migration was made, as drizzle records it (its journal's `when`); read once. */
function newestMigration(): number {
  newestMillis ??= readJournal().entries.reduce((newest, e) => Math.max(newest, e.when), 0);
  return newestMillis;
}

const readJournal = (): { entries: { when: number }[] } => JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));

/**
 * Whether there is nothing to apply: one statement, where drizzle's migrator reads and
 * hashes every file and makes its schema first (a restart paid for that each time).
 * A database never migrated (no drizzle schema yet) is not.
 */
async function alreadyMigrated(db: Db): Promise<boolean> {
  return migrated(db).catch(() => false);
}

/** The newest migration this code ships has been applied (drizzle records each by its folder's time). */
async function migrated(db: Db): Promise<boolean> {
  const newest = newestMigration();
  const rows = await runText<{ at: string | null }>(db, 'SELECT max(created_at) AS at FROM drizzle.__drizzle_migrations', []);
  return Number(rows[0]?.at ?? 0) >= newest;
}

/**
 * The embedded database runs on the event loop's own thread and a statement completes
 * without I/O, so a request's statements would run back to back while no other
 * connection is even read. Each statement outside a transaction first waits for its
 * organization's turn (see turns.ts), which comes one per turn of the event loop and
 * sooner to an organization that used less time lately; what it took is charged to
 * that organization. This bounds what one organization's page of many statements makes
 * another's request wait to a statement, not a page. Inside a transaction, which holds
 * the database, statements run without a pause so that the transaction ends soonest.
 */
function takingTurnsBeforeEachStatement(client: PGlite): PGlite {
  // Every query looks its methods up: bind each once, not at every statement.
  const methods = new Map<PropertyKey, unknown>();
  const methodOf = (property: PropertyKey, method: (...args: unknown[]) => unknown) => {
    if (property !== 'query' && property !== 'exec') return method.bind(client);
    return async (...args: unknown[]) => {
      const flow = workOwner() ?? '';
      await eventLoopTurns.take(flow);
      const started = performance.now();
      try {
        return await method.apply(client, args);
      } finally {
        eventLoopTurns.charge(flow, performance.now() - started);
      }
    };
  };
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (!methods.has(property)) methods.set(property, methodOf(property, value as (...args: unknown[]) => unknown));
      return methods.get(property);
    },
  });
}

/** A dedicated connection for LISTEN that reconnects with backoff after a failure. */
async function listenPostgres(connectionString: string, channel: string, onNotify: (payload: string) => void, onReset: () => void): Promise<Listener> {
  let client: pg.Client | undefined;
  let healthy = false;
  let closed = false;
  let delay = 250;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    next.on('error', () => broken(next));
    next.on('end', () => broken(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch {
      broken(next);
      return;
    }
    client = next;
    healthy = true;
    delay = 250;
  };

  const broken = (which: pg.Client) => {
    if (which !== client && client !== undefined) return;
    if (healthy) onReset();
    healthy = false;
    client = undefined;
    which.removeAllListeners('end');
    which.end().catch(() => {});
    if (closed) return;
    setTimeout(() => void connect(), delay).unref();
    delay = Math.min(delay * 2, 30_000);
  };

  await connect();
  return {
    healthy: () => healthy,
    async close() {
      closed = true;
      healthy = false;
      await client?.end().catch(() => {});
    },
  };
}

/** Runs raw SQL and answers its rows; both drivers return `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}

type DriverError = { code?: string; constraint?: string; detail?: string; cause?: DriverError } | undefined;

/** The driver's error, which drizzle may wrap. */
const driverError = (error: unknown): DriverError => {
  const e = error as DriverError;
  return e?.code ? e : e?.cause;
};

/** Whether the error is PostgreSQL's unique_violation. */
export function isUniqueViolation(error: unknown): boolean {
  return driverError(error)?.code === '23505';
}

/**
 * For a unique_violation, the field a client would name: the key's last column that is
 * not the tenant's (`Key (organization_id, reference_code)=(…)` → `reference_code`).
 */
export function uniqueViolation(error: unknown): string | undefined {
  const e = driverError(error);
  if (e?.code !== '23505') return undefined;
  const columns = /Key \(([^)]*)\)=/
    .exec(e.detail ?? '')?.[1]
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''));
  return columns?.filter((c) => c !== 'organization_id').at(-1) ?? e.constraint ?? 'a field';
}

/** Whether the error is PostgreSQL's foreign_key_violation of that constraint. */
export function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  const e = driverError(error);
  return e?.code === '23503' && e.constraint === constraint;
}
