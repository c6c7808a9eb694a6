// Usage end to end: mediation batches through the operator API, rating against real
// products in the database, and the Enterprise usage API with its filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { OPERATOR_TOKEN, startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';
import { queryRows } from '../../src/db/database.ts';

let h: Harness;
let acme: Tenant;
let globex: Tenant;
let acmeLines: Awaited<ReturnType<typeof subscriptionsFor>>;
let globexLines: Awaited<ReturnType<typeof subscriptionsFor>>;
let acmeSetup: Awaited<ReturnType<typeof catalog>>;

const DAY = 86_400_000;
const today = new Date(Math.floor(Date.now() / DAY) * DAY);
const at = (daysAgo: number, hour = 12) => new Date(today.getTime() - daysAgo * DAY + hour * 3_600_000).toISOString();
let seq = 0;

beforeAll(async () => {
  h = await startHarness();
  acme = await h.tenant({ name: 'Acme' });
  globex = await h.tenant({ name: 'Globex' });
  acmeSetup = await catalog(h.platform.db, acme.organizationId, { sims: 6 });
  // Made 20 days ago: their 30-day products cover the usage of the last 20 days.
  const made = new Date(Date.now() - 20 * DAY);
  acmeLines = await subscriptionsFor(h.platform.db, acme.organizationId, acmeSetup, 3, 'active', made);
  globexLines = await subscriptionsFor(h.platform.db, globex.organizationId, await catalog(h.platform.db, globex.organizationId, { sims: 2 }), 1, 'active', made);
});
afterAll(() => h.close());

