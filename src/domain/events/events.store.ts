import { and, asc, eq, gt, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { eventPositions, events } from '../../db/schema.ts';

export type EventRow = typeof events.$inferSelect;

export async function insertEvents(db: Executor, rows: (typeof events.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(events).values(rows);
}

/**
 * Takes the next `count` positions of the organization's feed and answers the first.
 * The row stays locked until the transaction ends, so the organization's events are
 * numbered in the order their transactions commit: a reader never sees a position
 * before a smaller one has committed (or been given back by a rollback).
 */
export async function takePositions(db: Executor, organizationId: string, count: number): Promise<number> {
  const [row] = await db
    .insert(eventPositions)
    .values({ organizationId, position: count })
    .onConflictDoUpdate({ target: eventPositions.organizationId, set: { position: sql`${eventPositions.position} + ${count}` } })
    .returning({ position: eventPositions.position });
  return row.position - count + 1;
}

export interface FeedFilter {
  types?: string[];
  from?: Date;
  to?: Date;
  /** The position of the last event read; 0 before the first. */
  after: number;
  rows: number;
}

/** The organization's events after a position, oldest first. */
export function selectFeed(db: Executor, organizationId: string, filter: FeedFilter): Promise<EventRow[]> {
  const conditions: (SQL | undefined)[] = [
    eq(events.organizationId, organizationId),
    filter.types?.length ? inArray(events.type, filter.types) : undefined,
    filter.from ? gte(events.occurredAt, filter.from) : undefined,
    filter.to ? lt(events.occurredAt, filter.to) : undefined,
    gt(events.position, filter.after),
  ];
  return db
    .select()
    .from(events)
    .where(and(...conditions))
    .orderBy(asc(events.position))
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
