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

// Inserting the events and finding their endpoints, in one statement: on the embedded
// database every statement holds its one connection, and every order's completion
// writes events. The rows come as JSON. No position yet, and so no lock: see numberEvents.
const writeAndFindEndpoints = statement<EventEndpoint>(
  'events_write',
  () => sql`
  WITH written AS (
    INSERT INTO ${events} (id, organization_id, type, occurred_at, data)
    SELECT e.id, ${p('organizationId')}, e.type, ${p('occurredAt')}::timestamptz, e.data
    FROM jsonb_to_recordset(${p('rows')}::jsonb) AS e(id text, type text, data jsonb)
  )
  SELECT id, url, event_types AS "eventTypes" FROM ${webhookEndpoints}
  WHERE organization_id = ${p('organizationId')} AND status = 'enabled'`,
);

/** Writes the organization's events (to be numbered by the feed's next reader), and answers its enabled endpoints. */
export function writeEvents(db: Executor, organizationId: string, occurredAt: Date, rows: NewEventRow[]): Promise<EventEndpoint[]> {
  return writeAndFindEndpoints(db, { organizationId, occurredAt: occurredAt.toISOString(), rows: JSON.stringify(rows) });
}

/** How many events one read numbers at most: more than a page, so a reader always moves on. */
const NUMBERED_PER_READ = 1000;

const anyUnnumbered = statement<{ found: boolean }>(
  'events_any_unnumbered',
  () => sql`SELECT EXISTS (SELECT FROM ${events} WHERE organization_id = ${p('organizationId')} AND position IS NULL) AS found`,
);

// Locks the organization's position row (made at its first numbering); the numbering
// must be a statement of its own after it, so its snapshot holds every event committed
// before the lock was granted, the previous numbering's included.
const lockPosition = statement<{ position: number }>(
  'events_lock_position',
  () => sql`
  INSERT INTO ${eventPositions} (organization_id, position) VALUES (${p('organizationId')}, 0)
  ON CONFLICT (organization_id) DO UPDATE SET position = ${eventPositions}.position
  RETURNING position`,
);

// Committed events without a position get the next ones, oldest id first (ids rise
// within a transaction, so its events keep their order).
const numberUnnumbered = statement(
  'events_number',
  () => sql`
  WITH next AS (
    SELECT id, row_number() OVER (ORDER BY id) AS n FROM ${events}
    WHERE organization_id = ${p('organizationId')} AND position IS NULL
    ORDER BY id LIMIT ${p('limit')}
  ), numbered AS (
    UPDATE ${events} e SET position = ${p('before')}::bigint + next.n
    FROM next WHERE e.organization_id = ${p('organizationId')} AND e.id = next.id
    RETURNING e.position
  )
  UPDATE ${eventPositions} SET position = (SELECT coalesce(max(position), ${p('before')}::bigint) FROM numbered)
  WHERE organization_id = ${p('organizationId')}`,
);

/**
 * Numbers the organization's committed events that have no position yet, after every
 * numbered one. The position row stays locked until this transaction commits, so
 * positions are handed out in the order their numberings commit: a reader never sees a
 * position before a smaller one is visible, and an event committed late (its
 * transaction began before others that committed first) simply gets a later position.
 * The changes' own transactions take no lock, so they do not wait on one another.
 */
export async function numberEvents(db: Executor, organizationId: string): Promise<void> {
  const [pending] = await anyUnnumbered(db, { organizationId });
  if (!pending?.found) return;
  await db.transaction(async (tx) => {
    const [row] = await lockPosition(tx, { organizationId });
    await numberUnnumbered(tx, { organizationId, before: row.position, limit: NUMBERED_PER_READ });
  });
}

export interface FeedFilter {
  types?: string[];
  from?: Date;
  to?: Date;
  /** The position of the last event read; 0 before the first. */
  after: number;
  rows: number;
}

/** The organization's numbered events after a position, oldest first (numberEvents first). */
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
