// Each organization signs its webhooks with its own `whsec_` secret (Standard Webhooks).
// The secret is derived from the installation's key and the organization's generation,
// so no per-organization secret is stored; rotating moves the generation on. The
// installation's key is stored sealed (auth/key-encryption.ts).
import { createHmac, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { settings, webhookSecrets } from '../../db/schema.ts';
import { readSetting, writeSetting } from '../settings.store.ts';
import type { KeyEncryption } from '../../auth/key-encryption.ts';

const KEY_SETTING = 'webhook_signing_key';

async function installationKey(db: Executor, sealing: KeyEncryption): Promise<string> {
  const existing = await readSetting<unknown>(db, KEY_SETTING);
  if (existing) return sealing.open(existing);
  // The first caller makes it; any racing caller keeps the first one's.
  await db
    .insert(settings)
    .values({ key: KEY_SETTING, value: sealing.seal(randomBytes(32).toString('base64')) })
    .onConflictDoNothing();
  return sealing.open(await readSetting<unknown>(db, KEY_SETTING));
}

/** Seals a key kept in the clear (before sealing began) or with an earlier key-encryption key. */
export async function resealWebhookKey(db: Executor, sealing: KeyEncryption): Promise<void> {
  const existing = await readSetting<unknown>(db, KEY_SETTING);
  const resealed = existing && sealing.resealed(existing);
  if (resealed) await writeSetting(db, KEY_SETTING, resealed);
}

const derive = (key: string, organizationId: string, generation: number) =>
  `whsec_${createHmac('sha256', Buffer.from(key, 'base64')).update(`${organizationId}:${generation}`).digest('base64')}`;

async function generationOf(db: Executor, organizationId: string): Promise<number> {
  const [row] = await db.select().from(webhookSecrets).where(eq(webhookSecrets.organizationId, organizationId));
  return row?.generation ?? 1;
}

export async function webhookSecret(db: Executor, sealing: KeyEncryption, organizationId: string): Promise<string> {
  return derive(await installationKey(db, sealing), organizationId, await generationOf(db, organizationId));
}

/** A new secret for the organization; deliveries from now on are signed with it. */
export async function rotateWebhookSecret(db: Executor, sealing: KeyEncryption, organizationId: string): Promise<string> {
  await db
    .insert(webhookSecrets)
    .values({ organizationId, generation: 2 })
    .onConflictDoUpdate({ target: webhookSecrets.organizationId, set: { generation: sql`${webhookSecrets.generation} + 1`, rotatedAt: new Date() } });
  return webhookSecret(db, sealing, organizationId);
}
