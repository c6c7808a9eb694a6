// Alert thresholds (a cellhub extension): data share and spend levels on a subscription
// or an account, checked in the transaction that rates usage (the ingest and SMS
// charging). Each level fires once per calendar month and fires again the next; the
// events reach the organization's webhook endpoints; another organization sees none of it.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';
import { freePort } from '../support/processes.ts';
import { until } from '../support/wait.ts';
import { consoleToken, createPerson, logIn } from '../support/console.ts';
import { ingestUsage } from '../../src/domain/usage/ingest.service.ts';
import { authorizeSender } from '../../src/domain/sms/senders.service.ts';
import { createAccount } from '../../src/domain/accounts/accounts.service.ts';
import { createOffering } from '../../src/domain/catalog/offerings.service.ts';
import { queryRows } from '../../src/db/database.ts';

const DAY = 86_400_000;
const MB = 1_048_576;
const monthStart = (at: Date, plus = 0) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + plus, 1));
// Two whole months in the past: A, then B.
const monthA = monthStart(new Date(Date.now() - 50 * DAY));
const monthB = monthStart(monthA, 1);
const inA = (days: number) => new Date(monthA.getTime() + days * DAY);
const inB = (days: number) => new Date(monthB.getTime() + days * DAY);

let h: Harness;
let acme: Tenant;
let globex: Tenant;
let setup: Awaited<ReturnType<typeof catalog>>;
let lines: Awaited<ReturnType<typeof subscriptionsFor>>;
let received: { id: string; body: { type: string; data: Record<string, unknown> } }[];
let server: Server;
let seq = 0;

async function startReceiver(port: number) {
  received = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ id: String(req.headers['webhook-id']), body: JSON.parse(body) });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
}

beforeAll(async () => {
  h = await startHarness({ WEBHOOK_ALLOW_PRIVATE: '1', SMSC_SIMULATOR_RECEIPT_MS: '20' });
  acme = await h.tenant({ name: 'Acme' });
  globex = await h.tenant({ name: 'Globex' });
  setup = await catalog(h.platform.db, acme.organizationId, {
    sims: 4,
    plan: {
      dataBytes: 1000 * MB,
      voiceSeconds: 600,
      smsCount: 2,
      validityDays: 365,
      currency: 'EUR',
      outOfBundle: { perMb: '0.0100', perMinute: '0.1000', perSms: '0.5000', roamingMultiplier: '2' },
    },
    // No allowance of its own: the bundle is the plan's.
    addOn: { dataBytes: null },
  });
  // Made the day before month A: the plan covers both months and today.
  lines = await subscriptionsFor(h.platform.db, acme.organizationId, setup, 3, 'active', new Date(monthA.getTime() - DAY));
  const port = await freePort();
  await startReceiver(port);
  const endpoint = await call(acme, 'POST', '/webhook-endpoints', { url: `http://127.0.0.1:${port}/alerts`, event_types: ['usage.threshold_crossed', 'spend.alert'] });
  expect(endpoint.statusCode, endpoint.body).toBe(201);
});
afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await h.close();
});

