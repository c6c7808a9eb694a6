import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { newestFirst } from '../../db/pages.ts';
import { productOfferings } from '../../db/schema.ts';

export type Offering = typeof productOfferings.$inferSelect;

export async function insertOffering(db: Executor, row: typeof productOfferings.$inferInsert): Promise<Offering> {
  const [created] = await db.insert(productOfferings).values(row).returning();
  return created;
}

export async function findOfferings(db: Executor, organizationId: string, ids: string[]): Promise<Offering[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(productOfferings)
    .where(and(eq(productOfferings.organizationId, organizationId), inArray(productOfferings.id, ids)));
}

export function listOfferings(db: Executor, organizationId: string, after: string | undefined, rows: number) {
  return newestFirst(db, productOfferings, [eq(productOfferings.organizationId, organizationId)], { after, rows });
}
