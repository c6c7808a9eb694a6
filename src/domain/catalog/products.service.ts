// Products: offerings put on a subscription, with their own life (activated, terminating).
import type { Executor } from '../../db/database.ts';
import { notFound } from '../errors.ts';
import * as store from './products.store.ts';

export type { Product } from './products.store.ts';

export const PRODUCT_STATUSES = ['active', 'terminated'] as const;

export async function getProduct(db: Executor, organizationId: string, id: string) {
  const [product] = await store.selectProducts(db, organizationId, { id, rows: 1 });
  if (!product) throw notFound(`product ${id}`);
  return product;
}

export function listProducts(db: Executor, organizationId: string, filter: Omit<store.ProductFilter, 'id'>) {
  return store.selectProducts(db, organizationId, filter);
}
