import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema.ts';
import type { Page } from '../../db/pages.ts';

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

export async function insertEndpoint(db: Executor, row: typeof webhookEndpoints.$inferInsert): Promise<WebhookEndpointRow> {
  const [inserted] = await db.insert(webhookEndpoints).values(row).returning();
  return inserted;
}

export async function findEndpoint(db: Executor, organizationId: string, id: string): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, organizationId), eq(webhookEndpoints.id, id)));
  return row;
}

export function selectEndpoints(db: Executor, organizationId: string, page: Page): Promise<WebhookEndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, organizationId), page.after ? lt(webhookEndpoints.id, page.after) : undefined))
    .orderBy(desc(webhookEndpoints.id))
    .limit(page.rows);
}

export async function updateEndpoint(
  db: Executor,
  organizationId: string,
  id: string,
  changes: Partial<typeof webhookEndpoints.$inferInsert>,
): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(webhookEndpoints.organizationId, organizationId), eq(webhookEndpoints.id, id)))
    .returning();
  return row;
}

/** An endpoint's deliveries, newest first. */
export function selectEndpointDeliveries(db: Executor, organizationId: string, endpointId: string, page: Page) {
  return db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.organizationId, organizationId),
        eq(webhookDeliveries.endpointId, endpointId),
        sql`${webhookDeliveries.endpointId} IS NOT NULL`,
        page.after ? lt(webhookDeliveries.id, page.after) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(page.rows);
}
