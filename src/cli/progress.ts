// Rate and time left for the CLI's progress lines: a rate over the last few seconds (so
// it follows changes), and the time left at that rate when the total is known.

const WINDOW_MS = 5_000;

export class Meter {
  private readonly samples: { at: number; done: number }[] = [];

  constructor(
    private readonly total?: number,
    private readonly now: () => number = Date.now,
  ) {
    this.samples.push({ at: now(), done: 0 });
  }

  update(done: number): void {
    const at = this.now();
    this.samples.push({ at, done });
    while (this.samples.length > 2 && at - this.samples[1].at > WINDOW_MS) this.samples.shift();
  }

  /** Units a second, over the recent window; 0 until there is something to measure. */
  rate(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const seconds = (last.at - first.at) / 1000;
    return seconds > 0 ? (last.done - first.done) / seconds : 0;
  }

  /** Seconds left at the current rate; undefined without a total or a rate. */
  eta(): number | undefined {
    const rate = this.rate();
    if (this.total === undefined || rate <= 0) return undefined;
    return Math.max(0, (this.total - this.samples[this.samples.length - 1].done) / rate);
  }

  /** "1,234 records/s, ETA 0:42" */
  describe(unit: string): string {
    const eta = this.eta();
    return `${Math.round(this.rate()).toLocaleString('en')} ${unit}/s` + (eta === undefined ? '' : `, ETA ${duration(eta)}`);
  }
}

export function duration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