const ingest = (records: unknown[]) =>
  h.app.inject({ method: 'POST', url: '/operator/usage/records', payload: { records }, headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
const list = (tenant: Tenant, query = '') => h.app.inject({ url: `/enterprise/usage/items${query}`, headers: tenant.auth });

function call(msisdn: string, overrides: object = {}) {
  return {
    source_record_id: `cdr-${seq++}`,
    msisdn,
    type: 'voice',
    direction: 'outbound',
    technology: 'cs',
    other_party: '447700900999',
    location_country: 'GB',
    started_at: at(1),
    ended_at: at(1),
    quantity: 45,
    unit: 'seconds',
    ...overrides,
  };
}

async function voiceUsed(subscriptionId: string) {
  const [row] = await queryRows<{ used: string }>(h.platform.db, sql`SELECT sum(voice_used_seconds) AS used FROM products WHERE subscription_id = ${subscriptionId}`);
  return Number(row.used);
}

describe('ingest', () => {
  it('rates the good records of a batch, refuses the bad ones one by one and ignores re-sent ones', async () => {
    const line = acmeLines[0];
    const good = [call(line.msisdns[0]), call(line.msisdns[0], { type: 'sms', quantity: 1, unit: 'messages' }), { ...call(line.msisdns[0]), msisdn: undefined, iccid: line.iccid }];
    const bad: unknown[] = [
      { ...call(line.msisdns[0]), type: 'fax' },
      { ...call(line.msisdns[0]), msisdn: '449999999999' },
      { ...call(line.msisdns[0]), started_at: 'yesterday' },
      { ...call(line.msisdns[0]), quantity: -1 },
      { ...call(line.msisdns[0]), unit: 'bytes' },
      { ...call(line.msisdns[0]), location_country: 'Britain' },
      'not a record',
    ];
    const firstBad = bad[0] as { source_record_id: string };
    const res = await ingest([good[0], bad[0], good[1], ...bad.slice(1), good[2]]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ received: 10, accepted: 3, duplicates: 0, rejected: 7, items: 3 });
    expect(body.rejections.map((r: { reason: string }) => r.reason.split(':')[0])).toEqual([
      'type',
      'msisdn',
      'started_at',
      'quantity',
      'unit',
      'location_country',
      'must be an object',
    ]);
    expect(body.rejections[0]).toMatchObject({ index: 1, source_record_id: firstBad.source_record_id });
    const used = await voiceUsed(line.subscription.id);
    expect(used).toBe(120);

    const again = (await ingest(good)).json();
    expect(again).toMatchObject({ received: 3, accepted: 0, duplicates: 3, items: 0 });
    expect(await voiceUsed(line.subscription.id)).toBe(used);

    // A re-sent record beside a new one: only the new one is rated and charged.
    const mixed = (await ingest([good[0], call(line.msisdns[0])])).json();
    expect(mixed).toMatchObject({ received: 2, accepted: 1, duplicates: 1, items: 1 });
    expect(await voiceUsed(line.subscription.id)).toBe(used + 60);
  });

  it('rates a record sent in two concurrent batches once', async () => {
    const line = acmeLines[2];
    const before = await voiceUsed(line.subscription.id);
    const shared = Array.from({ length: 20 }, () => call(line.msisdns[0], { quantity: 60 }));
    const batches = Array.from({ length: 4 }, () => [...shared, call(line.msisdns[0], { quantity: 60 })]);
    const results = (await Promise.all(batches.map((batch) => ingest(batch)))).map((r) => r.json());
    expect(results.reduce((sum, r) => sum + r.accepted, 0)).toBe(24);
    expect(results.reduce((sum, r) => sum + r.duplicates, 0)).toBe(60);
    expect(await voiceUsed(line.subscription.id)).toBe(before + 24 * 60);
  });

  it('stores source record ids exactly, whatever their characters, and knows them when re-sent', async () => {
    // On PostgreSQL items are written by COPY in its text format, where these characters are syntax.
    const line = acmeLines[2];
    const odd = ['tab\there', 'line\nbreak\rreturn', 'back\\slash\\N', '\\N', 'plain é ☎'].map((id) => call(line.msisdns[0], { source_record_id: `${seq++}-${id}` }));
    expect((await ingest(odd)).json()).toMatchObject({ accepted: 5, duplicates: 0 });
    const ids = odd.map((r) => r.source_record_id);
    const stored = await queryRows<{ id: string; other: string }>(
      h.platform.db,
      sql`SELECT source_record_id AS id, to_msisdn AS other FROM usage_items WHERE source_record_id = ANY(${sql.param(ids)}::text[])`,
    );
    expect(stored.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(stored.every((r) => r.other === '447700900999')).toBe(true);
    expect((await ingest(odd)).json()).toMatchObject({ accepted: 0, duplicates: 5 });
  });

  it('takes records only from the operator', async () => {
    const payload = { records: [call(acmeLines[0].msisdns[0])] };
    expect((await h.app.inject({ method: 'POST', url: '/operator/usage/records', payload })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'POST', url: '/operator/usage/records', payload, headers: acme.auth })).statusCode).toBe(401);
  });

  it('refuses an empty or oversized batch as a whole', async () => {
    expect((await ingest([])).json().type).toBe('INVALID_REQUEST_PARAMS');
    const tooMany = Array.from({ length: 10_001 }, () => ({}));
    const res = await ingest(tooMany);
    expect(res.statusCode).toBe(400);
    expect(res.json().messages[0]).toMatch(/^records/);
  });

  it('keeps balances exact under concurrent ingest for one subscription', async () => {
    const line = acmeLines[1];
    // The plan gives 500 minutes: 600 one-minute calls in 12 concurrent batches overrun it by 100.
    const batches = Array.from({ length: 12 }, (_, b) =>
      Array.from({ length: 50 }, (_, i) => call(line.msisdns[0], { quantity: 60, started_at: at(2, 0), ended_at: at(2, 0), source_record_id: `conc-${b}-${i}` })),
    );
    const results = await Promise.all(batches.map((batch) => ingest(batch)));
    expect(results.map((r) => r.statusCode)).toEqual(batches.map(() => 200));
    expect(await voiceUsed(line.subscription.id)).toBe(30_000);
    const [sums] = await queryRows<{ in_bundle: string; out: string; items: string }>(
      h.platform.db,
      sql`
      SELECT sum(charged_quantity) FILTER (WHERE cost_type = 'in_bundle') AS in_bundle,
             sum(charged_quantity) FILTER (WHERE cost_type = 'out_of_bundle') AS out, count(*) AS items
      FROM usage_items WHERE subscription_id = ${line.subscription.id}`,
    );
    expect(Number(sums.in_bundle)).toBe(30_000);
    expect(Number(sums.out)).toBe(6_000);
    expect(Number(sums.items)).toBe(600);
  });
});

