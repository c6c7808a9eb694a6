import { and, asc, eq, gt, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { events } from '../../db/schema.ts';

export type EventRow = typeof events.$inferSelect;

export async function insertEvents(db: Executor, rows: (typeof events.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(events).values(rows);
}

/** Where a reader of the feed stands: after this transaction's event. */
export interface FeedPosition {
  txId: number;
  id: string;
}

export interface FeedFilter {
  types?: string[];
  from?: Date;
  to?: Date;
  after?: FeedPosition;
  rows: number;
}

/**
 * The organization's events in feed order (transaction, then id), after the position,
 * and only of transactions older than every one still running: a later page can then
 * only hold events that come after this one's.
 */
export function selectFeed(db: Executor, organizationId: string, filter: FeedFilter): Promise<EventRow[]> {
  const { after } = filter;
  const conditions: (SQL | undefined)[] = [
    eq(events.organizationId, organizationId),
    sql`${events.txId} < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`,
    filter.types?.length ? inArray(events.type, filter.types) : undefined,
    filter.from ? gte(events.occurredAt, filter.from) : undefined,
    filter.to ? lt(events.occurredAt, filter.to) : undefined,
    after ? or(gt(events.txId, after.txId), and(eq(events.txId, after.txId), gt(events.id, after.id))) : undefined,
  ];
  return db
    .select()
    .from(events)
    .where(and(...conditions))
    .orderBy(asc(events.txId), asc(events.id))
    .limit(filter.rows);
}

export async function findEvent(db: Executor, organizationId: string, id: string): Promise<EventRow | undefined> {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.organizationId, organizationId), eq(events.id, id)));
  return row;
}

/** Deletes events made before `floor` (an id floor), per organization so each delete uses its key. */
export async function deleteEventsBefore(db: Executor, floor: string): Promise<number> {
  const deleted = await db.execute(sql`
    DELETE FROM ${events} e USING organizations o
    WHERE e.organization_id = o.id AND e.id < ${floor}`);
  return (deleted as { affectedRows?: number; rowCount?: number }).affectedRows ?? (deleted as { rowCount?: number }).rowCount ?? 0;
}
