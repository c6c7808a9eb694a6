import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/database.ts';
import { idempotencyKeys, operatorIdempotencyKeys } from '../db/schema.ts';
import type { KeyEncryption } from '../auth/key-encryption.ts';

/** A key's recorded answer. */
export interface KeyAnswer {
  requestHash: string;
  statusCode: number;
  body: unknown;
}

/** What is written with a key. */
export interface KeyRecord extends KeyAnswer {
  route: string;
}

/**
 * Where one caller's keys are kept: an API client's in idempotency_keys (its organization
 * leads the key), the operator's in operator_idempotency_keys.
 */
export interface KeySpace {
  /** Names the key's advisory lock: unique to the caller and the key. */
  readonly lockName: string;
  /** The key's answer, unless it is older than `keepSeconds`. */
  find(db: Executor, keepSeconds: number): Promise<KeyAnswer | undefined>;
  /** Writes the key's answer; a concurrent refusal of the same key may have written it first. */
  record(db: Executor, row: KeyRecord): Promise<void>;
  /** Drops a record older than `seconds` so the key can start afresh. */
  expire(db: Executor, seconds: number): Promise<void>;
}

// Advisory locks share one namespace per database: cellhub's are 727_001 (migrations),
// 727_002 (the demo seed) and this class, which keeps the keys' apart.
const KEY_LOCK_CLASS = 727_003;

/**
 * Takes the key for this transaction, or answers false when another transaction has it.
 * Two keys sharing a 32-bit hash can only make a concurrent retry of one of them wait
 * for a 409: never a wrong answer.
 */
export async function holdKey(tx: Executor, space: KeySpace): Promise<boolean> {
  const [row] = await queryRows<{ held: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${KEY_LOCK_CLASS}, hashtext(${space.lockName})) AS held`);
  return row.held;
}

const fresh = (createdAt: typeof idempotencyKeys.createdAt | typeof operatorIdempotencyKeys.createdAt, keepSeconds: number) =>
  sql`${createdAt} >= now() - make_interval(secs => ${keepSeconds})`;
const stale = (createdAt: typeof idempotencyKeys.createdAt | typeof operatorIdempotencyKeys.createdAt, keepSeconds: number) =>
  sql`${createdAt} < now() - make_interval(secs => ${keepSeconds})`;

/** A client's key: the client belongs to the organization, which leads the table's key. */
export interface ClientKey {
  organizationId: string;
  clientId: string;
  key: string;
}

export function clientKeySpace(k: ClientKey): KeySpace {
  const keyIs = and(eq(idempotencyKeys.organizationId, k.organizationId), eq(idempotencyKeys.clientId, k.clientId), eq(idempotencyKeys.key, k.key));
  return {
    lockName: `${k.clientId} ${k.key}`,
    async find(db, keepSeconds) {
      const [row] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(keyIs, fresh(idempotencyKeys.createdAt, keepSeconds)));
      return row && { requestHash: row.requestHash, statusCode: row.statusCode ?? 200, body: row.body };
    },
    async record(db, row) {
      await db
        .insert(idempotencyKeys)
        .values({ ...k, ...row, state: 'completed' })
        .onConflictDoNothing();
    },
    async expire(db, seconds) {
      await db.delete(idempotencyKeys).where(and(keyIs, stale(idempotencyKeys.createdAt, seconds)));
    },
  };
}

/** The operator's key. Answers are stored sealed: one may hold a new client's secret. */
export function operatorKeySpace(key: string, sealing: KeyEncryption): KeySpace {
  const keyIs = eq(operatorIdempotencyKeys.key, key);
  return {
    // No API client's id starts with a slash: the operator's locks are its own.
    lockName: `/operator ${key}`,
    async find(db, keepSeconds) {
      const [row] = await db
        .select()
        .from(operatorIdempotencyKeys)
        .where(and(keyIs, fresh(operatorIdempotencyKeys.createdAt, keepSeconds)));
      return row && { requestHash: row.requestHash, statusCode: row.statusCode, body: JSON.parse(sealing.open(row.body)) };
    },
    async record(db, { body, ...row }) {
      await db
        .insert(operatorIdempotencyKeys)
        .values({ key, ...row, body: sealing.seal(JSON.stringify(body ?? null)) })
        .onConflictDoNothing();
    },
    async expire(db, seconds) {
      await db.delete(operatorIdempotencyKeys).where(and(keyIs, stale(operatorIdempotencyKeys.createdAt, seconds)));
    },
  };
}
