import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/database.ts';
import { idempotencyKeys } from '../db/schema.ts';

export type IdempotencyRecord = typeof idempotencyKeys.$inferSelect;

// Advisory locks share one namespace per database: cellhub's are 727_001 (migrations),
// 727_002 (the demo seed) and this class, which keeps the keys' apart.
const KEY_LOCK_CLASS = 727_003;

/**
 * Takes the key for this transaction, or answers false when another transaction has it.
 * Two keys sharing a 32-bit hash can only make a concurrent retry of one of them wait
 * for a 409: never a wrong answer.
 */
export async function holdKey(tx: Executor, clientId: string, key: string): Promise<boolean> {
  const [row] = await queryRows<{ held: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${KEY_LOCK_CLASS}, hashtext(${clientId} || ' ' || ${key})) AS held`);
  return row.held;
}

/** A client's key: the client belongs to the organization, which leads the table's key. */
export interface ClientKey {
  organizationId: string;
  clientId: string;
  key: string;
}

const keyIs = (k: ClientKey) => and(eq(idempotencyKeys.organizationId, k.organizationId), eq(idempotencyKeys.clientId, k.clientId), eq(idempotencyKeys.key, k.key));

/** The key's answer, unless it is older than `keepSeconds`. */
export async function findKey(db: Executor, k: ClientKey, keepSeconds: number): Promise<IdempotencyRecord | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(keyIs(k), sql`${idempotencyKeys.createdAt} >= now() - make_interval(secs => ${keepSeconds})`));
  return row;
}

/** Writes the key's answer; a concurrent refusal of the same key may have written it first. */
export async function recordKey(db: Executor, row: ClientKey & { route: string; requestHash: string; statusCode: number; body: unknown }) {
  await db
    .insert(idempotencyKeys)
    .values({ ...row, state: 'completed' })
    .onConflictDoNothing();
}

/** Drops a record older than `seconds` so the key can start afresh. */
export async function expireKey(db: Executor, k: ClientKey, seconds: number) {
  await db.delete(idempotencyKeys).where(and(keyIs(k), sql`${idempotencyKeys.createdAt} < now() - make_interval(secs => ${seconds})`));
}
