// One organization must not slow another. Each organization may have only so many
// requests in flight in this process, and fewer of the expensive ones (pages of many
// embedded resources, which take the process's CPU as much as the database); more wait
// in the organization's own line (so they take no connection nor CPU from anyone else),
// and past that line they are refused with 429 and Retry-After. Another organization's
// requests never wait behind them.
//
// Concurrency alone does not bound the time: one expensive page after another keeps the
// event loop busy, and every request of another organization arrives in the middle of
// one. So, while another organization is active, an organization's expensive requests
// take at most a share of the time (half, by default): each waits as long as the one
// before it took. And an expensive page is read and rendered in short steps, each in the
// organization's turn of the event loop (db/turns.ts), so what another organization's
// request waits for is a step, never a page.
import { ApiError } from './errors.ts';
import type { PageReading } from './cursor.ts';
import type { Database } from '../db/database.ts';
import { ownTurn } from '../db/turns.ts';

/**
 * How an expensive page is read: so many rows per statement, each continuing after the
 * last, then rendered in a turn of its own. On the embedded database a statement holds
 * the event loop: a page of 100 fully embedded subscriptions takes some 13 ms in one
 * statement, 3 to 4 ms in slices of 20. On PostgreSQL the statement runs in the
 * database's process, not on the event loop, so a page is one statement: slices of 20
 * cost 30 to 55 % more server CPU per page there (a round trip and a parse each).
 */
export const ROWS_PER_STATEMENT: Record<Database['kind'], number | undefined> = { pglite: 20, postgres: undefined };
export function expensivePageReading(kind: Database['kind']): PageReading {
  return { rowsPerStatement: ROWS_PER_STATEMENT[kind], turn: ownTurn };
}

/** How long "another organization is active" lasts after its last request. */
const ACTIVE_MS = 1000;

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: Clock = { now: () => performance.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

const noRelease = (): void => {};

/** Route config marking an expensive operation. */
export const EXPENSIVE = { expensive: true };

declare module 'fastify' {
  interface FastifyContextConfig {
    expensive?: boolean;
  }
}

interface Lane {
  running: number;
  waiting: (() => void)[];
}

export class TenantGate {
  private readonly lanes = new Map<string, Lane>();
  /** When each organization's next expensive request may start while others are active. */
  private readonly readyAt = new Map<string, number>();
  /** The two organizations seen last (distinct), and when. */
  private latest = { organizationId: '', at: -Infinity };
  private previous = { organizationId: '', at: -Infinity };

  /**
   * `concurrency` 0 turns the gate off. `expensiveShare`: the share of the time an
   * organization's expensive requests may take while another organization is active
   * (1: no bound).
   */
  constructor(
    private readonly concurrency: number,
    private readonly queue: number,
    private readonly expensiveConcurrency = 1,
    private readonly expensiveShare = 0.5,
    private readonly clock: Clock = realClock,
  ) {}

  /**
   * The release at once, to call exactly once, when the request may start without
   * waiting (the gate is off, or it is not expensive and its organization has a slot
   * free); undefined when it must go through `enter`. Most requests pass here, with no
   * promise to wait for.
   */
  admitNow(organizationId: string, expensive = false): (() => void) | undefined {
    if (this.concurrency === 0) return noRelease;
    if (expensive) return undefined;
    this.seen(organizationId);
    return this.takeFree(organizationId, this.concurrency);
  }

  /** Waits for the organization's turn; answers the release, to call exactly once. */
  async enter(organizationId: string, expensive = false): Promise<() => void> {
    if (this.concurrency === 0) return noRelease;
    this.seen(organizationId);
    if (!expensive) return this.take(organizationId, this.concurrency);
    const leaveExpensive = await this.take(`${organizationId} expensive`, Math.min(this.expensiveConcurrency, this.concurrency));
    try {
      await this.paced(organizationId);
      const leave = await this.take(organizationId, this.concurrency);
      const admitted = this.clock.now();
      return () => {
        const took = this.clock.now() - admitted;
        if (this.expensiveShare < 1) this.readyAt.set(organizationId, this.clock.now() + (took * (1 - this.expensiveShare)) / this.expensiveShare);
        leave();
        leaveExpensive();
      };
    } catch (error) {
      leaveExpensive();
      throw error;
    }
  }

  /** Waits, while another organization is active, until the organization's share of the time allows another expensive request. */
  private async paced(organizationId: string): Promise<void> {
    const ready = this.readyAt.get(organizationId);
    if (ready === undefined) return;
    this.readyAt.delete(organizationId);
    const wait = ready - this.clock.now();
    if (wait > 0 && this.othersActive(organizationId)) await this.clock.sleep(wait);
  }

  private seen(organizationId: string): void {
    if (this.latest.organizationId === organizationId) {
      this.latest.at = this.clock.now();
      return;
    }
    this.previous = this.latest;
    this.latest = { organizationId, at: this.clock.now() };
  }

  private othersActive(organizationId: string): boolean {
    const since = this.clock.now() - ACTIVE_MS;
    return [this.latest, this.previous].some((seen) => seen.organizationId !== organizationId && seen.at > since);
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { running: 0, waiting: [] };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  /** A slot of the lane if one is free (then nobody waits in it: a freed slot passes to a waiter). */
  private takeFree(key: string, concurrency: number): (() => void) | undefined {
    const lane = this.lane(key);
    if (lane.running >= concurrency) return undefined;
    lane.running++;
    return () => this.leave(key, lane);
  }

  private async take(key: string, concurrency: number): Promise<() => void> {
    const free = this.takeFree(key, concurrency);
    if (free) return free;
    const lane = this.lane(key);
    if (lane.waiting.length >= this.queue) {
      throw new ApiError('TOO_MANY_REQUESTS', `too many requests of this organization at once (${concurrency} running, ${this.queue} waiting); retry in 1 s`, {
        'retry-after': '1',
      });
    }
    await new Promise<void>((resolve) => lane.waiting.push(resolve));
    return () => this.leave(key, lane);
  }

  private leave(key: string, lane: Lane): void {
    const next = lane.waiting.shift();
    // The slot passes straight to the next waiter, but only after the event loop has read
    // what other connections sent: on the embedded database a request's queries complete
    // without I/O, so handing over at once would run a whole line of one organization's
    // requests before another's request is even read.
    if (next) return void setImmediate(next);
    lane.running--;
    if (lane.running === 0) this.lanes.delete(key);
  }
}
