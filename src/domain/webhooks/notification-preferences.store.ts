// SQL of a Connect SIM's notification preferences: where each type of notification goes.
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { connectNotificationPreferences } from '../../db/schema.ts';

const ofSim = (organizationId: string, iccid: string) => and(eq(connectNotificationPreferences.organizationId, organizationId), eq(connectNotificationPreferences.iccid, iccid));

export async function selectPreferences(db: Executor, organizationId: string, iccid: string) {
  return db.select().from(connectNotificationPreferences).where(ofSim(organizationId, iccid)).orderBy(asc(connectNotificationPreferences.type));
}

export async function upsertPreference(db: Executor, organizationId: string, iccid: string, type: string, webhookUrl: string): Promise<void> {
  await db
    .insert(connectNotificationPreferences)
    .values({ organizationId, iccid, type, webhookUrl })
    .onConflictDoUpdate({
      target: [connectNotificationPreferences.organizationId, connectNotificationPreferences.iccid, connectNotificationPreferences.type],
      set: { webhookUrl },
    });
}

export async function deletePreference(db: Executor, organizationId: string, iccid: string, type: string): Promise<boolean> {
  const rows = await db
    .delete(connectNotificationPreferences)
    .where(and(ofSim(organizationId, iccid), eq(connectNotificationPreferences.type, type)))
    .returning();
  return rows.length > 0;
}
