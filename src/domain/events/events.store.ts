import { and, asc, eq, gt, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { statement } from '../../db/statement.ts';
import { eventPositions, events, webhookEndpoints } from '../../db/schema.ts';

export type EventRow = typeof events.$inferSelect;

export interface NewEventRow {
  id: string;
  type: string;
  data: unknown;
}

/** An enabled endpoint of the organization, which its events fan out to. */
export interface EventEndpoint {
  id: string;
  url: string;
  eventTypes: string[];
}

const p = sql.placeholder;

// Taking the positions, inserting the events and finding their endpoints, in one statement: on the
// embedded database every statement holds its one connection, and every order's
// completion writes events. The rows come as JSON, each with its place `n` (1…).
const writeAndFindEndpoints = statement<EventEndpoint>(
  'events_write',
  () => sql`
  WITH taken AS (
    INSERT INTO ${eventPositions} (organization_id, position) VALUES (${p('organizationId')}, ${p('count')})
    ON CONFLICT (organization_id) DO UPDATE SET position = ${eventPositions}.position + excluded.position
    RETURNING position - ${p('count')}::bigint AS before
  ), written AS (
    INSERT INTO ${events} (id, organization_id, position, type, occurred_at, data)
    SELECT e.id, ${p('organizationId')}, taken.before + e.n, e.type, ${p('occurredAt')}::timestamptz, e.data
    FROM taken, jsonb_to_recordset(${p('rows')}::jsonb) AS e(id text, type text, data jsonb, n bigint)
  )
  SELECT id, url, event_types AS "eventTypes" FROM ${webhookEndpoints}
  WHERE organization_id = ${p('organizationId')} AND status = 'enabled'`,
);

/**
 * Writes the organization's events at the next positions of its feed, and answers its
 * enabled endpoints. The position's row stays locked until the transaction ends, so the
 * organization's events are numbered in the order their transactions commit: a reader
 * never sees a position before a smaller one has committed (or been given back by a
 * rollback).
 */
export function writeEvents(db: Executor, organizationId: string, occurredAt: Date, rows: NewEventRow[]): Promise<EventEndpoint[]> {
  const numbered = rows.map((row, i) => ({ ...row, n: i + 1 }));
  return writeAndFindEndpoints(db, { organizationId, count: rows.length, occurredAt: occurredAt.toISOString(), rows: JSON.stringify(numbered) });
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
