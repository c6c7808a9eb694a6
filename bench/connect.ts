// bench/connect: the Connect family on PostgreSQL.
//
//   DATABASE_URL=postgres://… npm run bench:connect
//
// 1. Webhooks: enqueues BENCH_WEBHOOKS deliveries (default 10,000) and times them until
//    a local HTTP receiver has every one and each is recorded delivered, beside the same
//    number of bare POSTs of the same bodies through undici with the same concurrency
//    (no database, no signing), alternating over BENCH_ROUNDS rounds (default 2).
//    Targets: at least 1,000 webhooks/s, and 0.6 of the bare POSTs. Each phase also
//    prints its CPU per delivery: this process's (the receiver is in it, in both phases)
//    and the database backends' (from /proc), which hold up when the machine is busy.
// 2. Reads (skipped with BENCH_READS=0): p50/p99 of GET /connect-api/v1/sim/{iccid}/subscriptions (a SIM with 10
//    subscriptions) with one client, beside a bare Fastify hello-JSON route in the same
//    process, and the ratio; then at 10 connections over BENCH_ROUNDS rounds, alternated
//    with two bare routes: hello-JSON, and one sending the read's very bytes (target:
//    at least 0.3x the bare route sending the same bytes).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { Agent, request } from 'undici';
import { loadConfig } from '../src/config.ts';
import { openPlatform } from '../src/platform.ts';
import { startWorkers, type Workers } from '../src/workers.ts';
import { queryRows } from '../src/db/database.ts';
import { createOrganization } from '../src/domain/organizations/organizations.service.ts';
import { enqueueWebhooks } from '../src/domain/webhooks/webhooks.service.ts';
import Fastify from 'fastify';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import type { Platform } from '../src/platform.ts';
import { createClient } from '../src/auth/clients.service.ts';
import { importSims } from '../src/domain/inventory/sims.service.ts';
import { iccidWithCheckDigit } from '../src/domain/telecom.ts';
import { createResellerProduct } from '../src/domain/catalog/reseller-products.service.ts';
import { getConnectOrder, placeConnectOrder } from '../src/domain/orders/connect-orders.service.ts';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write('bench:connect runs on PostgreSQL: set DATABASE_URL\n');
  process.exit(2);
}
const COUNT = Number(process.env.BENCH_WEBHOOKS ?? 10_000);
const ENQUEUE_BATCH = 1_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

const payload = (n: number) => ({
  id: `evt-${n}`,
  type: 'USAGE_THRESHOLD',
  iccid: '8944000000000000017',
  subscription_id: `sub-${n}`,
  threshold: 80,
  current_balance: '214748365',
});

let received = 0;
const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    received++;
    res.statusCode = 204;
    res.end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

/** A reseller with one SIM holding 10 subscriptions, through the real order path. */
async function seedSim(p: Platform) {
  const org = await createOrganization(p.db, { name: 'Bench Reseller', licences: [] });
  const { client, secret } = await createClient(p.db, org.id, { name: 'bench', family: 'connect', role: 'RESELLER' });
  await importSims(p.db, [iccidWithCheckDigit('894400000000000099')], 'esim');
  const product = await createResellerProduct(p.db, org.id, {
    name: 'Europe 5 GB',
    period: 30,
    period_unit: 'DAYS',
    data: { value: 5, units: 'GB' },
    footprint: ['FR', 'DE'],
    pricing: { EUR: 14 },
    region: 'europe',
  });
  const subscriptions = Array.from({ length: 10 }, () => ({ productId: product.id }));
  const order = await placeConnectOrder(p, org.id, {
    operationType: 'NEW_ESIM',
    countryCode: 'FR',
    customer: { email: 'bench@example.com' },
    device: { id: 'bench', type: 'android' },
    subscriptions,
  });
  await waitFor(async () => (await getConnectOrder(p.db, org.id, order.id)).status === 'COMPLETED');
  const iccid = ((await getConnectOrder(p.db, org.id, order.id)).output as { iccid: string }).iccid;
  return { iccid, clientId: client.clientId, secret };
}

