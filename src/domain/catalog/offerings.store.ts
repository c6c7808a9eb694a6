import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
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

export async function listOfferings(db: Executor, organizationId: string, after: string | undefined, rows: number) {
  return db
    .select()
    .from(productOfferings)
    .where(and(eq(productOfferings.organizationId, organizationId), after ? lt(productOfferings.id, after) : undefined))
    .orderBy(desc(productOfferings.id))
    .limit(rows);
}
