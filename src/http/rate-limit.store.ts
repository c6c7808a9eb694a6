import { lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { rateLimitCounters } from '../db/schema.ts';

/** Adds `delta` to each counter and answers the totals across every process. */
export async function addToCounters(db: Executor, deltas: { key: string; windowStart: number; delta: number }[]): Promise<{ key: string; windowStart: number; count: number }[]> {
  if (deltas.length === 0) return [];
  return db
    .insert(rateLimitCounters)
    .values(deltas.map(({ key, windowStart, delta }) => ({ key, windowStart, count: delta })))
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + excluded.count` },
    })
    .returning({ key: rateLimitCounters.key, windowStart: rateLimitCounters.windowStart, count: rateLimitCounters.count });
}

export async function deleteCountersBefore(db: Executor, windowStart: number): Promise<void> {
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, windowStart));
}
