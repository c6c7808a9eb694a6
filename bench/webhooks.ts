// bench/webhooks: webhook delivery throughput on PostgreSQL.
//
//   DATABASE_URL=postgres://… npm run bench:webhooks
//
// Enqueues BENCH_WEBHOOKS deliveries (default 10,000) and times them until a local
// HTTP receiver has every one and each is recorded delivered, beside the same number
// of bare POSTs of the same bodies through undici with the same concurrency (no
// database, no signing) in the same run. Target: at least 1,000 webhooks/s.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { Agent, request } from 'undici';
import { loadConfig } from '../src/config.ts';
import { openPlatform } from '../src/platform.ts';
import { queryRows } from '../src/db/database.ts';
import { createOrganization } from '../src/domain/organizations/organizations.service.ts';
import { enqueueWebhooks } from '../src/domain/webhooks/webhooks.service.ts';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write('bench:webhooks runs on PostgreSQL: set DATABASE_URL\n');
  process.exit(2);
}
const COUNT = Number(process.env.BENCH_WEBHOOKS ?? 10_000);
const ENQUEUE_BATCH = 1_000;

const payload = (n: number) => ({ id: `evt-${n}`, type: 'USAGE_THRESHOLD', iccid: '8944000000000000017', subscription_id: `sub-${n}`, threshold: 80, current_balance: '214748365' });

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

async function waitFor(check: () => Promise<boolean> | boolean, limitMs = 600_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > limitMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The floor: the same bodies POSTed with the same concurrency, nothing else. */
async function barePosts(concurrency: number): Promise<number> {
  const agent = new Agent({ connections: concurrency });
  received = 0;
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < COUNT) {
      const res = await request(url, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload(next++)) });
      await res.body.dump();
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  await agent.close();
  return COUNT / seconds;
}

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query('DROP DATABASE IF EXISTS cellhub_bench_webhooks WITH (FORCE)');
await admin.query('CREATE DATABASE cellhub_bench_webhooks');
const target = new URL(adminUrl);
target.pathname = '/cellhub_bench_webhooks';
const platform = await openPlatform(loadConfig({ ...process.env, DATABASE_URL: target.toString(), LOG_LEVEL: 'warn' }));
try {
  const concurrency = platform.config.webhookConcurrency;
  const floor = await barePosts(concurrency);

  const org = await createOrganization(platform.db, { name: 'Bench Webhooks', licences: [] });
  for (let from = 0; from < COUNT; from += ENQUEUE_BATCH) {
    await platform.db.transaction((tx) =>
      enqueueWebhooks(tx, Array.from({ length: Math.min(ENQUEUE_BATCH, COUNT - from) }, (_, i) => ({
        organizationId: org.id, url, eventType: 'USAGE_THRESHOLD', payload: payload(from + i),
      }))),
    );
  }
  received = 0;
  const start = performance.now();
  await platform.startWorkers();
  await waitFor(() => received >= COUNT);
  const receivedSeconds = (performance.now() - start) / 1000;
  const delivered = async () => Number((await queryRows<{ n: string }>(platform.db, sql`SELECT count(*) AS n FROM webhook_deliveries WHERE status = 'delivered'`))[0].n);
  await waitFor(async () => (await delivered()) >= COUNT);
  const recordedSeconds = (performance.now() - start) / 1000;

  const rate = COUNT / recordedSeconds;
  process.stdout.write([
    '',
    `bench/webhooks on PostgreSQL: ${COUNT} deliveries, ${concurrency} in flight`,
    `  bare POSTs, same bodies        ${floor.toFixed(0).padStart(7)} /s`,
    `  signed webhooks, all received  ${receivedSeconds.toFixed(2)} s`,
    `  signed webhooks, all recorded  ${recordedSeconds.toFixed(2)} s   ${rate.toFixed(0)} /s   ratio ${(rate / floor).toFixed(2)}   (target: at least 1,000/s)`,
    '',
  ].join('\n'));
} finally {
  await platform.close();
  receiver.close();
  await admin.query('DROP DATABASE IF EXISTS cellhub_bench_webhooks WITH (FORCE)');
  await admin.end();
}
