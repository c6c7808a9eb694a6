// bench/sms: the Messages API on PostgreSQL.
//
//   DATABASE_URL=postgres://… npm run bench:sms
//
// 1. Accepting: p50/p99 of POST /enterprise/sms with 1,000 recipients (one request at
//    a time), beside a bare Fastify route taking the same body in the same process.
//    Target: p50 under 50 ms.
// 2. Delivering: the accepted messages submitted to the built-in SMSC simulator over
//    SMPP, recorded and charged, in msg/s, beside the same number of bare submit_sm
//    through the same SMPP client to the same simulator. Target: at least 2,000 msg/s.
import Fastify from 'fastify';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { openPlatform, type Platform } from '../src/platform.ts';
import { startWorkers } from '../src/workers.ts';
import { buildApp } from '../src/app.ts';
import { queryRows } from '../src/db/database.ts';
import { createOrganization } from '../src/domain/organizations/organizations.service.ts';
import { createClient } from '../src/auth/clients.service.ts';
import { createAccount } from '../src/domain/accounts/accounts.service.ts';
import { createOffering } from '../src/domain/catalog/offerings.service.ts';
import { createTemplate } from '../src/domain/catalog/templates.service.ts';
import { createPool, importNumbers } from '../src/domain/inventory/numbers.service.ts';
import { importSims } from '../src/domain/inventory/sims.service.ts';
import { iccidWithCheckDigit } from '../src/domain/telecom.ts';
import { provisionSubscription } from '../src/domain/subscriptions/provisioning.ts';
import { TemplateCache } from '../src/domain/catalog/template-cache.ts';
import { authorizeSender } from '../src/domain/sms/senders.service.ts';
import { SmscSimulator } from '../src/network/smsc/simulator.ts';
import { SmppClient } from '../src/network/smsc/smpp-client.ts';
import { segment } from '../src/network/smsc/segments.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const RECIPIENTS = 1000;
const TEXT = 'Severe weather warning: offices close at 14:00 today. Stay safe.';

