import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/database.ts';
import { alertFirings, alertThresholds, subscriptions } from '../../db/schema.ts';
import { newestFirst, type Page } from '../../db/pages.ts';

export type ThresholdRow = typeof alertThresholds.$inferSelect;
export type FiringRow = typeof alertFirings.$inferSelect;

export async function insertThreshold(db: Executor, row: typeof alertThresholds.$inferInsert): Promise<ThresholdRow> {
  const [inserted] = await db.insert(alertThresholds).values(row).returning();
  return inserted;
}

export async function findThreshold(db: Executor, organizationId: string, id: string): Promise<ThresholdRow | undefined> {
  const [row] = await db
    .select()
    .from(alertThresholds)
    .where(and(eq(alertThresholds.organizationId, organizationId), eq(alertThresholds.id, id)));
  return row;
}

export const selectThresholds = (db: Executor, organizationId: string, page: Page) => newestFirst(db, alertThresholds, [eq(alertThresholds.organizationId, organizationId)], page);

export async function updateThreshold(db: Executor, organizationId: string, id: string, changes: Partial<typeof alertThresholds.$inferInsert>): Promise<ThresholdRow | undefined> {
  const [row] = await db
    .update(alertThresholds)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(alertThresholds.organizationId, organizationId), eq(alertThresholds.id, id)))
    .returning();
  return row;
}

/** Deletes the threshold and the record of its fired levels; answers whether it existed. */
export async function deleteThreshold(db: Executor, organizationId: string, id: string): Promise<boolean> {
  await db.delete(alertFirings).where(and(eq(alertFirings.organizationId, organizationId), eq(alertFirings.thresholdId, id)));
  const deleted = await db
    .delete(alertThresholds)
    .where(and(eq(alertThresholds.organizationId, organizationId), eq(alertThresholds.id, id)))
    .returning({ id: alertThresholds.id });
  return deleted.length > 0;
}

/** The most recent fired levels of each threshold (a page's in one query), newest period first. */
export async function recentFirings(db: Executor, organizationId: string, thresholdIds: string[], rows = 20): Promise<Map<string, FiringRow[]>> {
  const byThreshold = new Map<string, FiringRow[]>(thresholdIds.map((id) => [id, []]));
  if (thresholdIds.length === 0) return byThreshold;
  const ranked = db
    .select({
      organizationId: alertFirings.organizationId,
      thresholdId: alertFirings.thresholdId,
      level: alertFirings.level,
      periodStart: alertFirings.periodStart,
      firedAt: alertFirings.firedAt,
      rank: sql<number>`row_number() OVER (PARTITION BY ${alertFirings.thresholdId} ORDER BY ${alertFirings.periodStart} DESC, ${alertFirings.level} DESC)`.as('rank'),
    })
    .from(alertFirings)
    .where(and(eq(alertFirings.organizationId, organizationId), inArray(alertFirings.thresholdId, thresholdIds)))
    .as('ranked');
  const found = await db.select().from(ranked).where(lte(ranked.rank, rows)).orderBy(desc(ranked.periodStart), desc(ranked.level));
  for (const { rank: _rank, ...firing } of found) byThreshold.get(firing.thresholdId)?.push(firing);
  return byThreshold;
}

/** The account of one of the organization's subscriptions. */
export async function accountOfSubscription(db: Executor, organizationId: string, subscriptionId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ accountId: subscriptions.accountId })
    .from(subscriptions)
    .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.id, subscriptionId)));
  return row?.accountId;
}

/**
 * The currencies an account's plans are priced in: those of the plans its subscriptions
 * hold or held, or, for an account with none yet, those of the organization's plans.
 */
export async function planCurrencies(db: Executor, organizationId: string, accountId: string): Promise<string[]> {
  const rows = await queryRows<{ currency: string; held: boolean }>(
    db,
    sql`SELECT DISTINCT o.currency, p.id IS NOT NULL AS held
          FROM product_offerings o
          LEFT JOIN products p ON p.offering_id = o.id AND p.organization_id = ${organizationId} AND p.account_id = ${accountId}
         WHERE o.organization_id = ${organizationId} AND o.type = 'plan'`,
  );
  const held = rows.filter((r) => r.held);
  return [...new Set((held.length > 0 ? held : rows).map((r) => r.currency))].sort();
}
