// bench/usage: usage ingest and the usage API on PostgreSQL.
//
//   DATABASE_URL=postgres://… npm run bench:usage
//
// 1. Ingest: rates BENCH_RECORDS records (default 1,000,000) through the mediation
//    ingest, in batches of 10,000 from two concurrent feeds, beside a plain multi-row
//    INSERT of the same rows into an unindexed table in the same run, and beside COPY of
//    the same rows into another (the database's own limit). Targets: at least 30,000
//    rated records/s, at least 0.5 of the plain insert, at least 0.3 of COPY.
// 2. Query: p50/p99 of GET /enterprise/usage/items?type=voice&direction=outbound
//    (a filtered page of 100) with 10,000 items and with BENCH_ITEMS (default
//    10,000,000) items in the table, and the ratio. Target: the large p50 at most 1.3x
//    the small one, and under 10 ms. Latency is measured with one client (a request's
//    own time); the throughput with four clients is printed beside it.
import pg from 'pg';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../src/db/database.ts';
import { ingestUsage } from '../src/domain/usage/ingest.service.ts';
import { createMonthPartition, monthOf } from '../src/domain/usage/usage.store.ts';
import { seedReadBench } from './support/seed-read.ts';
import { freePort, load, startProcess } from './support/processes.ts';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write('bench/usage runs on PostgreSQL: set DATABASE_URL\n');
  process.exit(2);
}
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000_000);
const SUBSCRIPTIONS = 1_000;
const BATCH = 10_000;
const FEEDS = 2;
const DAY_MS = 86_400_000;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();