async function seed(platform: Platform) {
  const db = platform.db;
  const org = await createOrganization(db, { name: 'Bench SMS', licences: ['sms'] });
  const { client, secret } = await createClient(db, org.id, { name: 'bench', family: 'enterprise', licences: ['sms'] });
  const account = await createAccount(db, org.id, { name: 'HQ', country: 'GB' });
  const plan = await createOffering(db, org.id, { type: 'plan', name: 'Plan', smsCount: 1_000_000, validityDays: 30, price: '10.00', currency: 'GBP' });
  const pool = await createPool(db, { name: `bench-sms-${Date.now()}`, country: 'GB' });
  await importNumbers(db, pool.id, ['447700900001']);
  await importSims(db, [iccidWithCheckDigit('894477000000000001')], 'esim');
  const template = await createTemplate(db, org.id, { description: 'bench', offeringIds: [plan.id], numberPoolId: pool.id });
  const p = await db.transaction(async (tx) =>
    provisionSubscription(tx, org.id, {
      accountId: account.id,
      template: await new TemplateCache().get(tx, org.id, template.id),
      simType: 'esim',
      subscriber: { firstName: 'Bench', lastName: 'Sender', email: 'sender@bench.example' },
    }),
  );
  await authorizeSender(db, org.id, p.msisdns[0]);
  return { org, client, secret, from: p.msisdns[0] };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Times `count` POSTs of `body`, one at a time. */
async function timePosts(url: string, headers: Record<string, string>, body: string, count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const res = await fetch(url, { method: 'POST', headers, body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`POST ${url}: ${res.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** The same body into a bare Fastify route: the HTTP and JSON floor of this machine. */
async function bareBaseline(body: string, count: number) {
  const bare = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  bare.post('/sms', async (request) => ({ sms_id: 'sms_x', received: (request.body as { to: string[] }).to.length }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/sms`;
  await timePosts(url, { 'content-type': 'application/json' }, body, 10);
  const result = await timePosts(url, { 'content-type': 'application/json' }, body, count);
  await bare.close();
  return result;
}

/** Bare submit_sm through the same client to a simulator like the platform's (keeping what it accepts): the SMPP floor. */
async function smppBaseline(platform: Platform, count: number, window: number) {
  const simulator = new SmscSimulator({ db: platform.db, systemId: 'bench', password: 'bench', receiptDelayMs: 0 });
  const client = new SmppClient({ url: await simulator.start(), window });
  client.onReceipt(async () => {});
  const [part] = segment(TEXT, 0);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      client.submit({ from: '447700900001', to: `4477009${String(i % 100000).padStart(5, '0')}`, part, validitySeconds: platform.config.smsValiditySeconds }),
    ),
  );
  const seconds = (performance.now() - start) / 1000;
  await client.close();
  await simulator.stop();
  return count / seconds;
}

async function waitFor(check: () => Promise<boolean>, limitMs = 600_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > limitMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function run(label: string, platform: Platform) {
  const { org, client, secret, from } = await seed(platform);
  const app = await buildApp(platform, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const token = (
    await (
      await fetch(`${base}/auth/realms/enterprise-apis/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: secret }),
      })
    ).json()
  ).access_token;
  const body = JSON.stringify({ from: `+${from}`, to: Array.from({ length: RECIPIENTS }, (_, i) => `+4477009${String(10000 + i).padStart(5, '0')}`), text: TEXT });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  // 1. Accepting, with no worker running, so only the API is measured.
  const baseline = await bareBaseline(body, REQUESTS);
  await timePosts(`${base}/enterprise/sms`, headers, body, 5); // warm-up
  const accept = await timePosts(`${base}/enterprise/sms`, headers, body, REQUESTS);
  const messages = (REQUESTS + 5) * RECIPIENTS;

  // 2. Delivering everything accepted above.
  const count = async (status: string) =>
    Number(
      (
        await queryRows<{ n: string }>(
          platform.db,
          sql`
      SELECT count(*) AS n FROM sms_recipients r JOIN sms_messages m ON m.id = r.message_id
      WHERE m.organization_id = ${org.id} AND r.status = ${status}`,
        )
      )[0].n,
    );
  const start = performance.now();
  const workers = await startWorkers(platform);
  await waitFor(async () => (await count('queued')) === 0);
  const sentSeconds = (performance.now() - start) / 1000;
  await waitFor(async () => (await count('delivered')) === messages);
  const deliveredSeconds = (performance.now() - start) / 1000;
  await app.close();
  await workers.stop();
  const smppFloor = await smppBaseline(platform, messages, platform.config.smscWindow);

  const rate = messages / sentSeconds;
  process.stdout.write(
    [
      `${label}: ${REQUESTS} requests of ${RECIPIENTS} recipients, SMSC window ${platform.config.smscWindow}`,
      `  accept, bare Fastify same body   p50 ${baseline.p50.toFixed(1)} ms   p99 ${baseline.p99.toFixed(1)} ms`,
      `  accept, POST /enterprise/sms     p50 ${accept.p50.toFixed(1)} ms   p99 ${accept.p99.toFixed(1)} ms   ratio ${(accept.p50 / baseline.p50).toFixed(2)}x   (target: p50 under 50 ms)`,
      `  bare submit_sm to the simulator  ${smppFloor.toFixed(0)} msg/s`,
      `  delivered to the SMSC            ${messages} in ${sentSeconds.toFixed(2)} s   ${rate.toFixed(0)} msg/s   ratio ${(rate / smppFloor).toFixed(2)}   (target: at least 2,000 msg/s)`,
      `  all receipts in                  ${deliveredSeconds.toFixed(2)} s`,
      '',
    ].join('\n'),
  );
}

const env = { ...process.env, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '10000000', SMSC_SIMULATOR_RECEIPT_MS: '0' };
if (process.env.DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS cellhub_bench_sms WITH (FORCE)');
  await admin.query('CREATE DATABASE cellhub_bench_sms');
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = '/cellhub_bench_sms';
  const platform = await openPlatform(loadConfig({ ...env, DATABASE_URL: url.toString() }));
  try {
    await run('PostgreSQL', platform);
  } finally {
    await platform.close();
    await admin.query('DROP DATABASE IF EXISTS cellhub_bench_sms WITH (FORCE)');
    await admin.end();
  }
} else {
  process.stderr.write('bench:sms runs on PostgreSQL: set DATABASE_URL\n');
  process.exit(1);
}
