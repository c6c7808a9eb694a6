import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { connectProducts } from '../../db/schema.ts';

export type ConnectProduct = typeof connectProducts.$inferSelect;

export async function insertResellerProduct(db: Executor, row: typeof connectProducts.$inferInsert): Promise<ConnectProduct> {
  const [created] = await db.insert(connectProducts).values(row).returning();
  return created;
}

/** A page of the organization's catalogue (or of one plan), oldest first. */
export async function selectResellerProducts(db: Executor, organizationId: string, filter: { planId?: string; offset: number; rows: number }): Promise<ConnectProduct[]> {
  return db
    .select()
    .from(connectProducts)
    .where(and(eq(connectProducts.organizationId, organizationId), filter.planId ? eq(connectProducts.planId, filter.planId) : undefined))
    .orderBy(asc(connectProducts.createdAt), asc(connectProducts.id))
    .offset(filter.offset)
    .limit(filter.rows);
}

export async function findResellerProduct(db: Executor, organizationId: string, id: string): Promise<ConnectProduct | undefined> {
  const [row] = await db
    .select()
    .from(connectProducts)
    .where(and(eq(connectProducts.organizationId, organizationId), eq(connectProducts.id, id)));
  return row;
}

export async function resellerProductsByIds(db: Executor, organizationId: string, ids: string[]): Promise<Map<string, ConnectProduct>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(connectProducts)
    .where(and(eq(connectProducts.organizationId, organizationId), inArray(connectProducts.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}
