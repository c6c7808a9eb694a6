// SQL of Connect orders. Workers look an order up by its id alone (…ById); the API's
// reads filter by organization.
import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { connectOrders } from '../../db/schema.ts';
import { customerCondition, type CustomerScope } from '../customers/scope.ts';

export type ConnectOrder = typeof connectOrders.$inferSelect;

export async function insertConnectOrder(db: Executor, row: typeof connectOrders.$inferInsert): Promise<ConnectOrder> {
  const [created] = await db.insert(connectOrders).values(row).returning();
  return created;
}

export async function findConnectOrderById(db: Executor, id: string): Promise<ConnectOrder | undefined> {
  const [row] = await db.select().from(connectOrders).where(eq(connectOrders.id, id));
  return row;
}

export async function lockConnectOrderById(db: Executor, id: string): Promise<ConnectOrder | undefined> {
  const [row] = await db.select().from(connectOrders).where(eq(connectOrders.id, id)).for('update');
  return row;
}

export async function updateConnectOrderById(db: Executor, id: string, changes: Partial<typeof connectOrders.$inferInsert>): Promise<void> {
  await db
    .update(connectOrders)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(connectOrders.id, id));
}

export async function selectConnectOrders(
  db: Executor,
  organizationId: string,
  filter: { status?: string; from?: Date; to?: Date; customer?: CustomerScope; offset: number; rows: number },
) {
  return db
    .select()
    .from(connectOrders)
    .where(
      and(
        eq(connectOrders.organizationId, organizationId),
        customerCondition(connectOrders.customerId, filter.customer),
        filter.status ? eq(connectOrders.status, filter.status) : undefined,
        filter.from ? gte(connectOrders.createdAt, filter.from) : undefined,
        filter.to ? lt(connectOrders.createdAt, filter.to) : undefined,
      ),
    )
    .orderBy(desc(connectOrders.createdAt), desc(connectOrders.id))
    .offset(filter.offset)
    .limit(filter.rows);
}
