import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { products } from '../../db/schema.ts';

export type Product = typeof products.$inferSelect;

export interface ProductFilter {
  id?: string;
  accountId?: string;
  status?: string;
  after?: string;
  rows: number;
}

export async function selectProducts(db: Executor, organizationId: string, filter: ProductFilter): Promise<Product[]> {
  return db
    .select()
    .from(products)
    .where(
      and(
        eq(products.organizationId, organizationId),
        filter.id ? eq(products.id, filter.id) : undefined,
        filter.accountId ? eq(products.accountId, filter.accountId) : undefined,
        filter.status ? eq(products.status, filter.status) : undefined,
        filter.after ? lt(products.id, filter.after) : undefined,
      ),
    )
    .orderBy(desc(products.id))
    .limit(filter.rows);
}

