// Collects items and writes them in batches, one batch at a time: when `size` items
// wait, or `waitMs` after the first of them. A failed batch does not stop the next; the
// first failure is reported by drain().

export class BatchWriter<T> {
  private pending: T[] = [];
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private failure?: Error;

  constructor(
    private readonly write: (batch: T[]) => Promise<void>,
    private readonly options: { size: number; waitMs: number },
  ) {}

  add(item: T): void {
    this.pending.push(item);
    if (this.pending.length >= this.options.size) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.waitMs);
  }

  /** Writes what waits, and resolves once every batch so far is written; rejects if one failed. */
  async drain(): Promise<void> {
    this.flush();
    await this.writing;
    if (this.failure) throw this.failure;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    this.writing = this.writing
      .then(() => this.write(batch))
      .catch((error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      });
  }
}
