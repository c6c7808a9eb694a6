import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { newestFirst, equalIfSet, type Page } from '../../db/pages.ts';
import { columnsOf, rowOf, statement } from '../../db/statement.ts';
import { jobCompletion, type JobAttempt, type JobInsert } from '../../jobs/queue.ts';
import { subscriptionCtes, subscriptionValues, type NewSubscription } from '../subscriptions/provisioning.store.ts';
import { orders, simProfiles, subscriptions } from '../../db/schema.ts';
import type { SubscriptionRow } from '../subscriptions/subscriptions.store.ts';
import type { OrderRecord } from './order-record.ts';

export type OrderRow = typeof orders.$inferSelect;

export interface OrderResult {
  iccid?: string;
  simType?: string;
  matchingId?: string;
  smdpAddress?: string;
  previousIccid?: string;
  msisdns?: string[];
  /** The numbers' country. */
  country?: string;
  subscriberId?: string;
  delivery?: { type: string; to?: string[]; cc?: string[]; status?: string; messageId?: string | null; at?: string };
}

export interface NewOrder {
  id: string;
  organizationId: string;
  accountId: string;
  type: string;
  subscriptionId: string | null;
  templateId: string | null;
  request: OrderRecord;
  correlationId: string | null;
}

const p = sql.placeholder;

// The order and its fulfilment job in one statement: both are written, or neither (an
// account outside the organization breaks orders_account_fk).
const insertWithJob = statement<Record<string, unknown>, [SQL]>(
  'orders_insert',
  (job) => sql`
  WITH job AS (${job})
  INSERT INTO ${orders} (id, organization_id, account_id, type, subscription_id, template_id, request, correlation_id)
  VALUES (${p('id')}, ${p('organizationId')}, ${p('accountId')}, ${p('type')}, ${p('subscriptionId')}, ${p('templateId')}, ${p('request')}::jsonb, ${p('correlationId')})
  RETURNING ${columnsOf(orders)}`,
);

export async function insertOrder(db: Executor, order: NewOrder, job: JobInsert): Promise<OrderRow> {
  const [created] = await insertWithJob(db, { ...order, request: JSON.stringify(order.request), ...job.values }, job.sql);
  return rowOf(orders, created);
}

export async function lockOrder(db: Executor, id: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.id, id)).for('update');
  return row;
}

export type Reservation =
  | { outcome: 'reserved'; order: OrderRow }
  | { outcome: 'no_sim'; simType: string }
  /** Not an activation waiting at `accepted` (a retry, or another type): take the general path. */
  | { outcome: 'not_applicable' };

/**
 * An activation's first stage in one statement: locks the order if it is an activation
 * still pending at `accepted`, takes a free ICCID of the requested kind (SKIP LOCKED, so
 * concurrent orders never take the same one), and records it on the order (PostgreSQL
 * runs every data-modifying CTE, whether the query reads it or not).
 */
const reserve = statement<Record<string, unknown>>(
  'order_reserve_sim',
  () => sql`
  WITH o AS (
    SELECT id, organization_id, coalesce(request #>> '{sim_profile,sim_type}', 'esim') AS sim_type -- see order-record.ts
    FROM ${orders}
    WHERE id = ${p('orderId')} AND type = 'activate_subscription' AND status = 'pending' AND stage = 'accepted'
    FOR UPDATE
  ), sim AS (
    UPDATE ${simProfiles} s
    SET organization_id = o.organization_id, state = 'allocated', allocated_at = now(), updated_at = now()
    FROM o
    WHERE s.iccid = (SELECT iccid FROM ${simProfiles} WHERE state = 'available' AND sim_type = o.sim_type ORDER BY iccid LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING s.iccid
  ), recorded AS (
    UPDATE ${orders}
    SET stage = 'reserved', result = result || jsonb_build_object('iccid', sim.iccid, 'simType', o.sim_type), updated_at = now()
    FROM o, sim
    WHERE ${orders}.id = o.id
    RETURNING ${columnsOf(orders)}
  )
  SELECT o.sim_type AS "wantedSimType", recorded.* FROM o LEFT JOIN recorded ON TRUE`,
);

