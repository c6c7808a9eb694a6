// `cellhub simulate`: live traffic for the active subscriptions (the demo's, or any),
// through the same ingest and rating as the network's records, at a chosen rate.
// Stops after --seconds, or on Ctrl-C; prints what it rated.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { ingestUsage } from '../domain/usage/ingest.service.ts';
import { activeLines, trafficRecord } from '../demo/usage.ts';

export interface SimulateOptions {
  /** Records a second. */
  rate: number;
  /** Stop after this long; runs until interrupted when absent. */
  seconds?: number;
  organizationId?: string;
  /** Where a running count is drawn. */
  progress?: NodeJS.WritableStream;
}

export async function simulateTraffic(db: Db, options: SimulateOptions) {
  const lines = await activeLines(db, options.organizationId);
  if (lines.length === 0) throw new Error('no active subscription to make traffic for (run `cellhub demo` first)');
  let stopped = false;
  const stop = () => void (stopped = true);
  process.once('SIGINT', stop);
  const totals = { seconds: 0, records: 0, items: 0, rejected: 0 };
  const run = randomUUID().slice(0, 8);
  while (!stopped && (options.seconds === undefined || totals.seconds < options.seconds)) {
    const tick = Date.now();
    const records = Array.from({ length: options.rate }, (_, i) =>
      trafficRecord(lines[Math.floor(Math.random() * lines.length)], new Date(tick - Math.floor(Math.random() * 60_000)), Math.random, `sim-${run}-${totals.seconds}-${i}`));
    const result = await ingestUsage(db, records);
    totals.seconds++;
    totals.records += result.accepted;
    totals.items += result.items;
    totals.rejected += result.rejected;
    options.progress?.write(`simulate: ${totals.records} records rated (${totals.items} items) on ${lines.length} lines\r`);
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - tick))));
  }
  process.removeListener('SIGINT', stop);
  options.progress?.write('\n');
  return { lines: lines.length, ...totals };
}
