// What every request of the SDK goes through, beneath openapi-fetch: a correlation id
// kept across its attempts, an Idempotency-Key on every POST, a fresh bearer token on
// each attempt, one renewal when the server refuses the token, and the retries.
import { REPLAYABLE } from './replayable.ts';
import { withRetries, type RetryOptions } from './retry.ts';
import type { TokenSource } from './tokens.ts';

export type Fetch = (request: Request) => Promise<Response>;

export interface TransportOptions {
  baseUrl: string;
  fetch: Fetch;
  retry: Required<RetryOptions>;
  /** Each attempt is abandoned (and, where safe, retried) after this long. */
  timeoutMs?: number;
  tokens?: TokenSource;
  idempotencyKeys?: boolean;
  /** Every request may be repeated (the token endpoint: a repeated grant only issues another token). */
  alwaysRepeatable?: boolean;
}

const CORRELATION = 'x-correlation-id';
const IDEMPOTENCY = 'idempotency-key';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export function transport(options: TransportOptions): Fetch {
  return async (request) => {
    const headers = new Headers(request.headers);
    // One id for every attempt, so the server's log ties a call's retries together.
    if (!headers.has(CORRELATION)) headers.set(CORRELATION, crypto.randomUUID());
    if (options.idempotencyKeys && request.method === 'POST' && !headers.has(IDEMPOTENCY)) headers.set(IDEMPOTENCY, crypto.randomUUID());
    const body = request.body ? await request.arrayBuffer() : undefined;
    const mayRepeat = options.alwaysRepeatable === true || repeatable(request.method, request.url, headers, options.baseUrl);

    const once = async () => {
      const attempt = new Headers(headers);
      if (options.tokens) attempt.set('authorization', `Bearer ${await options.tokens.token()}`);
      const signal = options.timeoutMs ? AbortSignal.any([request.signal, AbortSignal.timeout(options.timeoutMs)]) : request.signal;
      return options.fetch(new Request(request.url, { method: request.method, headers: attempt, body, signal, redirect: request.redirect }));
    };
    let renewed = false;
    return withRetries(
      async () => {
        const response = await once();
        if (response.status !== 401 || !options.tokens?.invalidate || renewed) return response;
        // A token refused before its time (rotated keys, clocks that disagree) is replaced, once.
        renewed = true;
        await response.body?.cancel();
        options.tokens.invalidate();
        return once();
      },
      options.retry,
      { mayRepeat, signal: request.signal },
    );
  };
}

const replayable = REPLAYABLE.map((operation) => {
  const [method, template] = operation.split(' ');
  const pattern = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return { method, path: new RegExp(`^${pattern}$`) };
});

/** Sending it again does nothing twice: a safe or idempotent method, or a POST whose key the server replays. */
function repeatable(method: string, url: string, headers: Headers, baseUrl: string): boolean {
  if (SAFE_METHODS.has(method)) return true;
  if (!headers.has(IDEMPOTENCY)) return false;
  const path = apiPath(url, baseUrl);
  return replayable.some((op) => op.method === method && op.path.test(path));
}

/** The path as the API document names it: the URL's path below the base URL's. */
function apiPath(url: string, baseUrl: string): string {
  const prefix = new URL(baseUrl).pathname.replace(/\/$/, '');
  const path = new URL(url).pathname;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
