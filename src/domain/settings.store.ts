import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { settings } from '../db/schema.ts';

export async function readSetting<T>(db: Executor, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row?.value as T | undefined;
}

export async function writeSetting(db: Executor, key: string, value: unknown): Promise<void> {
  await db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
}

/** Serializes a critical section across processes, until the transaction ends. */
export async function lockForTransaction(db: Executor, lockId: number): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${lockId})`);
}
