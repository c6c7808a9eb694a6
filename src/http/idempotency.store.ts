import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { idempotencyKeys } from '../db/schema.ts';

export type IdempotencyRecord = typeof idempotencyKeys.$inferSelect;

/** Claims the key for a first request; answers undefined when someone holds it already. */
export async function claimKey(db: Executor, row: { clientId: string; key: string; route: string; requestHash: string }) {
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({ ...row, state: 'in_progress' })
    .onConflictDoNothing()
    .returning();
  return claimed;
}

export async function findKey(db: Executor, clientId: string, key: string): Promise<IdempotencyRecord | undefined> {
  const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.key, key)));
  return row;
}

export async function completeKey(db: Executor, clientId: string, key: string, statusCode: number, body: unknown) {
  await db
    .update(idempotencyKeys)
    .set({ state: 'completed', statusCode, body })
    .where(and(eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.key, key)));
}

export async function forgetKey(db: Executor, clientId: string, key: string) {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.key, key)));
}

/** Drops a record older than `seconds` so the key can start afresh. */
export async function expireKey(db: Executor, clientId: string, key: string, seconds: number) {
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.key, key), sql`${idempotencyKeys.createdAt} < now() - make_interval(secs => ${seconds})`));
}
