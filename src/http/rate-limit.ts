// Fixed-window rate limits per API client and endpoint (contract §1: 1,000 a minute by
// default), with the x-rate-limit-* headers on every response and 429 past the limit.
//
// With several API processes the budget is shared through the database. Counting there
// on every request would put a write on every read, so each process counts locally
// and merges its counts into the shared row a few times a second; a process decides
// on the last known total plus what it counted since. The overshoot is bounded by
// what all processes admit between two merges.
import type { Executor } from '../db/database.ts';
import { ApiError } from './errors.ts';
import { addToCounters, deleteCountersBefore } from './rate-limit.store.ts';

const WINDOW_MS = 60_000;

export interface RateLimitCounter {
  /** Counts one request and answers the window's total so far. */
  hit(key: string, windowStart: number): number;
  /** The window's total so far, counting nothing. */
  peek(key: string, windowStart: number): number;
  close(): Promise<void>;
}

export class MemoryCounter implements RateLimitCounter {
  private counts = new Map<string, number>();
  private window = 0;

  hit(key: string, windowStart: number): number {
    if (windowStart !== this.window) {
      this.counts.clear();
      this.window = windowStart;
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count;
  }

  peek(key: string, windowStart: number): number {
    return windowStart === this.window ? (this.counts.get(key) ?? 0) : 0;
  }

  async close(): Promise<void> {}
}

export class SharedCounter implements RateLimitCounter {
  private known = new Map<string, number>();
  private pending = new Map<string, number>();
  /** Counts being merged: no longer pending, not yet in `known`, still counted. */
  private merging = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Executor,
    flushEveryMs = 200,
  ) {
    this.timer = setInterval(() => void this.flush(), flushEveryMs);
    this.timer.unref();
  }

  hit(key: string, windowStart: number): number {
    const id = `${windowStart}|${key}`;
    const pending = (this.pending.get(id) ?? 0) + 1;
    this.pending.set(id, pending);
    return (this.known.get(id) ?? 0) + (this.merging.get(id) ?? 0) + pending;
  }

  peek(key: string, windowStart: number): number {
    const id = `${windowStart}|${key}`;
    // Merged with +0 from now on, to learn what the other processes counted.
    if (!this.pending.has(id) && !this.known.has(id)) this.pending.set(id, 0);
    return (this.known.get(id) ?? 0) + (this.merging.get(id) ?? 0) + (this.pending.get(id) ?? 0);
  }

  /** Merges local counts into the shared counters; safe to call at any time. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.merge()).catch(() => {});
    return this.flushing;
  }

  private async merge(): Promise<void> {
    const current = Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS;
    const batch = this.pending;
    this.merging = batch;
    this.pending = new Map();
    // Keys this process tracks are merged with +0, to learn what the others counted.
    const ids = new Map([...this.known.keys()].filter((id) => Number(id.split('|')[0]) >= current).map((id) => [id, 0]));
    for (const [id, delta] of batch) ids.set(id, delta);
    if (ids.size === 0) return;
    const deltas = [...ids].map(([id, delta]) => {
      const [windowStart, ...key] = id.split('|');
      return { key: key.join('|'), windowStart: Number(windowStart), delta };
    });
    try {
      const totals = await addToCounters(this.db, deltas);
      this.known = new Map();
      for (const t of totals) this.known.set(`${t.windowStart}|${t.key}`, t.count);
      this.merging = new Map();
      if (Math.random() < 0.01) await deleteCountersBefore(this.db, current - WINDOW_MS);
    } catch (error) {
      // Keep the counts for the next merge rather than forgetting them.
      this.merging = new Map();
      for (const [id, delta] of batch) this.pending.set(id, (this.pending.get(id) ?? 0) + delta);
      throw error;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

export interface RateLimitResult {
  headers: Record<string, string>;
  exceeded?: ApiError;
}

export class RateLimiter {
  private readonly limitHeader: string;

  constructor(
    private readonly counter: RateLimitCounter,
    private readonly limitPerMinute: number,
  ) {
    this.limitHeader = String(limitPerMinute);
  }

  check(key: string, now = Date.now()): RateLimitResult {
    const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    const count = this.counter.hit(key, windowStart);
    const resetSeconds = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
    const headers = {
      'x-rate-limit-limit': this.limitHeader,
      'x-rate-limit-remaining': String(Math.max(0, this.limitPerMinute - count)),
      'x-rate-limit-reset': String(resetSeconds),
    };
    if (count <= this.limitPerMinute) return { headers };
    const exceeded = new ApiError('TOO_MANY_REQUESTS', `rate limit of ${this.limitPerMinute} requests a minute reached; retry in ${resetSeconds} s`, {
      'retry-after': String(resetSeconds),
    });
    return { headers, exceeded };
  }

  close(): Promise<void> {
    return this.counter.close();
  }
}
