// What cellhub keeps on disk and in its database must not hand out the keys to it:
// DATA_DIR is its owner's alone, and stored secrets are sealed with a key-encryption key.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';
import { loadConfig } from '../../src/config.ts';
import { openPlatform } from '../../src/platform.ts';
import { isSealed, KeyEncryption } from '../../src/auth/key-encryption.ts';
import { KeyRing } from '../../src/auth/key-ring.ts';
import { resealWebhookKey, webhookSecret } from '../../src/domain/webhooks/secrets.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { queryRows } from '../../src/db/database.ts';
import { signingKeys } from '../../src/db/schema.ts';

function everyPath(dir: string): string[] {
  return [dir, ...readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? everyPath(join(dir, e.name)) : [join(dir, e.name)]))];
}

describe('DATA_DIR', () => {
  it('is made, or tightened, so that only its owner can read anything in it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cellhub-at-rest-'));
    try {
      chmodSync(dataDir, 0o755);
      mkdirSync(join(dataDir, 'old'), { mode: 0o755 });
      writeFileSync(join(dataDir, 'old', 'notes'), 'left by hand', { mode: 0o644 });
      chmodSync(join(dataDir, 'old', 'notes'), 0o644);
      // The embedded database in its own DATA_DIR, with no key-encryption key given.
      const { KEY_ENCRYPTION_KEY: _key, DATABASE_URL: _url, ...env } = process.env;
      const platform = await openPlatform(loadConfig({ ...env, DATA_DIR: dataDir }));
      expect(platform.notices).toContainEqual(`${dataDir} was open to other users: it and everything in it are now its owner's only`);
      await platform.close();
      const open = everyPath(dataDir).filter((p) => statSync(p).mode & 0o077);
      expect(open).toEqual([]);
      expect(readdirSync(dataDir)).toContain('key-encryption-key');
      expect(statSync(join(dataDir, 'key-encryption-key')).mode & 0o777).toBe(0o600);
      // Once owner-only, a start has nothing to report.
      const again = await openPlatform(loadConfig({ ...env, DATA_DIR: dataDir }));
      expect(again.notices).toEqual([]);
      await again.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('stored secrets', () => {
  let h: Harness;
  const current = new KeyEncryption(Buffer.from(process.env.KEY_ENCRYPTION_KEY!, 'base64'));
  beforeAll(async () => {
    h = await startHarness({ WORKERS: 'off' });
  });
  afterAll(() => h.close());

  const storedPrivateKeys = async () =>
    (await queryRows<{ kid: string; private_jwk: unknown }>(h.platform.db, sql`SELECT kid, private_jwk FROM signing_keys`)).map((r) => r.private_jwk);
  const storedWebhookKey = async () => (await queryRows<{ value: unknown }>(h.platform.db, sql`SELECT value FROM settings WHERE key = 'webhook_signing_key'`))[0]?.value;

  it('are sealed, so a dump alone opens nothing', async () => {
    const org = (await createOrganization(h.platform.db, { name: 'Sealed', licences: [] })).id;
    const secret = await webhookSecret(h.platform.db, h.platform.sealing, org);
    for (const value of [...(await storedPrivateKeys()), await storedWebhookKey()]) {
      expect(isSealed(value)).toBe(true);
      expect(JSON.stringify(value)).not.toMatch(/"d":|"p":|"q":/);
    }
    const stranger = new KeyEncryption(randomBytes(32));
    await expect(new KeyRing(h.platform.db, stranger).init()).rejects.toThrow(/not KEY_ENCRYPTION_KEY/);
    await expect(webhookSecret(h.platform.db, stranger, org)).rejects.toThrow(/not KEY_ENCRYPTION_KEY/);
    expect(await webhookSecret(h.platform.db, h.platform.sealing, org)).toBe(secret);
  });

  it('are sealed at start when kept in the clear from before', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const base = { kid: 'clear-key', alg: 'RS256', use: 'sig' };
    await h.platform.db.insert(signingKeys).values({
      kid: 'clear-key',
      algorithm: 'RS256',
      publicJwk: { ...(await exportJWK(publicKey)), ...base },
      privateJwk: { ...(await exportJWK(privateKey)), ...base },
    });
    await new KeyRing(h.platform.db, current).init();
    expect((await storedPrivateKeys()).every(isSealed)).toBe(true);
  });

  it('are resealed when the key-encryption key is rotated, and the old key then opens nothing', async () => {
    const org = (await createOrganization(h.platform.db, { name: 'Rotated', licences: [] })).id;
    const secret = await webhookSecret(h.platform.db, current, org);
    const next = randomBytes(32);
    const rotating = new KeyEncryption(next, [Buffer.from(process.env.KEY_ENCRYPTION_KEY!, 'base64')]);
    await new KeyRing(h.platform.db, rotating).init();
    await resealWebhookKey(h.platform.db, rotating);
    const afterwards = new KeyEncryption(next);
    for (const value of [...(await storedPrivateKeys()), await storedWebhookKey()]) expect((value as { kek: string }).kek).toBe(afterwards.id);
    await new KeyRing(h.platform.db, afterwards).init();
    expect(await webhookSecret(h.platform.db, afterwards, org)).toBe(secret);
    await expect(new KeyRing(h.platform.db, current).init()).rejects.toThrow(/not KEY_ENCRYPTION_KEY/);
  });
});
