// Whose work the event loop is doing, and whose goes next.
//
// The embedded database runs on the event loop's own thread: a statement takes the
// process's CPU from start to end, and completes without I/O. Left to themselves, the
// statements of one organization's burst would run back to back while another's
// request is not even read. So each statement first waits for its turn, and turns go
// to the organizations in proportion to the time they have not used: start-time fair
// queueing, each statement's cost measured as it runs. An organization whose
// statements took 10 ms waits behind one that took none; one that used nothing lately
// goes first. Work outside any request (the workers, migrations) is one flow of its own.
import { AsyncLocalStorage } from 'node:async_hooks';

interface Owner {
  organizationId?: string;
}

const owners = new AsyncLocalStorage<Owner>();

/** Runs `next` (a request's lifecycle) as work whose owner is named later, by `ownWork`. */
export function runOwned(next: () => void): void {
  owners.run({}, next);
}

/** Names the organization the current request's work is for (once it is authenticated). */
export function ownWork(organizationId: string): void {
  const owner = owners.getStore();
  if (owner) owner.organizationId = organizationId;
}

/** The organization the current work is for; undefined outside a request, or before its authentication. */
export const workOwner = (): string | undefined => owners.getStore()?.organizationId;

interface Waiter {
  flow: string;
  tag: number;
  resolve: () => void;
}

/**
 * Start-time fair queueing of turns of the event loop. Each waiter is tagged with the
 * later of the virtual time and its flow's finish tag; the smallest tag goes first, one
 * per turn of the event loop (so the loop reads what other connections sent between
 * two statements); a flow's finish tag grows by the time each of its statements took.
 */
export class FairTurns {
  private readonly waiting: Waiter[] = [];
  /** Each flow's finish tag: where its next statement starts in virtual time. */
  private readonly finish = new Map<string, number>();
  private virtualTime = 0;
  private scheduled = false;

  /** Waits for a turn of `flow` (an organization; '' for work of no request). */
  take(flow: string): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push({ flow, tag: Math.max(this.virtualTime, this.finish.get(flow) ?? 0), resolve });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.grant);
      }
    });
  }

  /** Adds what a turn of `flow` cost (in ms) to its finish tag. */
  charge(flow: string, ms: number): void {
    this.finish.set(flow, Math.max(this.finish.get(flow) ?? 0, this.virtualTime) + ms);
  }

  /** Waiters not yet granted a turn (for tests). */
  get queued(): number {
    return this.waiting.length;
  }

  private readonly grant = () => {
    let next = 0;
    for (let i = 1; i < this.waiting.length; i++) if (this.waiting[i].tag < this.waiting[next].tag) next = i;
    const [waiter] = this.waiting.splice(next, 1);
    this.virtualTime = Math.max(this.virtualTime, waiter.tag);
    // A flow whose tag the virtual time has passed starts at the virtual time anyway.
    if (this.finish.size > 1000) for (const [flow, tag] of this.finish) if (tag <= this.virtualTime) this.finish.delete(flow);
    waiter.resolve();
    if (this.waiting.length > 0) setImmediate(this.grant);
    else this.scheduled = false;
  };
}

/** The process's one event loop, shared by every database handle in it. */
export const eventLoopTurns = new FairTurns();

/** Waits for a turn of the current work's organization. */
export const ownTurn = (): Promise<void> => eventLoopTurns.take(workOwner() ?? '');
