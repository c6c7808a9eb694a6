// The timers a simulator starts: unref'd, so they never keep a process alive, and all
// cleared when it stops.
export class Timers {
  private readonly live = new Set<NodeJS.Timeout>();

  later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.live.delete(timer);
      run();
    }, ms);
    this.keep(timer);
  }

  every(ms: number, run: () => void): void {
    this.keep(setInterval(run, ms));
  }

  clear(): void {
    for (const timer of this.live) clearTimeout(timer);
    this.live.clear();
  }

  private keep(timer: NodeJS.Timeout): void {
    timer.unref();
    this.live.add(timer);
  }
}
