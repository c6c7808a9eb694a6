import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { orderTemplateOfferings, orderTemplates, productOfferings } from '../../db/schema.ts';

export type TemplateRow = typeof orderTemplates.$inferSelect;
export type TemplateOffering = { id: string; type: string; name: string; validityDays: number };

export async function insertTemplate(
  db: Executor,
  row: typeof orderTemplates.$inferInsert,
  offeringIds: string[],
): Promise<TemplateRow> {
  const [created] = await db.insert(orderTemplates).values(row).returning();
  if (offeringIds.length > 0) {
    await db
      .insert(orderTemplateOfferings)
      .values(offeringIds.map((offeringId, position) => ({ organizationId: created.organizationId, templateId: created.id, offeringId, position })));
  }
  return created;
}

export async function selectTemplates(
  db: Executor,
  organizationId: string,
  filter: { id?: string; after?: string; rows: number },
): Promise<TemplateRow[]> {
  return db
    .select()
    .from(orderTemplates)
    .where(
      and(
        eq(orderTemplates.organizationId, organizationId),
        filter.id ? eq(orderTemplates.id, filter.id) : undefined,
        filter.after ? lt(orderTemplates.id, filter.after) : undefined,
      ),
    )
    .orderBy(desc(orderTemplates.id))
    .limit(filter.rows);
}

/** The offerings of several of the organization's templates in one query, in template order. */
export async function offeringsOfTemplates(db: Executor, organizationId: string, templateIds: string[]) {
  if (templateIds.length === 0) return [];
  return db
    .select({
      templateId: orderTemplateOfferings.templateId,
      id: productOfferings.id,
      type: productOfferings.type,
      name: productOfferings.name,
      validityDays: productOfferings.validityDays,
    })
    .from(orderTemplateOfferings)
    .innerJoin(productOfferings, and(eq(productOfferings.organizationId, organizationId), eq(productOfferings.id, orderTemplateOfferings.offeringId)))
    .where(and(eq(orderTemplateOfferings.organizationId, organizationId), inArray(orderTemplateOfferings.templateId, templateIds)))
    .orderBy(asc(orderTemplateOfferings.templateId), asc(orderTemplateOfferings.position));
}
