// When to send a request again: after a network failure (only if the request may be
// repeated without doing anything twice), after a 429 once its Retry-After has passed,
// and after a 409 telling that our own earlier attempt with this Idempotency-Key is
// still being processed. Anything else is the answer.
import { CellhubError } from './errors.ts';

export interface RetryOptions {
  /** How many times one call is sent again at most (default 3). */
  retries?: number;
  /** The longest Retry-After waited for; a longer one is answered as the error (default 60). */
  maxRetryAfterSeconds?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { retries: 3, maxRetryAfterSeconds: 60 };

interface Context {
  /** The request does nothing twice when repeated (a safe method, or a replayed Idempotency-Key). */
  mayRepeat: boolean;
  /** The caller's signal: once it aborts, nothing is retried. */
  signal?: AbortSignal;
}

const BACKOFF_MS = 200;
const STILL_PROCESSING = /^idempotency-key: .*still being processed/;

export async function withRetries(send: (attempt: number) => Promise<Response>, policy: Required<RetryOptions>, context: Context): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await send(attempt);
    } catch (error) {
      const repeat = context.mayRepeat && attempt < policy.retries && isNetworkFailure(error) && !context.signal?.aborted;
      if (!repeat) throw error;
      await sleep(backoff(attempt), context.signal);
      continue;
    }
    const wait = attempt < policy.retries ? await waitBeforeRepeating(response, attempt, policy, context) : undefined;
    if (wait === undefined) return response;
    await response.body?.cancel();
    await sleep(wait, context.signal);
  }
}

async function waitBeforeRepeating(response: Response, attempt: number, policy: Required<RetryOptions>, context: Context) {
  if (response.status === 429) {
    const wait = retryAfterMs(response.headers.get('retry-after')) ?? backoff(attempt);
    return wait <= policy.maxRetryAfterSeconds * 1000 ? wait : undefined;
  }
  // Our earlier attempt reached the server and is still running: its answer will be replayed.
  if (response.status === 409 && context.mayRepeat && attempt > 0 && (await stillProcessing(response))) return backoff(attempt);
  return undefined;
}

async function stillProcessing(response: Response): Promise<boolean> {
  const error = await CellhubError.from(response.clone());
  return error.messages.some((m) => STILL_PROCESSING.test(m));
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** fetch rejects with a TypeError when no answer came, and with a TimeoutError when our per-attempt timeout struck. */
function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError || (error as { name?: string } | null)?.name === 'TimeoutError';
}

/** Exponential, with jitter so that many clients failing together do not return together. */
const backoff = (attempt: number) => BACKOFF_MS * 2 ** attempt * (0.5 + Math.random() / 2);

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an aborted wait rejects with the signal's reason, as fetch does
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as above
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
