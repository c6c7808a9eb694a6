// The token signing keys, made on first start and kept in the database so that every
// process signs and verifies alike. The JWKS publishes every live key; the newest signs.
// A process that meets a kid it does not know reloads (another process may have rotated).
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';
import type { Executor } from '../db/database.ts';
import type { KeyEncryption } from './key-encryption.ts';
import { insertKey, liveKeys, sealPrivateKey, type StoredKey } from './keys.store.ts';

const ALGORITHM = 'RS256';
const RELOAD_AT_MOST_EVERY_MS = 5_000;

interface LoadedKey {
  kid: string;
  publicJwk: JWK;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export async function createSigningKey(db: Executor, sealing: KeyEncryption): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { extractable: true, modulusLength: 2048 });
  const kid = randomUUID();
  const base = { kid, alg: ALGORITHM, use: 'sig' };
  await insertKey(db, {
    kid,
    algorithm: ALGORITHM,
    publicJwk: { ...(await exportJWK(publicKey)), ...base },
    privateJwk: sealing.seal(JSON.stringify({ ...(await exportJWK(privateKey)), ...base })),
  });
  return kid;
}

export class KeyRing {
  private keys: LoadedKey[] = [];
  private lastLoad = 0;

  constructor(
    private readonly db: Executor,
    private readonly sealing: KeyEncryption,
  ) {}

  /** Loads the keys, making the first one if there is none; seals any kept in the clear or by an earlier key-encryption key. */
  async init(): Promise<void> {
    for (const stored of await liveKeys(this.db)) {
      const resealed = this.sealing.resealed(stored.privateJwk);
      if (resealed) await sealPrivateKey(this.db, stored.kid, resealed);
    }
    await this.reload();
    if (this.keys.length > 0) return;
    await createSigningKey(this.db, this.sealing);
    await this.reload();
  }

  async reload(): Promise<void> {
    const stored = await liveKeys(this.db);
    this.keys = await Promise.all(stored.map((key) => load(key, this.sealing)));
    this.lastLoad = Date.now();
  }

  signingKey(): LoadedKey {
    const key = this.keys[0];
    if (!key) throw new Error('no signing key loaded');
    return key;
  }

  async verificationKey(kid: string | undefined): Promise<CryptoKey | undefined> {
    const find = () => this.keys.find((k) => k.kid === kid)?.publicKey;
    if (!kid) return undefined;
    const known = find();
    if (known || Date.now() - this.lastLoad < RELOAD_AT_MOST_EVERY_MS) return known;
    await this.reload();
    return find();
  }

  jwks(): JSONWebKeySet {
    return { keys: this.keys.map((k) => k.publicJwk) };
  }
}

async function load(stored: StoredKey, sealing: KeyEncryption): Promise<LoadedKey> {
  const privateJwk = JSON.parse(sealing.open(stored.privateJwk)) as JWK;
  return {
    kid: stored.kid,
    publicJwk: stored.publicJwk,
    privateKey: (await importJWK(privateJwk, stored.algorithm)) as CryptoKey,
    publicKey: (await importJWK(stored.publicJwk, stored.algorithm)) as CryptoKey,
  };
}
