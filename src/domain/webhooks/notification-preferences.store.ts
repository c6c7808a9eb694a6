// SQL of a Connect SIM's notification preferences: where each type of notification goes.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { connectNotificationPreferences } from '../../db/schema.ts';

const ofSim = (organizationId: string, iccid: string) => and(eq(connectNotificationPreferences.organizationId, organizationId), eq(connectNotificationPreferences.iccid, iccid));

export async function selectPreferences(db: Executor, organizationId: string, iccid: string) {
  return db.select().from(connectNotificationPreferences).where(ofSim(organizationId, iccid)).orderBy(asc(connectNotificationPreferences.type));
}

export async function upsertPreference(db: Executor, organizationId: string, iccid: string, type: string, webhookUrl: string, levels: number[] | null = null): Promise<void> {
  await db
    .insert(connectNotificationPreferences)
    .values({ organizationId, iccid, type, webhookUrl, levels })
    .onConflictDoUpdate({
      target: [connectNotificationPreferences.organizationId, connectNotificationPreferences.iccid, connectNotificationPreferences.type],
      set: { webhookUrl, levels },
    });
}

/** The extra USAGE_THRESHOLD levels of the SIMs that have some, by ICCID: one query for a batch. */
export async function extraThresholdLevels(db: Executor, iccids: string[]): Promise<Map<string, { organizationId: string; levels: number[] }>> {
  if (iccids.length === 0) return new Map();
  const rows = await db
    .select({ organizationId: connectNotificationPreferences.organizationId, iccid: connectNotificationPreferences.iccid, levels: connectNotificationPreferences.levels })
    .from(connectNotificationPreferences)
    .where(
      and(inArray(connectNotificationPreferences.iccid, iccids), eq(connectNotificationPreferences.type, 'USAGE_THRESHOLD'), isNotNull(connectNotificationPreferences.levels)),
    );
  return new Map(rows.map((r) => [r.iccid, { organizationId: r.organizationId, levels: r.levels ?? [] }]));
}

export async function deletePreference(db: Executor, organizationId: string, iccid: string, type: string): Promise<boolean> {
  const rows = await db
    .delete(connectNotificationPreferences)
    .where(and(ofSim(organizationId, iccid), eq(connectNotificationPreferences.type, type)))
    .returning();
  return rows.length > 0;
}
