// `cellhub onboard FILE`: an organization's file of employees sent to a running server's
// Enterprise API (POST /enterprise/onboarding-batches) with the organization's own API
// client, through the SDK. A dry run prints every bad row and field; a real run draws a
// progress bar (rate and time left) while the batch is ordered, then sums it up: ordered,
// refused with the reasons, and already onboarded.
import { readFileSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
// The SDK's sources, bundled into the CLI (the package itself is TypeScript, which Node 20 cannot load).
import { createCellhub, type Cellhub, type DataOf } from '../../packages/sdk/src/index.ts';
import { Meter } from './progress.ts';

type Batch = DataOf<'/enterprise/onboarding-batches/{id}', 'get'>;

/** Refused and skipped rows listed in the summary; the counts cover them all. */
const LISTED = 50;
const POLL_MS = 250;

export interface OnboardOptions {
  server: string;
  clientId: string;
  clientSecret: string;
  accountId: string;
  dryRun: boolean;
  progress?: NodeJS.WritableStream;
}

const isJson = (file: string) => file.endsWith('.json');

/** Sends the file as it is (CSV, or JSON rows for a .json file), so row numbers are the file's own. */
function upload(cellhub: Cellhub, file: string, text: string, options: OnboardOptions) {
  return cellhub.post('/enterprise/onboarding-batches', {
    params: { query: { account_id: options.accountId, dry_run: options.dryRun } },
    body: text as never,
    bodySerializer: (body: unknown) => body as string,
    headers: { 'content-type': isJson(file) ? 'application/json' : 'text/csv' },
  });
}

async function follow(cellhub: Cellhub, batch: Batch, progress?: NodeJS.WritableStream): Promise<Batch> {
  const bar =
    progress && new SingleBar({ format: 'onboarding |{bar}| {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}', stream: progress, etaBuffer: 20 }, Presets.shades_classic);
  const done = (b: Batch) => b.total - b.pending;
  const meter = new Meter(batch.total);
  bar?.start(batch.total, done(batch), { rate: 0 });
  let current = batch;
  while (current.status !== 'completed') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    current = await cellhub.get('/enterprise/onboarding-batches/{id}', { params: { path: { id: batch.id } } });
    meter.update(done(current));
    bar?.update(done(current), { rate: Math.round(meter.rate()) });
  }
  bar?.stop();
  return current;
}

async function listed(cellhub: Cellhub, id: string, result: 'refused' | 'skipped') {
  const rows: { row: number; employee_id: string | null; reason: string | null }[] = [];
  for await (const row of cellhub.items('/enterprise/onboarding-batches/{id}/rows', { params: { path: { id }, query: { result, limit: LISTED } } })) {
    rows.push({ row: row.row, employee_id: row.employee_id, reason: row.reason });
    if (rows.length === LISTED) break;
  }
  return rows;
}

export async function onboardFile(file: string, options: OnboardOptions) {
  const text = readFileSync(file, 'utf8');
  const cellhub = createCellhub({ baseUrl: options.server, credentials: { realm: 'enterprise-apis', clientId: options.clientId, clientSecret: options.clientSecret } });
  const answer = await upload(cellhub, file, text, options);
  if ('dry_run' in answer) return { file, ...answer };
  const batch = await follow(cellhub, answer, options.progress);
  return {
    file,
    batch_id: batch.id,
    status: batch.status,
    total: batch.total,
    ordered: batch.ordered,
    refused: batch.refused,
    already_onboarded: batch.skipped,
    refusals: await listed(cellhub, batch.id, 'refused'),
    skipped: await listed(cellhub, batch.id, 'skipped'),
  };
}