const call = (tenant: Tenant | { authorization: string }, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  h.app.inject({ method, url: `/enterprise${url}`, payload, headers: { ...('auth' in tenant ? tenant.auth : tenant), 'idempotency-key': `k-${Math.random()}` } });

async function threshold(body: object): Promise<string> {
  const res = await call(acme, 'POST', '/alert-thresholds', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const msisdnOf = (line: number) => lines[line].msisdns[0];

function usage(line: number, at: Date, overrides: object) {
  return {
    source_record_id: `alert-${seq++}`,
    msisdn: msisdnOf(line),
    direction: 'outbound',
    other_party: '447700900999',
    location_country: 'GB',
    started_at: at.toISOString(),
    ...overrides,
  };
}
const data = (line: number, at: Date, mb: number) => usage(line, at, { type: 'data', quantity: mb * MB });
const call60 = (line: number, at: Date, minutes: number, country = 'GB') => usage(line, at, { type: 'voice', quantity: minutes * 60, location_country: country });
const sms = (line: number, at: Date, country = 'GB') => usage(line, at, { type: 'sms', quantity: 1, location_country: country });

async function ingest(records: object[], now: Date) {
  const result = await ingestUsage(h.platform.db, records, now);
  expect(result.rejections).toEqual([]);
}

type Event = { id: string; type: string; data: Record<string, unknown> };
async function alertsOf(tenant: Tenant, thresholdId?: string): Promise<Event[]> {
  const events: Event[] = [];
  for (const type of ['usage.threshold_crossed', 'spend.alert']) {
    const res = await call(tenant, 'GET', `/events?type=${type}&limit=100`);
    expect(res.statusCode, res.body).toBe(200);
    events.push(...res.json()._embedded.events);
  }
  return thresholdId ? events.filter((e) => e.data.threshold_id === thresholdId) : events;
}
const levelsOf = (events: Event[]) => events.map((e) => [e.data.level, e.data.period_start]);

describe('a data share threshold on a subscription', () => {
  let id: string;

  it('fires each level reached, once, as usage.threshold_crossed', async () => {
    id = await threshold({ subscription_id: lines[0].subscription.id, kind: 'data_share', levels: [80, 50, 100] });
    await ingest([data(0, inA(2), 300), data(0, inA(3), 300)], inA(4));
    const events = await alertsOf(acme, id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'usage.threshold_crossed',
      data: {
        threshold_id: id,
        kind: 'data_share',
        subscription_id: lines[0].subscription.id,
        account_id: setup.account.id,
        level: 50,
        currency: null,
        period_start: monthA.toISOString(),
        period_end: monthB.toISOString(),
      },
    });
    expect(events[0].data.value).toBeCloseTo(60, 4);
  });

  it('does not fire a level again in the same month, only the next level crossed', async () => {
    await ingest([data(0, inA(5), 50)], inA(6));
    expect(await alertsOf(acme, id)).toHaveLength(1);
    await ingest([data(0, inA(7), 250)], inA(8));
    expect(levelsOf(await alertsOf(acme, id))).toEqual([
      [50, monthA.toISOString()],
      [80, monthA.toISOString()],
    ]);
    const shown = (await call(acme, 'GET', `/alert-thresholds/${id}`)).json();
    expect(shown).toMatchObject({ levels: [50, 80, 100], kind: 'data_share' });
    expect(shown.recent_firings.map((f: { level: number }) => f.level)).toEqual([80, 50]);
  });

  it('re-arms when the next month starts', async () => {
    await ingest([data(0, inB(1), 1)], inB(2));
    expect(levelsOf(await alertsOf(acme, id))).toEqual([
      [50, monthA.toISOString()],
      [80, monthA.toISOString()],
      [50, monthB.toISOString()],
      [80, monthB.toISOString()],
    ]);
  });
});

describe('spend thresholds', () => {
  it('price out-of-bundle usage on the usage item (a cellhub extension field)', async () => {
    await ingest([call60(1, inA(2), 10), call60(1, inA(3), 10)], inA(4));
    const items = (await call(acme, 'GET', `/usage/items?subscription-id=${lines[1].subscription.id}&limit=100`)).json()._embedded.items;
    expect(items.map((i: { cost_type: string; cellhub_out_of_bundle_cost: unknown }) => [i.cost_type, i.cellhub_out_of_bundle_cost])).toEqual([
      ['out_of_bundle', { amount: '1.0000', currency: 'EUR' }],
      ['in_bundle', null],
    ]);
  });

  it('fire on an account’s out-of-bundle spend and a subscription’s roaming spend, in the month of the usage', async () => {
    const account = await threshold({ account_id: setup.account.id, kind: 'out_of_bundle_spend', levels: [2, 50], currency: 'EUR' });
    const roaming = await threshold({ subscription_id: lines[1].subscription.id, kind: 'roaming_spend', levels: [1.5], currency: 'EUR' });
    const otherCurrency = await threshold({ account_id: setup.account.id, kind: 'out_of_bundle_spend', levels: [0.01], currency: 'GBP' });
    // 1.00 spent before the thresholds existed counts: totals are kept as usage is rated.
    // Abroad (US, no footprint): 2 messages at 0.50, twice that roaming = 2.00.
    await ingest([sms(1, inA(5)), sms(1, inA(5)), sms(1, inA(6), 'US'), sms(1, inA(6), 'US')], inA(7));
    const accountAlerts = await alertsOf(acme, account);
    expect(accountAlerts.map((e) => [e.type, e.data.level, e.data.value, e.data.currency, e.data.subscription_id])).toEqual([['spend.alert', 2, 3, 'EUR', null]]);
    expect((await alertsOf(acme, roaming)).map((e) => [e.data.kind, e.data.level, e.data.value])).toEqual([['roaming_spend', 1.5, 2]]);
    expect(await alertsOf(acme, otherCurrency)).toEqual([]);
    // The same batch again changes nothing: re-sent records are ignored.
    await ingest([call60(1, inA(8), 1)], inA(8));
    expect(await alertsOf(acme, account)).toHaveLength(1);
  });

  it('fire from SMS charging too', async () => {
    const line = lines[2];
    const id = await threshold({ subscription_id: line.subscription.id, kind: 'out_of_bundle_spend', levels: [0.5], currency: 'EUR' });
    await authorizeSender(h.platform.db, acme.organizationId, line.msisdns[0]);
    const sent = await call(acme, 'POST', '/sms', { from: line.msisdns[0], to: ['+447700900001', '+447700900002', '+447700900003'], text: 'hello' });
    expect(sent.statusCode, sent.body).toBe(200);
    const fired = await until('SMS charging fired no spend alert', async () => ((await alertsOf(acme, id)).length > 0 ? alertsOf(acme, id) : undefined));
    expect(fired.map((e) => [e.type, e.data.level, e.data.value])).toEqual([['spend.alert', 0.5, 0.5]]);
  });
});

describe('two batches racing', () => {
  it('fire an account’s level once, though each alone would cross it', async () => {
    const racer = await h.tenant({ name: 'Racer' });
    const racerSetup = await catalog(h.platform.db, racer.organizationId, {
      sims: 2,
      plan: { voiceSeconds: 0, validityDays: 365, currency: 'EUR', outOfBundle: { perMinute: '1.0000' } },
      addOn: { dataBytes: null },
    });
    const [one, two] = await subscriptionsFor(h.platform.db, racer.organizationId, racerSetup, 2, 'active', new Date(monthA.getTime() - DAY));
    const res = await call(racer, 'POST', '/alert-thresholds', { account_id: racerSetup.account.id, kind: 'out_of_bundle_spend', levels: [5], currency: 'EUR' });
    expect(res.statusCode, res.body).toBe(201);
    const minutes = (msisdn: string) => ({ ...call60(0, inA(2), 6), msisdn });
    // Different subscriptions: their products are locked apart, so only the level's key keeps them from both firing.
    await Promise.all([ingest([minutes(one.msisdns[0])], inA(3)), ingest([minutes(two.msisdns[0])], inA(3))]);
    const fired = await alertsOf(racer);
    expect(fired.map((e) => [e.data.level, e.data.account_id])).toEqual([[5, racerSetup.account.id]]);
  });
});

describe('alert events', () => {
  it('reach the organization’s webhook endpoint, each once', async () => {
    const events = await alertsOf(acme);
    expect(events.length).toBeGreaterThan(5);
    await until('not every alert was delivered', async () => new Set(received.map((r) => r.id)).size >= events.length);
    expect([...new Set(received.map((r) => r.id))].sort()).toEqual(events.map((e) => e.id).sort());
    const one = received.find((r) => r.id === events[0].id)!;
    expect(one.body).toMatchObject({ id: events[0].id, type: events[0].type, data: events[0].data });
  });

  it('record each fired level once, even when a level is reached again under the same key', async () => {
    const rows = await queryRows<{ n: number; distinct_keys: number }>(
      h.platform.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT (threshold_id, level, period_start))::int AS distinct_keys FROM alert_firings WHERE organization_id = ${acme.organizationId}`,
    );
    expect(rows[0].n).toBe(rows[0].distinct_keys);
    expect(rows[0].n).toBe((await alertsOf(acme)).length);
  });
});

describe('another organization', () => {
  it('sees none of the thresholds, fired levels or alert events', async () => {
    const mine = (await call(acme, 'GET', '/alert-thresholds?limit=100')).json()._embedded['alert-thresholds'];
    expect(mine.length).toBe(5);
    const theirs = await call(globex, 'GET', '/alert-thresholds?limit=100');
    expect(theirs.json()._embedded['alert-thresholds']).toEqual([]);
    expect((await call(globex, 'GET', `/alert-thresholds/${mine[0].id}`)).statusCode).toBe(404);
    expect((await call(globex, 'PATCH', `/alert-thresholds/${mine[0].id}`, { levels: [1] })).statusCode).toBe(404);
    expect((await call(globex, 'DELETE', `/alert-thresholds/${mine[0].id}`)).statusCode).toBe(404);
    expect(await alertsOf(globex)).toEqual([]);
  });

  it('cannot set a threshold on a subscription or account it does not hold', async () => {
    const onSubscription = await call(globex, 'POST', '/alert-thresholds', { subscription_id: lines[0].subscription.id, kind: 'data_share', levels: [50] });
    expect(onSubscription.statusCode).toBe(400);
    expect(onSubscription.json().messages[0]).toMatch(/^subscription_id: /);
    const onAccount = await call(globex, 'POST', '/alert-thresholds', { account_id: setup.account.id, kind: 'roaming_spend', levels: [5], currency: 'EUR' });
    expect(onAccount.json().messages[0]).toMatch(/^account_id: /);
  });
});

describe('managing thresholds', () => {
  it.each([
    [{ subscription_id: 'sub_01HZS5KETGM8XXF53WZJWDDV4E', kind: 'often', levels: [50] }, 'kind'],
    [{ kind: 'data_share', levels: [50] }, 'account_id'],
    [{ account_id: 'acc_01HZS5KETGM8XXF53WZJWDDV4D', subscription_id: 'sub_01HZS5KETGM8XXF53WZJWDDV4E', kind: 'data_share', levels: [50] }, 'account_id'],
    [{ account_id: 'acc_01HZS5KETGM8XXF53WZJWDDV4D', kind: 'data_share', levels: [150] }, 'levels[0]'],
    [{ account_id: 'acc_01HZS5KETGM8XXF53WZJWDDV4D', kind: 'data_share', levels: [] }, 'levels'],
    [{ account_id: 'acc_01HZS5KETGM8XXF53WZJWDDV4D', kind: 'data_share', levels: [50], currency: 'EUR' }, 'currency'],
    [{ account_id: 'acc_01HZS5KETGM8XXF53WZJWDDV4D', kind: 'out_of_bundle_spend', levels: [50], currency: 'euro' }, 'currency'],
  ])('refuses %j naming %s (400)', async (body, field) => {
    const res = await call(acme, 'POST', '/alert-thresholds', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().type).toMatch(/^INVALID_/);
    expect(res.json().messages.join(' ')).toContain(field);
  });

  it('counts spend in the account’s currency when none is given, and asks for one where the plans have several or none', async () => {
    const taken = await call(acme, 'POST', '/alert-thresholds', { account_id: setup.account.id, kind: 'out_of_bundle_spend', levels: [50] });
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json().currency).toBe('EUR');
    const none = await createAccount(h.platform.db, globex.organizationId, { name: 'No plans', country: 'GB' });
    const refusedNone = await call(globex, 'POST', '/alert-thresholds', { account_id: none.id, kind: 'roaming_spend', levels: [5] });
    expect(refusedNone.statusCode).toBe(400);
    expect(refusedNone.json().messages).toEqual([`currency: required for roaming_spend: account ${none.id} has no plan to take it from`]);
    for (const currency of ['EUR', 'GBP']) {
      await createOffering(h.platform.db, globex.organizationId, { type: 'plan', name: `Plan ${currency}`, dataBytes: MB, validityDays: 30, price: '1.00', currency });
    }
    const refusedTwo = await call(globex, 'POST', '/alert-thresholds', { account_id: none.id, kind: 'out_of_bundle_spend', levels: [5] });
    expect(refusedTwo.json().messages).toEqual([`currency: required for out_of_bundle_spend: account ${none.id}'s plans are priced in EUR, GBP`]);
    const given = await call(globex, 'POST', '/alert-thresholds', { account_id: none.id, kind: 'out_of_bundle_spend', levels: [5], currency: 'GBP' });
    expect(given.json().currency).toBe('GBP');
  });

  it('changes levels, replays a create by its Idempotency-Key and deletes', async () => {
    const body = { account_id: setup.account.id, kind: 'data_share', levels: [90] };
    const headers = { ...acme.auth, 'idempotency-key': `same-${Math.random()}` };
    const first = await h.app.inject({ method: 'POST', url: '/enterprise/alert-thresholds', payload: body, headers });
    const again = await h.app.inject({ method: 'POST', url: '/enterprise/alert-thresholds', payload: body, headers });
    expect(again.json().id).toBe(first.json().id);
    const id = first.json().id;
    const changed = await call(acme, 'PATCH', `/alert-thresholds/${id}`, { levels: [95, 75] });
    expect(changed.json()).toMatchObject({ id, levels: [75, 95] });
    expect((await call(acme, 'PATCH', `/alert-thresholds/${id}`, { currency: 'EUR' })).statusCode).toBe(400);
    expect((await call(acme, 'DELETE', `/alert-thresholds/${id}`)).statusCode).toBe(204);
    expect((await call(acme, 'GET', `/alert-thresholds/${id}`)).statusCode).toBe(404);
  });

  it('refuses a console viewer’s create (403) and lets them read', async () => {
    const person = await createPerson(h, { role: 'viewer', organizationId: acme.organizationId });
    const viewer = await consoleToken(h, await logIn(h, person.email));
    expect((await call(viewer, 'GET', '/alert-thresholds')).statusCode).toBe(200);
    const refused = await call(viewer, 'POST', '/alert-thresholds', { account_id: setup.account.id, kind: 'data_share', levels: [50] });
    expect(refused.statusCode).toBe(403);
  });

  it('needs the events licence', async () => {
    const unlicensed = await h.tenant({ name: 'No events', licences: ['usage'] });
    expect((await call(unlicensed, 'GET', '/alert-thresholds')).statusCode).toBe(403);
  });
});
