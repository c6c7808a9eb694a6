// Keeps up to `concurrency` tasks running: it fetches more as soon as a slot frees, and
// sleeps only while there is nothing to fetch (or until woken). The job runners and the
// webhook dispatcher both stand on it.

/** How long a loop waits for `minFetch` free slots before fetching for fewer. */
const FETCH_WAIT_MS = 10;

export interface WorkLoopOptions<T> {
  concurrency: number;
  /**
   * While tasks run, fetch once this many slots are free (default 1), or after
   * FETCH_WAIT_MS with fewer: fetching for every slot that frees costs a round trip per
   * task when tasks are short, and slow tasks must not hold the free slots idle long.
   */
  minFetch?: number;
  /** How long to sleep when a fetch found nothing. */
  idleMs: number;
  /** Up to `free` items to work on; an error counts as none (the database is away for now). */
  fetch(free: number): Promise<T[]>;
  run(item: T): Promise<void>;
}

export class WorkLoop<T> {
  private readonly running = new Set<Promise<void>>();
  private stopped = false;
  private done?: Promise<void>;
  private wakeUp?: () => void;

  constructor(private readonly options: WorkLoopOptions<T>) {}

  start(): void {
    this.stopped = false;
    this.done = this.loop();
  }

  /** Fetches now rather than after the idle sleep. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Stops fetching and waits for the running tasks. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.done;
    await Promise.allSettled(this.running);
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const free = this.options.concurrency - this.running.size;
      if (free <= 0) {
        await Promise.race(this.running);
        continue;
      }
      if (free < Math.min(this.options.minFetch ?? 1, this.options.concurrency) && !(await this.waitedLongForSlots(FETCH_WAIT_MS))) continue;
      const items = await this.options.fetch(free).catch((): T[] => []);
      if (items.length === 0) {
        await this.sleep(this.options.idleMs);
        continue;
      }
      for (const item of items) {
        const task = this.options
          .run(item)
          .catch(() => {})
          .finally(() => this.running.delete(task));
        this.running.add(task);
      }
    }
  }

  /** Waits up to `ms` for a running task to end: true if the time ran out (fetch for fewer), false if one ended (count again). */
  private async waitedLongForSlots(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), ms)));
    const outcome = await Promise.race([timedOut, Promise.race(this.running).then(() => false)]);
    clearTimeout(timer);
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
