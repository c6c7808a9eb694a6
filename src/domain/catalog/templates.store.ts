import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { newestFirst, equalIfSet, type Page } from '../../db/pages.ts';
import { orderTemplateOfferings, orderTemplates, productOfferings } from '../../db/schema.ts';

export type TemplateRow = typeof orderTemplates.$inferSelect;
export type TemplateOffering = { id: string; type: string; name: string; validityDays: number };

export async function insertTemplate(db: Executor, row: typeof orderTemplates.$inferInsert, offeringIds: string[]): Promise<TemplateRow> {
  const [created] = await db.insert(orderTemplates).values(row).returning();
  if (offeringIds.length > 0) {
    await db
      .insert(orderTemplateOfferings)
      .values(offeringIds.map((offeringId, position) => ({ organizationId: created.organizationId, templateId: created.id, offeringId, position })));
  }
  return created;
}

export function selectTemplates(db: Executor, organizationId: string, filter: { id?: string } & Page): Promise<TemplateRow[]> {
  return newestFirst(db, orderTemplates, [eq(orderTemplates.organizationId, organizationId), equalIfSet(orderTemplates.id, filter.id)], filter);
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
