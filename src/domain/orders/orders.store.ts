import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/database.ts';
import { orders, simProfiles } from '../../db/schema.ts';

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

export async function insertOrder(db: Executor, row: typeof orders.$inferInsert): Promise<OrderRow> {
  const [created] = await db.insert(orders).values(row).returning();
  return created;
}

export async function lockOrder(db: Executor, id: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.id, id)).for('update');
  return row;
}

export type Reservation =
  | { outcome: 'reserved'; iccid: string; simType: string }
  | { outcome: 'no_sim'; simType: string }
  /** Not an activation waiting at `accepted` (a retry, or another type): take the general path. */
  | { outcome: 'not_applicable' };

/**
 * An activation's first stage in one statement: locks the order if it is an activation
 * still pending at `accepted`, takes a free ICCID of the requested kind (SKIP LOCKED, so
 * concurrent orders never take the same one), and records it on the order (PostgreSQL
 * runs every data-modifying CTE, whether the query reads it or not).
 */
export async function reserveSimForActivation(db: Executor, orderId: string): Promise<Reservation> {
  const [row] = await queryRows<{ eligible: boolean; sim_type: string | null; iccid: string | null }>(db, sql`
    WITH o AS (
      SELECT id, organization_id, coalesce(request #>> '{sim_profile,sim_type}', 'esim') AS sim_type
      FROM ${orders}
      WHERE id = ${orderId} AND type = 'activate_subscription' AND status = 'pending' AND stage = 'accepted'
      FOR UPDATE
    ), sim AS (
      UPDATE ${simProfiles} s
      SET organization_id = o.organization_id, state = 'allocated', allocated_at = now(), updated_at = now()
      FROM o
      WHERE s.iccid = (SELECT iccid FROM ${simProfiles} WHERE state = 'available' AND sim_type = o.sim_type ORDER BY iccid LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING s.iccid
    ), recorded AS (
      UPDATE ${orders} r
      SET stage = 'reserved', result = r.result || jsonb_build_object('iccid', sim.iccid, 'simType', o.sim_type), updated_at = now()
      FROM o, sim
      WHERE r.id = o.id
      RETURNING r.id
    )
    SELECT EXISTS (SELECT 1 FROM o) AS eligible, (SELECT sim_type FROM o) AS sim_type, (SELECT iccid FROM sim) AS iccid`);
  if (!row?.eligible) return { outcome: 'not_applicable' };
  if (!row.iccid) return { outcome: 'no_sim', simType: row.sim_type! };
  return { outcome: 'reserved', iccid: row.iccid, simType: row.sim_type! };
}

export async function findOrder(db: Executor, id: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.id, id));
  return row;
}

export async function updateOrder(db: Executor, id: string, changes: Partial<typeof orders.$inferInsert>): Promise<void> {
  await db.update(orders).set({ ...changes, updatedAt: new Date() }).where(eq(orders.id, id));
}

export interface OrderFilter {
  id?: string;
  status?: string;
  type?: string;
  accountId?: string;
  after?: string;
  rows: number;
}

export async function selectOrders(db: Executor, organizationId: string | undefined, filter: OrderFilter): Promise<OrderRow[]> {
  return db
    .select()
    .from(orders)
    .where(
      and(
        organizationId ? eq(orders.organizationId, organizationId) : undefined,
        filter.id ? eq(orders.id, filter.id) : undefined,
        filter.status ? eq(orders.status, filter.status) : undefined,
        filter.type ? eq(orders.type, filter.type) : undefined,
        filter.accountId ? eq(orders.accountId, filter.accountId) : undefined,
        filter.after ? lt(orders.id, filter.after) : undefined,
      ),
    )
    .orderBy(desc(orders.id))
    .limit(filter.rows);
}