describe('GET /enterprise/usage/items', () => {
  let subscriber2: string;
  beforeAll(async () => {
    const [a, b] = acmeLines;
    subscriber2 = b.subscriberId;
    await ingest([
      call(a.msisdns[0], { started_at: at(10), ended_at: at(10), source_record_id: 'f-old' }),
      call(a.msisdns[0], { type: 'data', quantity: 5000, unit: 'bytes', direction: 'outbound', started_at: at(5), ended_at: at(5), source_record_id: 'f-data' }),
      call(a.msisdns[0], { direction: 'inbound', started_at: at(4, 9), ended_at: at(4, 9), source_record_id: 'f-in' }),
      call(a.msisdns[0], { type: 'data', quantity: 5000, unit: 'bytes', location_country: 'US', started_at: at(3), ended_at: at(3), source_record_id: 'f-roam' }),
      call(globexLines[0].msisdns[0], { source_record_id: 'f-globex' }),
    ]);
  });

  const ids = async (tenant: Tenant, query: string) => {
    const res = await list(tenant, query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json()._embedded.items.map((i: { id: string }) => i.id);
  };

  it("answers newest first with links, the provider's shape and how current it is", async () => {
    const res = await list(acme, `?subscription-id=${acmeLines[0].subscription.id}&limit=100`);
    const body = res.json();
    const items = body._embedded.items;
    const starts = items.map((i: { started_at: string }) => i.started_at);
    expect(starts).toEqual([...starts].sort().reverse());
    const roaming = items.find((i: { location_country: string }) => i.location_country === 'US');
    expect(roaming).toMatchObject({ type: 'data', roaming: true, cost_type: 'out_of_bundle', unit: 'bytes', charged_quantity: 5120 });
    expect(typeof roaming.from_msisdn).toBe('number');
    expect(roaming._links.subscription.href).toBe(`/enterprise/subscriptions/${acmeLines[0].subscription.id}`);
    expect(roaming._links.subscriber.href).toMatch(/^\/enterprise\/subscribers\/sbr_/);
    expect(new Date(body.usage_complete_until).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // Each item carries the time its batch was rated, no later than usage is complete.
    for (const item of items as { processed_at: string }[]) {
      expect(new Date(item.processed_at).getTime()).toBeGreaterThan(Date.now() - 600_000);
      expect(new Date(item.processed_at).getTime()).toBeLessThanOrEqual(new Date(body.usage_complete_until).getTime());
    }
  });

  it('filters by each field alone and combined, with inclusive date bounds', async () => {
    const a = acmeLines[0];
    const count = async (query: string) => (await ids(acme, `${query}&limit=100`)).length;
    const all = await count(`?subscription-id=${a.subscription.id}`);
    expect(await count(`?subscription-id=${a.subscription.id}&type=data`)).toBe(2);
    expect(await count(`?subscription-id=${a.subscription.id}&type=data,sms`)).toBe(3);
    expect(await count(`?subscription-id=${a.subscription.id}&type=data&type=sms`)).toBe(3);
    expect(await count(`?subscription-id=${a.subscription.id}&direction=inbound`)).toBe(1);
    expect(await count(`?subscription-id=${a.subscription.id}&cost-type=free`)).toBe(1);
    expect(await count(`?subscription-id=${a.subscription.id}&cost-type=free&cost-type=out_of_bundle`)).toBe(2);
    const day = (n: number) => at(n).slice(0, 10);
    expect(await count(`?subscription-id=${a.subscription.id}&from-date=${day(5)}&to-date=${day(4)}`)).toBe(2);
    expect(await count(`?subscription-id=${a.subscription.id}&from-date=${day(3)}`)).toBe(all - 3);
    expect(await count(`?msisdn=${a.msisdns[0]}&to-date=${day(10)}`)).toBe(1);
    expect(await count(`?account-id=${acmeSetup.account.id}&type=data&direction=outbound`)).toBe(2);
    expect(await count(`?subscriber-id=${a.subscriberId}&cost-type=in_bundle&type=voice`)).toBeGreaterThan(0);
    expect(await count(`?subscriber-id=${subscriber2}&type=data`)).toBe(0);
  });

  it('walks pages with a cursor bound to its filters', async () => {
    const query = `?subscription-id=${acmeLines[1].subscription.id}&limit=100`;
    const seen = new Set<string>();
    let next: string | undefined = `/enterprise/usage/items${query}`;
    while (next) {
      const res = await h.app.inject({ url: next, headers: acme.auth });
      const body: { _embedded: { items: { id: string }[] }; _links: { next?: { href: string } } } = res.json();
      for (const item of body._embedded.items) seen.add(item.id);
      next = body._links.next?.href;
    }
    expect(seen.size).toBe(600);
    const first = (await list(acme, '?limit=1')).json();
    const cursor = new URL(first._links.next.href, 'http://x').searchParams.get('cursor');
    expect((await list(acme, `?limit=1&type=sms&cursor=${cursor}`)).json().messages[0]).toMatch(/^cursor/);
  });

  it('refuses bad values naming the field', async () => {
    const field = async (query: string) => {
      const res = await list(acme, query);
      expect(res.statusCode).toBe(400);
      return res.json().messages[0].split(':')[0];
    };
    expect(await field('?msisdn=+4477')).toBe('msisdn');
    expect(await field('?type=fax')).toBe('type[0]');
    expect(await field('?type=voice,fax')).toBe('type[1]');
    expect(await field('?direction=sideways')).toBe('direction');
    expect(await field('?cost-type=cheap')).toBe('cost-type[0]');
    expect(await field('?from-date=2026-13-01')).toBe('from-date');
    expect(await field('?to-date=01/02/2026')).toBe('to-date');
    expect(await field('?account-id=acc_123')).toBe('account-id');
    expect(await field('?subscription-id=sub_x')).toBe('subscription-id');
    expect(await field('?subscriber-id=nope')).toBe('subscriber-id');
    expect(await field('?from-date=2026-02-10&to-date=2026-02-01')).toBe('to-date');
    expect(await field('?limit=101')).toBe('limit');
  });

  it("never shows another organization's usage, and needs the usage licence", async () => {
    const globexIds = await ids(globex, '?limit=100');
    expect(globexIds).toHaveLength(1);
    expect(await ids(acme, `?subscription-id=${globexLines[0].subscription.id}`)).toEqual([]);
    expect(await ids(acme, `?msisdn=${globexLines[0].msisdns[0]}`)).toEqual([]);
    expect(await ids(globex, `?subscription-id=${acmeLines[0].subscription.id}`)).toEqual([]);
    const unlicensed = await h.tenant({ licences: ['accounts'] });
    expect((await list(unlicensed)).statusCode).toBe(403);
    expect((await h.app.inject({ url: '/enterprise/usage/items' })).statusCode).toBe(401);
  });

  it('serves every filter combination from an index, never a sequential scan', async () => {
    const filters = [
      `organization_id = 'x'`,
      `organization_id = 'x' AND account_id = 'a'`,
      `organization_id = 'x' AND subscription_id = 's'`,
      `organization_id = 'x' AND subscriber_id = 's'`,
      `organization_id = 'x' AND msisdn = '4477'`,
    ];
    const extras = [
      '',
      ` AND type IN ('voice','data')`,
      ` AND direction = 'inbound'`,
      ` AND cost_type IN ('free')`,
      ` AND started_at >= now() - interval '30 days' AND started_at < now()`,
    ];
    await h.platform.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      for (const where of filters) {
        for (const extra of extras) {
          const plan = await queryRows<{ 'QUERY PLAN': string }>(
            tx,
            sql.raw(`EXPLAIN SELECT * FROM usage_items WHERE ${where}${extra} ORDER BY started_at DESC, id DESC LIMIT 11`),
          );
          const text = plan.map((r) => r['QUERY PLAN']).join('\n');
          expect(text, `${where}${extra}`).not.toMatch(/Seq Scan/);
        }
      }
    });
  });

  it('finds what rating reads for a batch by index, across organizations', async () => {
    // A batch spans organizations, so these lookups name no organization_id: each needs
    // an index that leads with its column (one behind organization_id would be read whole).
    const lookups = [
      ['products', 'subscription_id'],
      ['holdings', 'identifier'],
      ['usage_items', 'source_record_id'],
    ];
    for (const [table, column] of lookups) {
      const leading = await queryRows<{ index: string }>(
        h.platform.db,
        sql`
        SELECT i.indexrelid::regclass::text AS index FROM pg_index i
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
        WHERE i.indrelid = ${table}::regclass AND a.attname = ${column}`,
      );
      expect(leading.length, `${table}(${column})`).toBeGreaterThan(0);
    }
  });
});
