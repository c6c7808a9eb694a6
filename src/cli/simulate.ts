// `cellhub simulate`: live traffic for the active subscriptions (the demo's, or any),
// through the same ingest and rating as the network's records, at a chosen rate: in this
// process, or fed to a running server through its ingest API. Stops after --seconds, or
// on Ctrl-C; prints what it rated.
import { randomUUID } from 'node:crypto';
import { trafficRecord } from '../demo/traffic.ts';
import type { Operator } from './operator.ts';
import { Meter } from './progress.ts';

export interface SimulateOptions {
  /** Records a second. */
  rate: number;
  /** Stop after this long; runs until interrupted when absent. */
  seconds?: number;
  organizationId?: string;
  /** Where a running count is drawn. */
  progress?: NodeJS.WritableStream;
}

export async function simulateTraffic(operator: Operator, options: SimulateOptions) {
  const lines = (await operator.activeLines(options.organizationId)).map((l) => ({ msisdn: l.msisdn, homeCountry: l.home_country }));
  if (lines.length === 0) throw new Error('no active subscription to make traffic for (run `cellhub demo` first)');
  let stopped = false;
  const stop = () => void (stopped = true);
  process.once('SIGINT', stop);
  const totals = { seconds: 0, records: 0, items: 0, rejected: 0 };
  const run = randomUUID().slice(0, 8);
  const meter = new Meter(options.seconds === undefined ? undefined : options.seconds * options.rate);
  try {
    while (!stopped && (options.seconds === undefined || totals.seconds < options.seconds)) {
      const tick = Date.now();
      const records = Array.from({ length: options.rate }, (_, i) =>
        trafficRecord(lines[Math.floor(Math.random() * lines.length)], new Date(tick - Math.floor(Math.random() * 60_000)), Math.random, `sim-${run}-${totals.seconds}-${i}`),
      );
      const result = await operator.ingestUsage(records);
      totals.seconds++;
      totals.records += result.accepted;
      totals.items += result.items;
      totals.rejected += result.rejected;
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - tick))));
      // Measured at the end of each second, so the rate is records per second of the run.
      meter.update(totals.seconds * options.rate);
      options.progress?.write(`\rsimulate: ${totals.records} records rated (${totals.items} items) on ${lines.length} lines, ${meter.describe('records')}\x1b[K`);
    }
  } finally {
    process.removeListener('SIGINT', stop);
    options.progress?.write('\n');
  }
  return { lines: lines.length, ...totals };
}
