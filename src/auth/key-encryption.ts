// Secrets cellhub must read back (token signing keys, the webhook signing key) are
// stored sealed with a key-encryption key (AES-256-GCM), so a database dump alone lets
// no one mint a token or sign a webhook. The key comes from KEY_ENCRYPTION_KEY, or is
// generated once into DATA_DIR (owner-only). Keys named in KEY_ENCRYPTION_KEY_PREVIOUS
// still open what they sealed, and everything is resealed with the current key at start.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Sealed {
  sealed: 'A256GCM';
  /** Which key-encryption key sealed it. */
  kek: string;
  iv: string;
  data: string;
  tag: string;
}

const idOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 16);

export function isSealed(value: unknown): value is Sealed {
  return typeof value === 'object' && value !== null && (value as Sealed).sealed === 'A256GCM';
}

export class KeyEncryption {
  readonly id: string;
  private readonly keys: Map<string, Buffer>;

  constructor(
    private readonly current: Buffer,
    previous: Buffer[] = [],
  ) {
    this.id = idOf(current);
    this.keys = new Map([...previous, current].map((k) => [idOf(k), k]));
  }

  seal(plain: string): Sealed {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return { sealed: 'A256GCM', kek: this.id, iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  }

  /** The plain text of a sealed value (or of one stored before sealing began). */
  open(value: unknown): string {
    if (!isSealed(value)) return typeof value === 'string' ? value : JSON.stringify(value);
    const key = this.keys.get(value.kek);
    if (!key) throw new Error(`a stored secret was sealed with key-encryption key ${value.kek}, which is not KEY_ENCRYPTION_KEY (${this.id}) nor in KEY_ENCRYPTION_KEY_PREVIOUS`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(value.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(value.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(value.data, 'base64')), decipher.final()]).toString('utf8');
  }

  /** The value sealed with the current key, when it is stored in the clear or sealed with a previous one. */
  resealed(value: unknown): Sealed | undefined {
    if (isSealed(value) && value.kek === this.id) return undefined;
    return this.seal(this.open(value));
  }
}

/** Parses a key given as 32 bytes in base64; answers undefined for anything else. */
export function parseKey(text: string): Buffer | undefined {
  const key = Buffer.from(text.trim(), 'base64');
  return key.length === 32 ? key : undefined;
}

/** The configured key, or the one kept in DATA_DIR, made on first use readable by its owner only. */
export function loadKeyEncryption(configured: Buffer | undefined, previous: Buffer[], dataDir: string): { keys: KeyEncryption; generatedFile?: string } {
  if (configured) return { keys: new KeyEncryption(configured, previous) };
  const file = join(dataDir, 'key-encryption-key');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process starting at the same moment made it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = parseKey(readFileSync(file, 'utf8'));
  if (!key) throw new Error(`${file}: must hold 32 bytes in base64`);
  return { keys: new KeyEncryption(key, previous), generatedFile: file };
}
