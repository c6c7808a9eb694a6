import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { orders } from '../../db/schema.ts';

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