async function latency(url: string, headers: Record<string, string> = {}, connections = 1) {
  await autocannon({ url, headers, duration: 2, connections });
  const result = await autocannon({ url, headers, duration: 10, connections });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

async function benchReads(p: Platform) {
  const { iccid, clientId, secret } = await seedSim(p);
  const app = await buildApp(p, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const tokenRes = await fetch(`${base}/auth/realms/tru-staff/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  const token = ((await tokenRes.json()) as { access_token: string }).access_token;
  const readsUrl = `${base}/connect-api/v1/sim/${iccid}/subscriptions`;
  const auth = { authorization: `Bearer ${token}` };
  const body = await (await fetch(readsUrl, { headers: auth })).text();
  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ hello: 'world' }));
  bare.get('/bytes', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;
  const hello = await latency(`${bareBase}/hello`);
  const reads = await latency(readsUrl, auth);
  // At 10 connections, the bare routes and Connect alternated (target: Connect >= 0.3x the bare route sending its bytes).
  const rounds: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const hello10 = await latency(`${bareBase}/hello`, {}, 10);
    const bytes10 = await latency(`${bareBase}/bytes`, {}, 10);
    const reads10 = await latency(readsUrl, auth, 10);
    rounds.push(
      `  round ${round}, 10 connections: bare hello-JSON ${hello10.rps.toFixed(0)} req/s, bare same ${body.length} bytes ${bytes10.rps.toFixed(0)} req/s, Connect read ${reads10.rps.toFixed(0)} req/s (p50 ${reads10.p50} ms, p99 ${reads10.p99} ms); ratio to the same bytes ${(reads10.rps / bytes10.rps).toFixed(2)} (target >= 0.3), to hello-JSON ${(reads10.rps / hello10.rps).toFixed(2)}`,
    );
  }
  await bare.close();
  await app.close();
  process.stdout.write(
    [
      `  bare Fastify hello-JSON        p50 ${hello.p50} ms   p99 ${hello.p99} ms   ${hello.rps.toFixed(0)} req/s (1 client)`,
      `  GET /v1/sim/{iccid}/subscriptions (10)   p50 ${reads.p50} ms   p99 ${reads.p99} ms   ${reads.rps.toFixed(0)} req/s   req/s ratio ${(reads.rps / hello.rps).toFixed(2)}`,
      ...rounds,
      '',
    ].join('\n'),
  );
}

async function waitFor(check: () => Promise<boolean> | boolean, limitMs = 600_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > limitMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** CPU ticks (user + system, 1/100 s) each of the bench database's backends has used so far, from /proc. */
async function databaseTicks(): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = 'cellhub_bench_connect'");
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // Fields 14 and 15 (utime, stime), counted after the command name, which may hold spaces.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // The backend ended, or the database runs elsewhere.
    }
  }
  return ticks;
}

/** Runs `phase` and answers its result with this process's and the database's CPU per delivery, in µs (a backend that ended meanwhile is not counted). */
async function withCpu<T>(phase: () => Promise<T>): Promise<{ result: T; processUs: number; databaseUs: number }> {
  const cpu = process.cpuUsage();
  const before = await databaseTicks();
  const result = await phase();
  const used = process.cpuUsage(cpu);
  let ticks = 0;
  for (const [pid, now] of await databaseTicks()) ticks += now - (before.get(pid) ?? 0);
  return { result, processUs: (used.user + used.system) / COUNT, databaseUs: (ticks * 10_000) / COUNT };
}

/** The floor: the same bodies POSTed with the same concurrency, nothing else. */
async function barePosts(concurrency: number): Promise<number> {
  const agent = new Agent({ connections: concurrency });
  received = 0;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < COUNT) {
        const res = await request(url, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload(next++)) });
        await res.body.dump();
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await agent.close();
  return COUNT / seconds;
}

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query('DROP DATABASE IF EXISTS cellhub_bench_connect WITH (FORCE)');
await admin.query('CREATE DATABASE cellhub_bench_connect');
const target = new URL(adminUrl);
target.pathname = '/cellhub_bench_connect';
const platform = await openPlatform(
  loadConfig({ ...process.env, DATABASE_URL: target.toString(), LOG_LEVEL: 'warn', WEBHOOK_ALLOW_PRIVATE: '1', RATE_LIMIT_PER_MINUTE: '10000000' }),
);
let workers: Workers | undefined;
try {
  const concurrency = platform.config.webhookConcurrency;
  const org = await createOrganization(platform.db, { name: 'Bench Webhooks', licences: [] });
  const delivered = async () => Number((await queryRows<{ n: string }>(platform.db, sql`SELECT count(*) AS n FROM webhook_deliveries WHERE status = 'delivered'`))[0].n);
  // Bare POSTs and signed webhooks alternate, ROUNDS times, so both see the same machine.
  const lines: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const bare = await withCpu(() => barePosts(concurrency));
    const floor = bare.result;
    const before = await delivered();
    for (let from = 0; from < COUNT; from += ENQUEUE_BATCH) {
      await platform.db.transaction((tx) =>
        enqueueWebhooks(
          tx,
          Array.from({ length: Math.min(ENQUEUE_BATCH, COUNT - from) }, (_, i) => ({
            organizationId: org.id,
            url,
            eventType: 'USAGE_THRESHOLD',
            payload: payload(from + i),
          })),
        ),
      );
    }
    received = 0;
    const signed = await withCpu(async () => {
      const start = performance.now();
      workers = await startWorkers(platform);
      await waitFor(() => received >= COUNT);
      const receivedSeconds = (performance.now() - start) / 1000;
      await waitFor(async () => (await delivered()) >= before + COUNT);
      const recordedSeconds = (performance.now() - start) / 1000;
      await workers.stop();
      workers = undefined;
      return { receivedSeconds, recordedSeconds };
    });
    const { receivedSeconds, recordedSeconds } = signed.result;
    const rate = COUNT / recordedSeconds;
    lines.push(
      `  round ${round}: bare POSTs ${floor.toFixed(0)} /s; signed webhooks all received in ${receivedSeconds.toFixed(2)} s, all recorded in ${recordedSeconds.toFixed(2)} s: ${rate.toFixed(0)} /s, ratio ${(rate / floor).toFixed(2)} (targets: at least 1,000/s, 0.6)`,
      `    CPU per delivery: bare POSTs ${bare.processUs.toFixed(0)} µs in this process; signed webhooks ${signed.processUs.toFixed(0)} µs in this process (${(signed.processUs / bare.processUs).toFixed(2)}x) and ${signed.databaseUs.toFixed(0)} µs in the database; load average ${loadavg()[0].toFixed(1)}`,
    );
  }
  process.stdout.write(['', `bench/connect on PostgreSQL: ${COUNT} webhook deliveries a round, ${concurrency} in flight`, ...lines, ''].join('\n'));
  if (process.env.BENCH_READS !== '0') {
    // The reads' seed orders its SIM through the workers.
    workers = await startWorkers(platform);
    await benchReads(platform);
  }
} finally {
  await workers?.stop();
  await platform.close();
  receiver.close();
  await admin.query('DROP DATABASE IF EXISTS cellhub_bench_connect WITH (FORCE)');
  await admin.end();
}
