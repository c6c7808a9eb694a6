// bench/orders: order fulfilment throughput.
//
//   DATABASE_URL=postgres://… npm run bench:orders
//
// Posts 1,000 activate_subscription orders over HTTP with 20 concurrent clients and
// measures the time until all are completed, beside the same number of empty jobs
// through the same queue in the same run (the queue's own floor). Targets: all 1,000
// completed within 10 s, at most 3x the floor. Runs on PostgreSQL (DATABASE_URL) and
// on the embedded PGlite.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { openPlatform, type Platform } from '../src/platform.ts';
import { startWorkers } from '../src/workers.ts';
import { buildApp } from '../src/app.ts';
import { queryRows } from '../src/db/database.ts';
import { postOrders, seedOrdering, waitFor } from './support/ordering.ts';
import { handler, type JobKind } from '../src/jobs/queue.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1000);
const CLIENTS = 20;
const EMPTY: JobKind<{ n: number }> = { name: 'bench-empty', retryLimit: 0, retryDelaySeconds: 1 };

/** CPU time this process (every thread: the order poster's too) spent since `from`, in milliseconds. */
const cpuMsSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

/** Runs `total` tasks with `clients` concurrent loops. */
async function concurrently(total: number, clients: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

async function run(label: string, platform: Platform) {
  const { org, client, secret, account, template } = await seedOrdering(platform, 'Bench Orders', ORDERS);
  let emptyDone = 0;
  await platform.queue.start([EMPTY]);
  await platform.queue.work([handler(EMPTY, async () => void emptyDone++)], platform.config.workerConcurrency);

  // The floor: empty jobs, each written by a statement of its own, as an order's job is.
  let start = performance.now();
  let cpu = process.cpuUsage();
  let statements = platform.database.queryCount();
  await concurrently(ORDERS, CLIENTS, async (n) => {
    await platform.queue.send(platform.db, EMPTY, { n });
    platform.queue.wake();
  });
  await waitFor(async () => emptyDone >= ORDERS, 120_000);
  const floorMs = performance.now() - start;
  const floorCpuMs = cpuMsSince(cpu);
  const floorStatements = platform.database.queryCount() - statements;

  // The app and its workers run in this process (the embedded database allows no other);
  // the orders are posted from a worker thread.
  const app = await buildApp(platform, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const workers = await startWorkers(platform);
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const token = (
    await (
      await fetch(`${base}/auth/realms/enterprise-apis/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: secret }),
      })
    ).json()
  ).access_token;
  start = performance.now();
  cpu = process.cpuUsage();
  statements = platform.database.queryCount();
  await postOrders({ base, token, accountId: account.id, templateId: template.id, total: ORDERS, clients: CLIENTS });
  const acceptedMs = performance.now() - start;
  let polls = 0; // the bench's own statements, left out of the order's count
  const completed = async () => {
    polls++;
    return Number((await queryRows<{ n: string }>(platform.db, sql`SELECT count(*) AS n FROM orders WHERE organization_id = ${org.id} AND status <> 'pending'`))[0].n);
  };
  await waitFor(async () => (await completed()) >= ORDERS, 120_000);
  const ordersMs = performance.now() - start;
  const ordersCpuMs = cpuMsSince(cpu);
  const orderStatements = platform.database.queryCount() - statements - polls;
  const failed = Number((await queryRows<{ n: string }>(platform.db, sql`SELECT count(*) AS n FROM orders WHERE organization_id = ${org.id} AND status = 'failed'`))[0].n);
  await app.close();
  await workers.stop();

  const ratio = ordersMs / floorMs;
  process.stdout.write(
    [
      `${label}: ${ORDERS} orders, ${CLIENTS} clients, ${platform.config.workerConcurrency} workers`,
      `  empty jobs (queue floor)   ${(floorMs / 1000).toFixed(2)} s   ${(ORDERS / (floorMs / 1000)).toFixed(0)} jobs/s`,
      `  orders, all accepted       ${(acceptedMs / 1000).toFixed(2)} s`,
      `  orders, all completed      ${(ordersMs / 1000).toFixed(2)} s   ${(ORDERS / (ordersMs / 1000)).toFixed(0)} orders/s   (failed ${failed})`,
      `  ratio to the floor         ${ratio.toFixed(2)}x   (targets: within 10 s, at most 3x)`,
      `  statements (this process)   ${(floorStatements / ORDERS).toFixed(1)} a job, ${(orderStatements / ORDERS).toFixed(1)} an order, the bench's polling left out`,
      `  this process's CPU         ${(floorCpuMs / ORDERS).toFixed(2)} ms a job, ${(ordersCpuMs / ORDERS).toFixed(2)} ms an order (${(ordersCpuMs / floorCpuMs).toFixed(2)}x); on PGlite the database's too`,
      '',
    ].join('\n'),
  );
}

const env = { ...process.env, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '10000000', READ_CACHE_ENTRIES: '0' };
if (process.env.DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS cellhub_bench_orders WITH (FORCE)');
  await admin.query('CREATE DATABASE cellhub_bench_orders');
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = '/cellhub_bench_orders';
  const platform = await openPlatform(loadConfig({ ...env, DATABASE_URL: url.toString() }));
  try {
    await run('PostgreSQL', platform);
  } finally {
    await platform.close();
    await admin.query('DROP DATABASE IF EXISTS cellhub_bench_orders WITH (FORCE)');
    await admin.end();
  }
}
// BENCH_EMBEDDED=off skips the PGlite run (e.g. to profile the PostgreSQL one alone).
if (process.env.BENCH_EMBEDDED === 'off') process.exit(0);
const { PGlite } = await import('@electric-sql/pglite');
const embedded = await openPlatform(loadConfig({ ...env, DATABASE_URL: '' }), { pglite: await PGlite.create() });
try {
  await run('PGlite (embedded)', embedded);
} finally {
  await embedded.close();
}
