// Verifying a webhook as its receiver, per Standard Webhooks as cellhub signs them:
// `webhook-signature` holds `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>`
// keyed with the base64 after the `whsec_` prefix; a timestamp too far from now is a
// replay. Web Crypto only, so it runs wherever fetch does; its HMAC verify compares
// in constant time.

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** How far the timestamp may be from now, either way (default 300 s, as Standard Webhooks). */
  toleranceSeconds?: number;
  /** The clock, in milliseconds (default Date.now). */
  now?: () => number;
}

export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
}

const SECRET_PREFIX = 'whsec_';

/**
 * Verifies a delivery and answers its JSON payload. `body` must be the raw body as
 * received: re-serialized JSON no longer matches its signature. Give several secrets
 * while one is being rotated out.
 */
export async function verifyWebhook(secret: string | string[], headers: WebhookHeaders, body: string | Uint8Array, options: VerifyOptions = {}): Promise<unknown> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  checkTimestamp(timestamp, options);
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const signed = concat(new TextEncoder().encode(`${id}.${timestamp}.`), bytes);
  const candidates = signatures
    .split(' ')
    .flatMap((s) => (s.startsWith('v1,') ? [decode(s.slice(3))] : []))
    .filter((s) => s !== undefined);
  for (const key of Array.isArray(secret) ? secret : [secret]) {
    const hmac = await hmacKey(key);
    for (const signature of candidates) {
      if (await crypto.subtle.verify('HMAC', hmac, signature, signed)) return JSON.parse(new TextDecoder().decode(bytes));
    }
  }
  throw new WebhookVerificationError('webhook-signature: no v1 signature matches the body with this secret');
}

function header(headers: WebhookHeaders, name: string): string {
  const value = headers instanceof Headers ? headers.get(name) : (headers[name] ?? headers[name.toLowerCase()]);
  const first = Array.isArray(value) ? value[0] : value;
  if (!first) throw new WebhookVerificationError(`${name}: header is missing`);
  return first;
}

function checkTimestamp(timestamp: string, options: VerifyOptions): void {
  if (!/^\d{1,15}$/.test(timestamp)) throw new WebhookVerificationError('webhook-timestamp: is not a number of seconds');
  const skew = Math.abs((options.now ?? Date.now)() / 1000 - Number(timestamp));
  if (skew > (options.toleranceSeconds ?? 300)) throw new WebhookVerificationError('webhook-timestamp: is too far from now; a replayed or delayed delivery');
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  const raw = decode(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);
  if (!raw) throw new TypeError('the webhook secret is not whsec_ followed by base64');
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
}

function decode(base64: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
