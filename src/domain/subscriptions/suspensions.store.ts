// Suspensions: when a subscription's services were barred. Written with the change of
// status; usage that starts within one is refused (see usage/attribution.ts).
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { subscriptionSuspensions } from '../../db/schema.ts';

export type Suspension = typeof subscriptionSuspensions.$inferSelect;

export async function startSuspension(db: Executor, organizationId: string, subscriptionId: string, at: Date): Promise<void> {
  await db.insert(subscriptionSuspensions).values({ organizationId, subscriptionId, suspendedFrom: at });
}

/** Ends the subscription's current suspension, if it has one (resumed or terminated). */
export async function endSuspension(db: Executor, organizationId: string, subscriptionId: string, at: Date): Promise<void> {
  await db
    .update(subscriptionSuspensions)
    .set({ suspendedUntil: at })
    .where(
      and(eq(subscriptionSuspensions.organizationId, organizationId), eq(subscriptionSuspensions.subscriptionId, subscriptionId), isNull(subscriptionSuspensions.suspendedUntil)),
    );
}

/** The suspensions of the subscriptions (each named with its organization, which leads the key). */
export async function suspensionsOf(db: Executor, subscriptions: { organizationId: string; id: string }[]): Promise<Suspension[]> {
  if (subscriptions.length === 0) return [];
  return db.select().from(subscriptionSuspensions).where(sql`(${subscriptionSuspensions.organizationId}, ${subscriptionSuspensions.subscriptionId}) IN (
      SELECT * FROM unnest(${sql.param(subscriptions.map((s) => s.organizationId))}::text[], ${sql.param(subscriptions.map((s) => s.id))}::text[]))`);
}
