// Keeps up to `concurrency` tasks running: it fetches more as soon as a slot frees, and
// sleeps only while there is nothing to fetch (or until woken). The job runners, the
// webhook dispatcher and the simulators all stand on it.

/** How long a loop waits for `minFetch` free slots before fetching for fewer. */
const FETCH_WAIT_MS = 10;

export interface WorkLoopOptions<T> {
  concurrency: number;
  /**
   * While tasks run, fetch once this many slots are free (default 1), or after
   * FETCH_WAIT_MS with fewer: fetching for every slot that frees costs a round trip per
   * task when tasks are short, and slow tasks must not hold the free slots idle long.
   * With `prefetch`, the slots counted include the room for fetched items.
   */
  minFetch?: number;
  /**
   * Items held fetched beyond the running ones (default 0): a slot that frees starts the
   * next item at once, and the next fetch is on its way while tasks run, so a fetch's
   * round trip is not a pause. Items wait at most about (prefetch / concurrency) task
   * lengths to start; whoever leases them must allow for it.
   */
  prefetch?: number;
  /** Hands back the fetched items that never started when the loop stops (without it they are run before the loop ends). */
  release?(items: T[]): Promise<void>;
  /** How long to sleep when a fetch found nothing. */
  idleMs: number;
  /** Up to `free` items to work on; an error counts as none (the database is away for now). */
  fetch(free: number): Promise<T[]>;
  run(item: T): Promise<void>;
}

export class WorkLoop<T> {
  private readonly running = new Set<Promise<void>>();
  /** Fetched, waiting for a slot. */
  private readonly waiting: T[] = [];
  private stopped = false;
  private done?: Promise<void>;
  private wakeUp?: () => void;
  /** Resolves the loop's wait for a task to end (one waiter, not a race over every task). */
  private taskEnded?: () => void;

  constructor(private readonly options: WorkLoopOptions<T>) {}

  start(): void {
    this.stopped = false;
    this.done = this.loop();
  }

  /** Fetches now rather than after the idle sleep. */
  wake(): void {
    this.wakeUp?.();
  }

  /**
   * Stops fetching and starting, hands back the fetched items not started (or, with no
   * way to, runs them: they are claimed, and would otherwise wait out their lease), and
   * waits for the running tasks.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    this.taskEnded?.();
    await this.done;
    const left = this.waiting.splice(0);
    if (left.length > 0 && this.options.release) await this.options.release(left).catch(() => {});
    else for (const item of left) this.launch(item);
    await Promise.allSettled(this.running);
  }

  private async loop(): Promise<void> {
    const { concurrency, prefetch = 0 } = this.options;
    const minFetch = Math.min(this.options.minFetch ?? 1, concurrency);
    while (!this.stopped) {
      const room = concurrency + prefetch - this.running.size - this.waiting.length;
      // Fetched items still wait for slots: nothing runs idle meanwhile, so fetch only for minFetch.
      if (room <= 0 || (room < minFetch && this.waiting.length > 0)) {
        await this.nextTaskEnd();
        continue;
      }
      if (room < minFetch && !(await this.waitedLongForSlots(FETCH_WAIT_MS))) continue;
      const items = await this.options.fetch(room).catch((): T[] => []);
      if (items.length === 0) {
        await this.sleep(this.options.idleMs);
        continue;
      }
      this.waiting.push(...items);
      this.startWaiting();
    }
  }

  /** Starts waiting items while slots are free. */
  private startWaiting(): void {
    while (!this.stopped && this.running.size < this.options.concurrency && this.waiting.length > 0) this.launch(this.waiting.shift()!);
  }

  private launch(item: T): void {
    const task: Promise<void> = this.options
      .run(item)
      .catch(() => {})
      .finally(() => {
        this.running.delete(task);
        this.startWaiting();
        this.taskEnded?.();
      });
    this.running.add(task);
  }

  private nextTaskEnd(): Promise<void> {
    return new Promise((resolve) => {
      this.taskEnded = () => {
        this.taskEnded = undefined;
        resolve();
      };
    });
  }

  /** Waits up to `ms` for a running task to end: true if the time ran out (fetch for fewer), false if one ended (count again). */
  private async waitedLongForSlots(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), ms)));
    const outcome = await Promise.race([timedOut, this.nextTaskEnd().then(() => false)]);
    clearTimeout(timer);
    this.taskEnded = undefined;
    return outcome;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
