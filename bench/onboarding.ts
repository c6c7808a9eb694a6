// bench/onboarding: bulk onboarding throughput.
//
//   DATABASE_URL=postgres://… npm run bench:onboarding
//
// Uploads a file of 10,000 employees (POST /enterprise/onboarding-batches, CSV) and
// measures the time until every row's order is final (completed or failed): rows a
// second, end to end. Beside it in the same run, the baseline: single activation orders
// posted over HTTP by 20 clients as bench:orders posts them (its poster,
// support/order-poster.js), until all are final: orders a second. The baseline runs
// before and after the upload, and the ratio is to their mean. Runs on PostgreSQL
// (DATABASE_URL) and on the embedded PGlite.
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { openPlatform, type Platform } from '../src/platform.ts';
import { startWorkers } from '../src/workers.ts';
import { buildApp } from '../src/app.ts';
import { queryRows } from '../src/db/database.ts';
import { postOrders, seedOrdering, waitFor } from './support/ordering.ts';
import { getBatch } from '../src/domain/onboarding/onboarding.service.ts';
import { freshDatabase } from './support/databases.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 1000);
const CLIENTS = 20;
/** Every baseline order and every row takes a SIM and a number. */
const STOCK = ROWS + 2 * ORDERS;

function employees(templateId: string): string {
  const lines = Array.from({ length: ROWS }, (_, i) => `Bench,${i},e${i}@bench.example,B-${i},Bench,${templateId},api`);
  return ['first_name,last_name,email,employee_id,group,template,delivery', ...lines].join('\n') + '\n';
}

async function run(label: string, platform: Platform) {
  const { org, client, secret, account, template } = await seedOrdering(platform, 'Bench Onboarding', STOCK);
  const app = await buildApp(platform, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const workers = await startWorkers(platform);
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  // A fresh token for each phase: a long run outlives one.
  const freshToken = async (): Promise<string> =>
    (
      (await (
        await fetch(`${base}/auth/realms/enterprise-apis/protocol/openid-connect/token`, {
          method: 'POST',
          body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: secret }),
        })
      ).json()) as { access_token: string }
    ).access_token;
  const final = async () =>
    Number((await queryRows<{ n: string }>(platform.db, sql`SELECT count(*) AS n FROM orders WHERE organization_id = ${org.id} AND status <> 'pending'`))[0].n);
  let ordersSoFar = 0;

  /** Single orders, until all are final: orders a second. */
  const baseline = async () => {
    const start = performance.now();
    await postOrders({ base, token: await freshToken(), accountId: account.id, templateId: template.id, total: ORDERS, clients: CLIENTS });
    ordersSoFar += ORDERS;
    await waitFor(async () => (await final()) >= ordersSoFar, 3_600_000, 50);
    return ORDERS / ((performance.now() - start) / 1000);
  };

  const before = await baseline();
  process.stdout.write(`${label}: baseline before ${before.toFixed(0)} orders/s\n`);
  const file = employees(template.id);
  const start = performance.now();
  const res = await fetch(`${base}/enterprise/onboarding-batches?account_id=${account.id}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await freshToken()}`, 'content-type': 'text/csv' },
    body: file,
  });
  const answeredMs = performance.now() - start;
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
  const batch = (await res.json()) as { id: string };
  ordersSoFar += ROWS;
  // Read from the database: a run this long outlives the token.
  const batchState = () => getBatch(platform.db, org.id, batch.id);
  await waitFor(async () => (await batchState()).status === 'completed', 3_600_000, 50);
  const placedMs = performance.now() - start;
  process.stdout.write(`${label}: upload answered in ${(answeredMs / 1000).toFixed(2)} s; every row ordered (batch completed) in ${(placedMs / 1000).toFixed(2)} s\n`);
  await waitFor(async () => (await final()) >= ordersSoFar, 3_600_000, 50);
  const onboardingMs = performance.now() - start;
  process.stdout.write(`${label}: every order final in ${(onboardingMs / 1000).toFixed(2)} s\n`);
  const after = await baseline();

  const state = await batchState();
  const failed = Number((await queryRows<{ n: string }>(platform.db, sql`SELECT count(*) AS n FROM orders WHERE organization_id = ${org.id} AND status = 'failed'`))[0].n);
  await app.close();
  await workers.stop();

  const rowsPerSecond = ROWS / (onboardingMs / 1000);
  const single = (before + after) / 2;
  process.stdout.write(
    [
      `${label}: ${ROWS} rows; baseline ${ORDERS} single orders from ${CLIENTS} clients before and after; ${platform.config.workerConcurrency} workers; load average ${loadavg()[0].toFixed(2)}`,
      `  upload answered (202)          ${(answeredMs / 1000).toFixed(2)} s   (${(file.length / 1024 / 1024).toFixed(2)} MB of CSV)`,
      `  batch completed (all placed)   ${(placedMs / 1000).toFixed(2)} s   ${(ROWS / (placedMs / 1000)).toFixed(0)} rows/s`,
      `  onboarding, every order final  ${(onboardingMs / 1000).toFixed(2)} s   ${rowsPerSecond.toFixed(0)} rows/s   (batch ${state.status}: ordered ${state.ordered}, refused ${state.refused}; failed orders ${failed})`,
      `  single orders, all final       ${before.toFixed(0)} and ${after.toFixed(0)} orders/s   (mean ${single.toFixed(0)})`,
      `  ratio rows/s to orders/s       ${(rowsPerSecond / single).toFixed(2)}x`,
      '',
    ].join('\n'),
  );
}

const env = { ...process.env, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '10000000', READ_CACHE_ENTRIES: '0' };
if (process.env.DATABASE_URL) {
  const fresh = await freshDatabase(process.env.DATABASE_URL, 'cellhub_bench_onboarding');
  const platform = await openPlatform(loadConfig({ ...env, DATABASE_URL: fresh.url }));
  try {
    await run('PostgreSQL', platform);
  } finally {
    await platform.close();
    await fresh.drop();
  }
}
// BENCH_EMBEDDED=off skips the PGlite run.
if (process.env.BENCH_EMBEDDED === 'off') process.exit(0);
const { PGlite } = await import('@electric-sql/pglite');
const embedded = await openPlatform(loadConfig({ ...env, DATABASE_URL: '' }), { pglite: await PGlite.create() });
try {
  await run('PGlite (embedded)', embedded);
} finally {
  await embedded.close();
}
