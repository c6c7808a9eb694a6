import { desc, eq, isNull } from 'drizzle-orm';
import type { JWK } from 'jose';
import type { Executor } from '../db/database.ts';
import { signingKeys } from '../db/schema.ts';

export interface StoredKey {
  kid: string;
  algorithm: string;
  publicJwk: JWK;
  /** Sealed (see key-encryption.ts); keys made before sealing began are JWKs in the clear until the next start. */
  privateJwk: unknown;
  createdAt: Date;
}

export async function liveKeys(db: Executor): Promise<StoredKey[]> {
  const rows = await db.select().from(signingKeys).where(isNull(signingKeys.retiredAt)).orderBy(desc(signingKeys.createdAt));
  return rows.map((r) => ({ ...r, publicJwk: r.publicJwk as JWK }));
}

export async function insertKey(db: Executor, key: Omit<StoredKey, 'createdAt'>): Promise<void> {
  await db.insert(signingKeys).values(key);
}

export async function sealPrivateKey(db: Executor, kid: string, sealed: unknown): Promise<void> {
  await db.update(signingKeys).set({ privateJwk: sealed }).where(eq(signingKeys.kid, kid));
}
