// `cellhub usage import FILE`: usage records from a CSV file (a header row naming the
// fields) or JSON lines, sent in batches through the operator's ingest (in this process,
// or a running server's operator API), with a progress bar on stderr (rate and time
// left). Re-importing a file is safe: duplicates are ignored.
import { createReadStream, statSync, type ReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { SingleBar, Presets } from 'cli-progress';
import type { IngestResult } from '../domain/usage/ingest.service.ts';
import { INGEST_BATCH, type Operator } from './operator.ts';
import { Meter } from './progress.ts';

export type UsageFileFormat = 'csv' | 'jsonl';

/** Refusals listed in the summary; the counts cover them all. */
const LISTED = 50;

export function formatOf(file: string, given?: string): UsageFileFormat {
  const format = given ?? (file.endsWith('.csv') ? 'csv' : 'jsonl');
  if (format !== 'csv' && format !== 'jsonl') throw new Error(`--format: must be csv or jsonl, not ${format}`);
  return format;
}

/** Each record of the file with its line number (CSV: the header is line 1). */
async function* recordsOf(stream: ReadStream, format: UsageFileFormat): AsyncGenerator<{ line: number; value: unknown }> {
  if (format === 'csv') {
    const parser = stream.pipe(parse({ columns: true, skip_empty_lines: true, trim: true, info: true }));
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield { line: info.lines, value: record };
    }
    return;
  }
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = `line ${line} is not JSON`;
    }
    yield { line, value };
  }
}

/** Rates the file's records in batches; a bar on `progress` shows how far it got. */
export async function importUsageFile(operator: Operator, file: string, format: UsageFileFormat, progress?: NodeJS.WritableStream) {
  const bar =
    progress &&
    new SingleBar(
      {
        format: 'usage import |{bar}| {percentage}% | {records} records | {rate} records/s | ETA {eta_formatted}',
        stream: progress,
        etaBuffer: 20,
      },
      Presets.shades_classic,
    );
  const size = statSync(file).size;
  const meter = new Meter();
  bar?.start(size, 0, { records: 0, rate: 0 });
  const totals = { received: 0, accepted: 0, duplicates: 0, rejected: 0, items: 0 };
  const rejections: { line: number; source_record_id: string | null; reason: string }[] = [];
  let batch: { line: number; value: unknown }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const result: IngestResult = await operator.ingestUsage(batch.map((b) => b.value));
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result[key];
    for (const r of result.rejections) {
      if (rejections.length < LISTED) rejections.push({ line: batch[r.index].line, source_record_id: r.source_record_id, reason: r.reason });
    }
    batch = [];
  };
  const input = createReadStream(file);
  for await (const record of recordsOf(input, format)) {
    batch.push(record);
    if (batch.length === INGEST_BATCH) {
      await flush();
      meter.update(totals.received);
      bar?.update(input.bytesRead, { records: totals.received, rate: Math.round(meter.rate()) });
    }
  }
  await flush();
  meter.update(totals.received);
  bar?.update(size, { records: totals.received, rate: Math.round(meter.rate()) });
  bar?.stop();
  return { file, format, ...totals, rejections };
}