export async function reserveSimForActivation(db: Executor, orderId: string): Promise<Reservation> {
  const [row] = await reserve(db, { orderId });
  if (!row) return { outcome: 'not_applicable' };
  if (row.id === null) return { outcome: 'no_sim', simType: String(row.wantedSimType) };
  return { outcome: 'reserved', order: rowOf(orders, row) };
}

export interface ActivationOutcome {
  /** False: another run finished the order first, and nothing was written. */
  pending: boolean;
  /** False: the pool had no number left, and nothing was written. */
  numbered: boolean;
  completed: boolean;
  /** The completed order as it was written (for its event), when completed. */
  order?: OrderRow;
  /** The new subscription as it was written (for its event), when completed. */
  subscription?: SubscriptionRow;
}

/**
 * An activation's last stage in one statement: if the order is still pending at
 * `reserved`, its subscription is written whole (subscriptionCtes) and the order
 * completes with what it got, answering its row and the subscription's (so their events
 * need no read of their own).
 * Its job completes with it, or at once if another run finished the order first.
 */
const complete = statement<Omit<ActivationOutcome, 'order' | 'subscription'> & { subscriptionRow: Record<string, unknown> | null } & Record<string, unknown>>(
  'order_complete_activation',
  () => sql`
  WITH o AS (
    SELECT id FROM ${orders} WHERE id = ${p('orderId')} AND status = 'pending' AND stage = 'reserved' FOR UPDATE
  ), ${subscriptionCtes(sql`EXISTS (SELECT FROM o)`)},
  done AS (
    UPDATE ${orders}
    SET status = 'completed', stage = 'done', subscription_id = subscription.id, completed_at = now(), updated_at = now(),
        result = result || ${p('result')}::jsonb
                 || jsonb_build_object('msisdns', jsonb_build_array(picked.msisdn), 'country', picked.country, 'subscriberId', subscriber.id)
    FROM subscription, picked, subscriber
    WHERE ${orders}.id = ${p('orderId')}
    RETURNING ${columnsOf(orders)}
  ), job_done AS (${jobCompletion(sql`EXISTS (SELECT FROM done) OR NOT EXISTS (SELECT FROM o)`)})
  SELECT EXISTS (SELECT FROM o) AS pending, EXISTS (SELECT FROM picked) AS numbered, EXISTS (SELECT FROM done) AS completed,
         (SELECT row_to_json(subscription) FROM subscription) AS "subscriptionRow", done.*
  FROM (SELECT) AS one LEFT JOIN done ON TRUE`,
);

export async function completeActivation(db: Executor, orderId: string, subscription: NewSubscription, result: OrderResult, attempt: JobAttempt): Promise<ActivationOutcome> {
  const values = { orderId, result: JSON.stringify(result), ...subscriptionValues(subscription), ...attempt.completionValues() };
  const [{ pending, numbered, completed, subscriptionRow, ...order }] = await complete(db, values);
  if (!completed) return { pending, numbered, completed };
  return { pending, numbered, completed, order: rowOf(orders, order), subscription: rowOf(subscriptions, subscriptionRow!) };
}

export async function findOrder(db: Executor, id: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.id, id));
  return row;
}

export async function updateOrder(db: Executor, id: string, changes: Partial<typeof orders.$inferInsert>): Promise<void> {
  await db
    .update(orders)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(orders.id, id));
}

export interface OrderFilter extends Page {
  id?: string;
  status?: string;
  type?: string;
  accountId?: string;
}

export function selectOrders(db: Executor, organizationId: string | undefined, filter: OrderFilter): Promise<OrderRow[]> {
  return newestFirst(
    db,
    orders,
    [
      equalIfSet(orders.organizationId, organizationId),
      equalIfSet(orders.id, filter.id),
      equalIfSet(orders.status, filter.status),
      equalIfSet(orders.type, filter.type),
      equalIfSet(orders.accountId, filter.accountId),
    ],
    filter,
  );
}
