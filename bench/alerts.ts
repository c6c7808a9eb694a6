// bench/alerts: what alert thresholds cost the usage ingest, on either database.
//
//   npm run bench:alerts                          (embedded PGlite, in memory)
//   DATABASE_URL=postgres://… npm run bench:alerts
//
// Two organizations alike (same plan with out-of-bundle rates, same number of
// subscriptions); one has thresholds on every subscription and account (data share,
// out-of-bundle and roaming spend), the other none. Their batches are ingested
// alternately, the same records each, so load on the machine falls on both alike; the
// ratio of their rates is the alert check's cost. Target: at least 0.9.
import { loadavg } from 'node:os';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Db } from '../src/db/database.ts';
import { createOrganization } from '../src/domain/organizations/organizations.service.ts';
import { createThreshold } from '../src/domain/alerts/thresholds.service.ts';
import { ingestUsage } from '../src/domain/usage/ingest.service.ts';
import { catalog, subscriptionsFor } from '../test/support/fixtures.ts';

const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 50);
const BATCH = Number(process.env.BENCH_BATCH ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const DAY_MS = 86_400_000;
const made = new Date(Date.now() - 20 * DAY_MS);

async function organization(db: Db, name: string, withThresholds: boolean) {
  const org = await createOrganization(db, { name });
  const setup = await catalog(db, org.id, {
    sims: SUBSCRIPTIONS,
    plan: { dataBytes: 200 * 1024 ** 2, voiceSeconds: 600, smsCount: 20, outOfBundle: { perMb: '0.01', perMinute: '0.05', perSms: '0.08', roamingMultiplier: '3' } },
  });
  const lines = await subscriptionsFor(db, org.id, setup, SUBSCRIPTIONS, 'active', made);
  if (withThresholds) {
    await createThreshold(db, org.id, { accountId: setup.account.id, kind: 'out_of_bundle_spend', levels: [100, 1000], currency: 'GBP' });
    for (const line of lines) {
      const subscriptionId = line.subscription.id;
      await createThreshold(db, org.id, { subscriptionId, kind: 'data_share', levels: [50, 80, 100] });
      await createThreshold(db, org.id, { subscriptionId, kind: 'out_of_bundle_spend', levels: [1, 10], currency: 'GBP' });
      await createThreshold(db, org.id, { subscriptionId, kind: 'roaming_spend', levels: [1, 5], currency: 'GBP' });
    }
  }
  return lines.map((l) => l.msisdns[0]);
}

/** A batch of calls, data sessions and texts spread over the lines and the last 19 days, some abroad. */
function batch(msisdns: string[], tag: string, round: number) {
  return Array.from({ length: BATCH }, (_, k) => {
    const i = round * BATCH + k;
    const type = i % 3 === 0 ? 'voice' : i % 3 === 1 ? 'data' : 'sms';
    const at = new Date(made.getTime() + DAY_MS + ((i * 7919) % (19 * DAY_MS))).toISOString();
    return {
      source_record_id: `${tag}-${i}`,
      msisdn: msisdns[i % msisdns.length],
      type,
      direction: 'outbound',
      other_party: '447700900999',
      location_country: i % 10 === 0 ? 'US' : 'GB',
      started_at: at,
      quantity: type === 'voice' ? 90 : type === 'data' ? 5 * 1024 ** 2 : 1,
    };
  });
}

/** On PostgreSQL, a database of its own, dropped at the end. */
async function benchDatabaseUrl(): Promise<{ url?: string; drop: () => Promise<void> }> {
  if (!process.env.DATABASE_URL) return { drop: async () => {} };
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const name = `cellhub_bench_alerts_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const target = await benchDatabaseUrl();
const database = await openDatabase({ databaseUrl: target.url, poolSize: 2 });
await database.migrate();
try {
  const plain = await organization(database.db, 'Bench without alerts', false);
  const alerted = await organization(database.db, 'Bench with alerts', true);
  const ms = { plain: 0, alerted: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so neither always follows the other's writes.
    const order = round % 2 === 0 ? (['plain', 'alerted'] as const) : (['alerted', 'plain'] as const);
    for (const side of order) {
      const records = batch(side === 'plain' ? plain : alerted, `${side}-${process.pid}`, round);
      const start = performance.now();
      const result = await ingestUsage(database.db, records);
      ms[side] += performance.now() - start;
      if (result.rejected > 0) throw new Error(`rejected: ${JSON.stringify(result.rejections.slice(0, 3))}`);
    }
  }
  const [fired] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM alert_firings`);
  const records = ROUNDS * BATCH;
  const rate = (side: 'plain' | 'alerted') => records / (ms[side] / 1000);
  process.stdout.write(
    [
      '',
      `bench/alerts on ${database.kind}: ${SUBSCRIPTIONS} subscriptions each, ${ROUNDS} rounds of ${BATCH} records, load ${loadavg()[0].toFixed(1)}`,
      `  ingest without thresholds   ${rate('plain').toFixed(0).padStart(8)} records/s`,
      `  ingest with thresholds      ${rate('alerted').toFixed(0).padStart(8)} records/s   (${fired.n} levels fired)`,
      `  ratio                       ${(rate('alerted') / rate('plain')).toFixed(2)}   (target: >= 0.9)`,
      '',
    ].join('\n'),
  );
} finally {
  await database.close();
  await target.drop();
}
