// One organization must not slow another. Each organization may have only so many
// requests in flight in this process, and fewer of the expensive ones (pages of many
// embedded resources, which take the process's CPU as much as the database); more wait
// in the organization's own line (so they take no connection nor CPU from anyone else),
// and past that line they are refused with 429 and Retry-After. Another organization's
// requests never wait behind them.
import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import { ApiError } from './errors.ts';

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

  /** `concurrency` 0 turns the gate off. */
  constructor(
    private readonly concurrency: number,
    private readonly queue: number,
    private readonly expensiveConcurrency = 1,
  ) {}

  /** Waits for the organization's turn; answers the release, to call exactly once. */
  async enter(organizationId: string, expensive = false): Promise<() => void> {
    if (this.concurrency === 0) return () => {};
    if (!expensive) return this.take(organizationId, this.concurrency);
    const leaveExpensive = await this.take(`${organizationId} expensive`, Math.min(this.expensiveConcurrency, this.concurrency));
    try {
      // Let the event loop read what other connections sent before this request takes the
      // CPU: on the embedded database a request's queries complete without any I/O, so
      // requests read in one turn of the loop would otherwise each run to the end, one
      // after another, before the next request, another organization's, is even parsed.
      await nextTurnOfEventLoop();
      const leave = await this.take(organizationId, this.concurrency);
      return () => (leave(), leaveExpensive());
    } catch (error) {
      leaveExpensive();
      throw error;
    }
  }

  private async take(key: string, concurrency: number): Promise<() => void> {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { running: 0, waiting: [] };
      this.lanes.set(key, lane);
    }
    if (lane.running >= concurrency) {
      if (lane.waiting.length >= this.queue) {
        throw new ApiError('TOO_MANY_REQUESTS', `too many requests of this organization at once (${concurrency} running, ${this.queue} waiting); retry in 1 s`, {
          'retry-after': '1',
        });
      }
      await new Promise<void>((resolve) => lane.waiting.push(resolve));
    } else {
      lane.running++;
    }
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