/** BENCH_DB_PREFIX keeps two runs on one server (a baseline beside a subject) apart. */
async function freshDatabase(unprefixed: string): Promise<string> {
  const name = `${process.env.BENCH_DB_PREFIX ?? ''}${unprefixed}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Every subscription of the read-bench seed gets a plan with allowances that run out part
 * way, and holds its number and SIM for the 20 days the plan and the traffic cover.
 */
async function addPlansAndHoldings(database: Database) {
  await database.db.execute(sql`
    INSERT INTO product_offerings (id, organization_id, type, name, data_bytes, voice_seconds, sms_count, validity_days, price_amount, currency, footprint)
    SELECT 'prodoff_BENCHPLAN00000000000000', id, 'plan', 'Bench plan', 5000000000, 30000, 200, 30, 10, 'GBP', '{FR,DE}' FROM organizations`);
  // Out-of-bundle usage is priced, and every subscription has the alert thresholds an
  // organization would set: its data share, its spend and its roaming spend.
  await database.db.execute(sql`
    UPDATE product_offerings SET out_of_bundle_per_mb = 0.01, out_of_bundle_per_minute = 0.05, out_of_bundle_per_sms = 0.08, roaming_multiplier = 3
    WHERE id = 'prodoff_BENCHPLAN00000000000000'`);
  await database.db.execute(sql`
    INSERT INTO alert_thresholds (id, organization_id, account_id, subscription_id, kind, levels, currency)
    SELECT 'althr_' || k.n || substr(s.id, 6), s.organization_id, s.account_id, s.id, k.kind, k.levels::numeric[], k.currency
    FROM subscriptions s, (VALUES (1, 'data_share', '{50,80,100}', NULL), (2, 'out_of_bundle_spend', '{10,50,100}', 'GBP'), (3, 'roaming_spend', '{5,20}', 'GBP')) AS k(n, kind, levels, currency)`);
  await database.db.execute(sql`
    INSERT INTO alert_thresholds (id, organization_id, account_id, kind, levels, currency)
    SELECT 'althr_A' || substr(id, 6), organization_id, id, 'out_of_bundle_spend', '{100,1000}', 'GBP' FROM accounts`);
  await database.db.execute(sql`
    INSERT INTO products (id, organization_id, account_id, subscription_id, offering_id, status, activated_at, terminates_at)
    SELECT 'prod_' || substr(id, 5), organization_id, account_id, id, 'prodoff_BENCHPLAN00000000000000', 'active', now() - interval '20 days', now() + interval '10 days'
    FROM subscriptions`);
  await database.db.execute(sql`
    INSERT INTO holdings (organization_id, kind, identifier, subscription_id, held_from)
    SELECT s.organization_id, h.kind, h.identifier, s.id, now() - interval '20 days'
    FROM subscriptions s JOIN phone_numbers n ON n.subscription_id = s.id,
         LATERAL (VALUES ('msisdn', n.msisdn), ('iccid', s.iccid)) AS h(kind, identifier)`);
}

/**
 * Records number `from` to `from + n - 1`, or only every FEEDS-th of them for one feed:
 * 19 days of traffic of 1,000 subscriptions, in the order the network made it (mediation
 * forwards records as calls and sessions end).
 */
function records(n: number, from: number, feed?: number) {
  const start = Date.now() - 19 * DAY_MS;
  return Array.from({ length: n }, (_, k) => {
    const i = feed === undefined ? from + k : (from + k) * FEEDS + feed;
    const type = i % 3 === 0 ? 'voice' : i % 3 === 1 ? 'data' : 'sms';
    const started = new Date(start + Math.floor((i / RECORDS) * 19 * DAY_MS)).toISOString();
    return {
      source_record_id: `bench-${i}`,
      msisdn: '44' + String(1 + (i % SUBSCRIPTIONS)).padStart(10, '0'),
      type,
      direction: i % 5 === 0 ? 'inbound' : 'outbound',
      technology: '4g',
      other_party: '447700900123',
      location_country: i % 11 === 0 ? 'FR' : 'GB',
      started_at: started,
      ended_at: started,
      quantity: type === 'voice' ? 1 + (i % 600) : type === 'data' ? 1 + (i % 5_000_000) : 1,
    };
  });
}

/**
 * COPY (text format) of the bench's records as items into `table`. `keyed`: each row
 * carries the ids of the subscription it belongs to and an id that grows with time, as
 * rated items do; otherwise constants stand in for them.
 */
async function copyItems(url: string, table: string, keyed: boolean) {
  const copier = new pg.Client({ connectionString: url });
  await copier.connect();
  try {
    const columns =
      'id, organization_id, account_id, subscription_id, subscriber_id, msisdn, source_record_id, type, direction, technology, from_msisdn, to_msisdn, location_country, roaming, started_at, ended_at, quantity, unit, charged_quantity, cost_type';
    const hex = (n: number) => n.toString(16).toUpperCase().padStart(26, '0');
    const lines = function* () {
      for (let offset = 0; offset < RECORDS; offset += BATCH) {
        const rows = records(Math.min(BATCH, RECORDS - offset), offset);
        yield rows
          .map((r, k) => {
            const n = Number(r.msisdn.slice(2));
            const [id, subscription, subscriber] = keyed ? [`uitem_${hex(offset + k)}`, `sub_${hex(n)}`, `sbr_${hex(n)}`] : [r.source_record_id, 'sub', 'sbr'];
            return (
              [
                id,
                'org',
                'acc',
                subscription,
                subscriber,
                r.msisdn,
                r.source_record_id,
                r.type,
                r.direction,
                r.technology,
                r.msisdn,
                r.other_party,
                r.location_country,
                'f',
                r.started_at,
                r.ended_at,
                r.quantity,
                'seconds',
                r.quantity,
                'in_bundle',
              ].join('\t') + '\n'
            );
          })
          .join('');
      }
    };
    await pipeline(Readable.from(lines()), copier.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)));
  } finally {
    await copier.end();
  }
}

async function benchIngest() {
  const url = await freshDatabase('cellhub_bench_usage_ingest');
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await database.migrate();
  await database.close();
  await seedReadBench(url, SUBSCRIPTIONS);
  const db = (await openDatabase({ databaseUrl: url, poolSize: 4 })).db;
  const setup = await openDatabase({ databaseUrl: url, poolSize: 2 });
  await addPlansAndHoldings(setup);
  // The seed analysed its tables before the holdings and products were added: without
  // fresh statistics the planner takes the holdings for empty and looks up each
  // subscription's number by scanning the organization's (autovacuum would analyse them
  // soon after, in a real installation).
  await setup.db.execute(sql`ANALYZE holdings, products`);
  await setup.close();
  for (let d = 0; d <= 20; d += 10) await createMonthPartition(db, monthOf(new Date(Date.now() - d * DAY_MS)));

  // The baseline: the same rows, as items, into an unindexed table with plain multi-row INSERTs.
  await db.execute(sql`CREATE TABLE plain_usage (LIKE usage_items INCLUDING DEFAULTS)`);
  // Each phase starts from a checkpoint, so neither pays for the other's dirty pages.
  await admin.query('CHECKPOINT');
  let start = performance.now();
  for (let offset = 0; offset < RECORDS; offset += BATCH) {
    const rows = records(Math.min(BATCH, RECORDS - offset), offset);
    for (let i = 0; i < rows.length; i += 1_000) {
      const chunk = rows.slice(i, i + 1_000);
      await db.execute(sql`INSERT INTO plain_usage (id, organization_id, account_id, subscription_id, subscriber_id, msisdn, source_record_id, type, direction,
        technology, from_msisdn, to_msisdn, location_country, roaming, started_at, ended_at, quantity, unit, charged_quantity, cost_type) VALUES ${sql.join(
          chunk.map(
            (r) => sql`(
        ${r.source_record_id}, 'org', 'acc', 'sub', 'sbr', ${r.msisdn}, ${r.source_record_id}, ${r.type}, ${r.direction}, ${r.technology}, ${r.msisdn}, ${r.other_party},
        ${r.location_country}, false, ${r.started_at}, ${r.ended_at}, ${r.quantity}, 'seconds', ${r.quantity}, 'in_bundle')`,
          ),
          sql`, `,
        )}`);
    }
  }
  const plainMs = performance.now() - start;

  // The database's own limit: the same rows by COPY (text format) into an unindexed table.
  await db.execute(sql`CREATE TABLE copied_usage (LIKE usage_items INCLUDING DEFAULTS)`);
  await admin.query('CHECKPOINT');
  start = performance.now();
  await copyItems(url, 'copied_usage', false);
  const copyMs = performance.now() - start;

  // What rating cannot go below: COPY into a table with usage_items' indexes, each
  // row keyed as rating keys it (its subscription, subscriber and number), not by constants.
  await db.execute(sql`CREATE TABLE copied_indexed_usage (LIKE usage_items INCLUDING DEFAULTS INCLUDING INDEXES)`);
  await admin.query('CHECKPOINT');
  start = performance.now();
  await copyItems(url, 'copied_indexed_usage', true);
  const copyIndexedMs = performance.now() - start;

  await admin.query('CHECKPOINT');
  start = performance.now();
  let rated = 0;
  // Each feed sends its own share of the subscriptions (every FEEDS-th), as mediation
  // shards its output; together they send the same records as the baseline.
  const perFeed = RECORDS / FEEDS;
  await Promise.all(
    Array.from({ length: FEEDS }, async (_, feed) => {
      for (let from = 0; from < perFeed; from += BATCH) {
        const result = await ingestUsage(db, records(Math.min(BATCH, perFeed - from), from, feed));
        if (result.rejected > 0) throw new Error(`rejected: ${JSON.stringify(result.rejections.slice(0, 3))}`);
        rated += result.accepted;
      }
    }),
  );
  const ratedMs = performance.now() - start;
  const plainRate = RECORDS / (plainMs / 1000);
  const copyRate = RECORDS / (copyMs / 1000);
  const copyIndexedRate = RECORDS / (copyIndexedMs / 1000);
  const ratedRate = rated / (ratedMs / 1000);
  return { plainRate, copyRate, copyIndexedRate, ratedRate, rated, url };
}

/** A database holding `count` items for one organization, and a server process over it. */
async function itemsServer(name: string, count: number) {
  const url = await freshDatabase(name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  await database.migrate();
  await database.close();
  const seeded = await seedReadBench(url, SUBSCRIPTIONS);
  const fill = await openDatabase({ databaseUrl: url, poolSize: 2 });
  const [org] = await queryRows<{ id: string; account: string }>(
    fill.db,
    sql`SELECT o.id, a.id AS account FROM organizations o JOIN accounts a ON a.organization_id = o.id LIMIT 1`,
  );
  for (let d = 0; d <= 370; d += 28) await createMonthPartition(fill.db, monthOf(new Date(Date.now() - d * DAY_MS)));
  const chunk = 500_000;
  for (let from = 0; from < count; from += chunk) {
    const to = Math.min(count, from + chunk);
    // Items spread over a year, newest last, as rating writes them.
    await fill.db.execute(sql`
      INSERT INTO usage_items (id, organization_id, account_id, subscription_id, subscriber_id, msisdn, source_record_id, part, type, direction, technology,
        from_msisdn, to_msisdn, location_country, roaming, started_at, ended_at, processed_at, quantity, unit, charged_quantity, cost_type)
      SELECT 'uitem_' || lpad(upper(to_hex(g)), 26, '0'), ${org.id}, ${org.account}, 'sub_' || lpad(upper(to_hex(1 + g % ${SUBSCRIPTIONS})), 26, '0'),
             'sbr_' || lpad(upper(to_hex(1 + g % ${SUBSCRIPTIONS})), 26, '0'), '44' || lpad((1 + g % ${SUBSCRIPTIONS})::text, 10, '0'), 'src-' || g, 0,
             (ARRAY['voice','data','sms'])[1 + g % 3], CASE WHEN g % 5 = 0 THEN 'inbound' ELSE 'outbound' END, '4g', '447700900000', '447700900001', 'GB', false,
             now() - make_interval(secs => (${count} - g)::double precision * 31536000 / ${count}), now(), now(), 60, 'seconds', 60, 'in_bundle'
      FROM generate_series(${from + 1}::bigint, ${to}::bigint) AS g`);
    process.stdout.write(`  ${name}: ${to} items\n`);
  }
  await fill.db.execute(sql`ANALYZE usage_items`);
  await fill.close();
  const port = await freePort();
  const server = await startProcess(
    ['bin/cellhub.js', 'serve', '--role', 'api'],
    {
      DATABASE_URL: url,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '10000000',
    },
    `http://127.0.0.1:${port}/health`,
  );
  // Tokens live minutes and the large fill takes longer: each server's is fetched when it is measured.
  const token = async () => {
    const tokenRes = await fetch(`http://127.0.0.1:${port}/auth/realms/enterprise-apis/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: seeded.clientId, client_secret: seeded.secret }),
    });
    return ((await tokenRes.json()) as { access_token: string }).access_token;
  };
  return { url: `http://127.0.0.1:${port}/enterprise/usage/items?type=voice&direction=outbound&limit=100`, token, server, name };
}

const dropAll = async () => {
  for (const name of ['cellhub_bench_usage_ingest', 'cellhub_bench_usage_small', 'cellhub_bench_usage_large']) {
    await admin.query(`DROP DATABASE IF EXISTS ${process.env.BENCH_DB_PREFIX ?? ''}${name} WITH (FORCE)`);
  }
};

const settings = Object.fromEntries(
  (await admin.query(`SELECT name, current_setting(name) AS value FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'max_wal_size')`)).rows.map(
    (r: { name: string; value: string }) => [r.name, r.value],
  ),
);

try {
  process.stdout.write(`ingest: ${RECORDS} records…\n`);
  const ingest = await benchIngest();
  process.stdout.write(`  rated ingest: ${ingest.ratedRate.toFixed(0)} records/s beside ${ingest.plainRate.toFixed(0)} rows/s plain\n`);
  process.stdout.write(`query: filling ${ITEMS} items…\n`);
  const small = await itemsServer('cellhub_bench_usage_small', 10_000);
  const large = await itemsServer('cellhub_bench_usage_large', ITEMS);
  const results = [];
  for (const s of [small, large]) {
    const headers = { authorization: `Bearer ${await s.token()}` };
    const check = await fetch(s.url, { headers });
    if (check.status !== 200 || ((await check.json()) as { _embedded: { items: unknown[] } })._embedded.items.length !== 100) {
      throw new Error(`${s.name}: sanity check failed (${check.status})`);
    }
    await load(s.url, { headers, seconds: 2, connections: 4 });
    const latency = await load(s.url, { headers, seconds: 10, connections: 1 });
    const throughput = await load(s.url, { headers, seconds: 5, connections: 4 });
    results.push({ ...latency, requestsPerSecond: throughput.requestsPerSecond });
    s.server.kill('SIGTERM');
  }
  const [q10k, qLarge] = results;
  process.stdout.write(
    [
      '',
      `bench/usage on PostgreSQL ${settings.server_version} (shared_buffers ${settings.shared_buffers}, max_wal_size ${settings.max_wal_size})`,
      `  plain multi-row INSERT, unindexed ${ingest.plainRate.toFixed(0).padStart(8)} rows/s`,
      `  COPY, unindexed                   ${ingest.copyRate.toFixed(0).padStart(8)} rows/s`,
      `  COPY, with usage_items' indexes   ${ingest.copyIndexedRate.toFixed(0).padStart(8)} rows/s`,
      `  rated ingest (${FEEDS} feeds)          ${ingest.ratedRate.toFixed(0).padStart(8)} records/s   (${ingest.rated} rated)`,
      `  ratio                             ${(ingest.ratedRate / ingest.plainRate).toFixed(2)}   (targets: >= 30,000 records/s, >= 0.5)`,
      `  ratio to COPY                     ${(ingest.ratedRate / ingest.copyRate).toFixed(2)}   (target: >= 0.3)`,
      `  ratio to COPY with the indexes    ${(ingest.ratedRate / ingest.copyIndexedRate).toFixed(2)}`,
      `  page of 100, 10,000 items         p50 ${q10k.p50} ms  p99 ${q10k.p99} ms (1 client)   ${q10k.requestsPerSecond.toFixed(0)} req/s (4 clients)`,
      `  page of 100, ${ITEMS} items    p50 ${qLarge.p50} ms  p99 ${qLarge.p99} ms (1 client)   ${qLarge.requestsPerSecond.toFixed(0)} req/s (4 clients)`,
      `  p50 ratio                         ${(qLarge.p50 / Math.max(q10k.p50, 0.001)).toFixed(2)}   (target: <= 1.3, and p50 < 10 ms)`,
      '',
    ].join('\n'),
  );
} finally {
  await dropAll();
  await admin.end();
}
