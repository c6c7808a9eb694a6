import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { newestFirst, equalIfSet, type Page } from '../../db/pages.ts';
import { products } from '../../db/schema.ts';

export type Product = typeof products.$inferSelect;

export interface ProductFilter extends Page {
  id?: string;
  accountId?: string;
  status?: string;
}

export function selectProducts(db: Executor, organizationId: string, filter: ProductFilter): Promise<Product[]> {
  return newestFirst(
    db,
    products,
    [eq(products.organizationId, organizationId), equalIfSet(products.id, filter.id), equalIfSet(products.accountId, filter.accountId), equalIfSet(products.status, filter.status)],
    filter,
  );
}
