import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/database.ts';
import { newestFirst, equalIfSet, type Page } from '../../db/pages.ts';
import { webhookAttempts, webhookDeliveries } from '../../db/schema.ts';

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookAttempt = typeof webhookAttempts.$inferSelect;

export async function insertDeliveries(db: Executor, rows: (typeof webhookDeliveries.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(webhookDeliveries).values(rows);
}

export interface Claimed {
  id: string;
  organizationId: string;
  url: string;
  payload: unknown;
  /** The number of this attempt, over every series. */
  attempt: number;
  /** The number of this attempt within its series (1 for the first). */
  attemptInSeries: number;
  correlationId: string | null;
  /** The organization's webhook endpoint it goes to, if any (signed with its secrets). */
  endpointId: string | null;
  /** The `webhook-id`: the delivery's id, or the event's it carries. */
  messageId: string;
  /** When it was claimed (Date.now(), taken before the claim was sent): its lease runs from about then. */
  claimedAt: number;
}

/**
 * Takes up to `limit` due deliveries for this dispatcher: each counts an attempt and is
 * pushed `leaseMs` ahead, so if this process dies the delivery comes due again.
 */
export async function claimDue(db: Executor, limit: number, leaseMs: number): Promise<Claimed[]> {
  const claimedAt = Date.now();
  const rows = await queryRows<{
    id: string;
    organization_id: string;
    url: string;
    payload: unknown;
    attempts: number;
    series_start: number;
    correlation_id: string | null;
    endpoint_id: string | null;
    message_id: string | null;
  }>(
    db,
    sql`
    UPDATE ${webhookDeliveries} d
    SET attempts = d.attempts + 1, next_attempt_at = now() + ${leaseMs} * interval '1 millisecond'
    WHERE d.id IN (
      SELECT id FROM ${webhookDeliveries}
      WHERE status = 'pending' AND next_attempt_at <= now()
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING d.id, d.organization_id, d.url, d.payload, d.attempts, d.series_start, d.correlation_id, d.endpoint_id, d.message_id`,
  );
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    url: r.url,
    payload: r.payload,
    attempt: r.attempts,
    attemptInSeries: r.attempts - r.series_start,
    correlationId: r.correlation_id,
    endpointId: r.endpoint_id,
    messageId: r.message_id ?? r.id,
    claimedAt,
  }));
}

/** Undoes claims never attempted (their dispatcher stopped first): due again now, their attempt not counted. */
export async function releaseClaims(db: Executor, claims: Pick<Claimed, 'id' | 'organizationId' | 'attempt'>[]): Promise<void> {
  if (claims.length === 0) return;
  const column = <T>(pick: (c: (typeof claims)[number]) => T) => sql.param(claims.map(pick));
  await db.execute(sql`
    UPDATE ${webhookDeliveries} d
    SET attempts = d.attempts - 1, next_attempt_at = now()
    FROM unnest(${column((c) => c.id)}::text[], ${column((c) => c.organizationId)}::text[], ${column((c) => c.attempt)}::int[]) AS c(id, organization_id, attempt)
    WHERE d.id = c.id AND d.organization_id = c.organization_id AND d.attempts = c.attempt AND d.status = 'pending'`);
}

export interface Outcome {
  id: string;
  organizationId: string;
  attempt: number;
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** delivered, pending (retried at nextAttemptAt) or failed. */
  status: 'delivered' | 'pending' | 'failed';
  nextAttemptAt: Date | null;
}

/** Logs the attempts and moves their deliveries on, in one statement for the batch. */
export async function recordOutcomes(db: Executor, outcomes: Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const column = <T>(pick: (o: Outcome) => T) => sql.param(outcomes.map(pick));
  await db.execute(sql`
    WITH o AS (
      SELECT * FROM unnest(${column((o) => o.id)}::text[], ${column((o) => o.organizationId)}::text[], ${column((o) => o.attempt)}::int[],
                           ${column((o) => o.at.toISOString())}::timestamptz[], ${column((o) => o.statusCode)}::int[], ${column((o) => o.error)}::text[],
                           ${column((o) => o.durationMs)}::int[], ${column((o) => o.status)}::text[],
                           ${column((o) => o.nextAttemptAt?.toISOString() ?? null)}::timestamptz[])
        AS o(id, organization_id, attempt, at, status_code, error, duration_ms, status, next_attempt_at)
    ), logged AS (
      INSERT INTO ${webhookAttempts} (organization_id, delivery_id, attempt, at, status_code, error, duration_ms)
      SELECT organization_id, id, attempt, at, status_code, error, duration_ms FROM o
      ON CONFLICT DO NOTHING
    )
    UPDATE ${webhookDeliveries} d
    SET status = o.status,
        next_attempt_at = coalesce(o.next_attempt_at, d.next_attempt_at),
        last_error = o.error,
        delivered_at = CASE WHEN o.status = 'delivered' THEN o.at ELSE d.delivered_at END
    FROM o
    -- Only the attempt the delivery is at: a late report of an abandoned attempt changes nothing.
    WHERE d.id = o.id AND d.organization_id = o.organization_id AND d.attempts = o.attempt AND d.status = 'pending'`);
}

export interface DeliveryFilter extends Page {
  organizationId?: string;
  status?: string;
}

export function selectDeliveries(db: Executor, filter: DeliveryFilter): Promise<WebhookDelivery[]> {
  return newestFirst(db, webhookDeliveries, [equalIfSet(webhookDeliveries.organizationId, filter.organizationId), equalIfSet(webhookDeliveries.status, filter.status)], filter);
}

/** The organization's deliveries made after the one `after` names (an id, or an idFloor), oldest first. */
export async function selectDeliveriesAfter(db: Executor, organizationId: string, after: string, rows: number): Promise<WebhookDelivery[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.organizationId, organizationId), gt(webhookDeliveries.id, after)))
    .orderBy(asc(webhookDeliveries.id))
    .limit(rows);
}

/** A delivery of any organization, for the operator. */
export async function findDeliveryById(db: Executor, id: string): Promise<WebhookDelivery | undefined> {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row;
}

export async function attemptsOf(db: Executor, delivery: Pick<WebhookDelivery, 'organizationId' | 'id'>): Promise<WebhookAttempt[]> {
  return db
    .select()
    .from(webhookAttempts)
    .where(and(eq(webhookAttempts.organizationId, delivery.organizationId), eq(webhookAttempts.deliveryId, delivery.id)))
    .orderBy(asc(webhookAttempts.attempt));
}

/** Starts a new series of attempts now, with the same webhook-id (any organization's, for the operator). */
export async function requeueById(db: Executor, id: string): Promise<WebhookDelivery | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', seriesStart: sql`${webhookDeliveries.attempts}`, nextAttemptAt: new Date() })
    .where(eq(webhookDeliveries.id, id))
    .returning();
  return row;
}
