// SQL of a Connect SIM's notification preferences: where each type of notification goes.
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { connectNotificationPreferences } from '../../db/schema.ts';

export async function selectPreferences(db: Executor, iccid: string) {
  return db.select().from(connectNotificationPreferences).where(eq(connectNotificationPreferences.iccid, iccid)).orderBy(asc(connectNotificationPreferences.type));
}

export async function upsertPreference(db: Executor, iccid: string, type: string, webhookUrl: string): Promise<void> {
  await db
    .insert(connectNotificationPreferences)
    .values({ iccid, type, webhookUrl })
    .onConflictDoUpdate({ target: [connectNotificationPreferences.iccid, connectNotificationPreferences.type], set: { webhookUrl } });
}

export async function deletePreference(db: Executor, iccid: string, type: string): Promise<boolean> {
  const rows = await db
    .delete(connectNotificationPreferences)
    .where(and(eq(connectNotificationPreferences.iccid, iccid), eq(connectNotificationPreferences.type, type)))
    .returning();
  return rows.length > 0;
}
