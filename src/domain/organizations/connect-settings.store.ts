// SQL of a Connect reseller's settings: one row per reseller the operator configured.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { connectResellerSettings } from '../../db/schema.ts';

export type ConnectSettingsRow = typeof connectResellerSettings.$inferSelect;

export async function findConnectSettings(db: Executor, organizationId: string): Promise<ConnectSettingsRow | undefined> {
  const [row] = await db.select().from(connectResellerSettings).where(eq(connectResellerSettings.organizationId, organizationId));
  return row;
}

export async function upsertConnectSettings(db: Executor, row: typeof connectResellerSettings.$inferInsert): Promise<ConnectSettingsRow> {
  const { organizationId: _key, ...set } = row;
  const [saved] = await db.insert(connectResellerSettings).values(row).onConflictDoUpdate({ target: connectResellerSettings.organizationId, set }).returning();
  return saved;
}
