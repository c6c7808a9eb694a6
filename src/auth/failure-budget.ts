// Failed authentication is cheap to refuse. Each source address and each client has a
// budget of failures a minute, checked before the slow secret hash, so a flood of wrong
// secrets is answered 429 at once instead of taking the CPU from valid requests. The
// counts are shared across processes as rate limits are (see http/rate-limit.ts).
import { tooManyAttempts } from '../domain/errors.ts';
import type { RateLimitCounter } from '../http/rate-limit.ts';

const WINDOW_MS = 60_000;

export class FailureBudget {
  constructor(
    private readonly counter: RateLimitCounter,
    private readonly limitPerMinute: number,
  ) {}

  /** Refuses with 429 and Retry-After while any of these keys has spent its budget (a share of it, `scale` times larger). */
  check(keys: string[], scale = 1, now = Date.now()): void {
    const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    const spent = keys.find((key) => this.counter.peek(`failed ${key}`, windowStart) >= this.limitPerMinute * scale);
    if (!spent) return;
    const retry = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
    throw tooManyAttempts(`too many failed authentications; retry in ${retry} s`, retry);
  }

  record(keys: string[], now = Date.now()): void {
    const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    for (const key of keys) this.counter.hit(`failed ${key}`, windowStart);
  }
}
