// The Connect family end to end: a reseller orders a new eSIM and tops it up, reads its
// SIM profiles and subscriptions, registers notifications and hears of an expiry; every
// rule of an order is refused naming the field; another reseller's resources are
// ACCESS_DENIED.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchToken, OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { stockUp } from '../support/fixtures.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { createResellerProduct } from '../../src/domain/catalog/reseller-products.service.ts';
import { fulfilConnectOrder } from '../../src/domain/orders/connect-fulfilment.ts';
import { tickSubscription } from '../../src/domain/subscriptions/connect-subscriptions.service.ts';
import { placeConnectOrder, type PlaceConnectOrder } from '../../src/domain/orders/connect-orders.service.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import { applyProfileEvent } from '../../src/domain/inventory/profile-events.ts';
import { queryRows } from '../../src/db/database.ts';
import { sql } from 'drizzle-orm';
import { detachedAttempt } from '../support/jobs.ts';
import { until } from '../support/wait.ts';

let h: Harness;
interface Reseller {
  org: string;
  auth: { authorization: string };
  europe: string;
  usa: string;
}
const store = {} as Reseller;
const rival = {} as Reseller;
const DAY = 86_400_000;

async function reseller(target: Reseller, name: string) {
  const org = await createOrganization(h.platform.db, { name, licences: [] });
  const { client, secret } = await createClient(h.platform.db, org.id, { name: 'shop', family: 'connect', role: 'RESELLER' });
  target.org = org.id;
  target.auth = { authorization: `Bearer ${await fetchToken(h.app, 'tru-staff', client.clientId, secret)}` };
  const base = { period: 30, period_unit: 'DAYS' as const, footprint: ['FR', 'DE'], region: 'europe' };
  target.europe = (await createResellerProduct(h.platform.db, org.id, { ...base, name: 'Europe 1 GB', data: { value: 1, units: 'GB' }, pricing: { EUR: 5 } })).id;
  target.usa = (
    await createResellerProduct(h.platform.db, org.id, { ...base, name: 'USA 500 MB', period: 7, data: { value: 500, units: 'MB' }, footprint: ['US'], pricing: { USD: 4 } })
  ).id;
}

beforeAll(async () => {
  h = await startHarness({ WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_RETRY_SCHEDULE: '0.2,0.2,0.2' });
  await stockUp(h.platform.db, { sims: 12, numbers: 0 });
  await reseller(store, 'Roam Store');
  await reseller(rival, 'Rival Store');
});
afterAll(() => h.close());

const api = (who: Reseller, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  h.app.inject({ method, url: `/connect-api${url}`, headers: who.auth, ...(payload ? { payload } : {}) });

const newEsim = (who: Reseller, subscriptions: object[], overrides: object = {}) => ({
  input: {
    operationType: 'NEW_ESIM',
    countryCode: 'PT',
    customer: { email: 'Traveller@Example.com' },
    device: { id: 'device-1', type: 'ios' },
    subscriptions,
    ...overrides,
  },
});

function completed(who: Reseller, id: string) {
  return until(`order ${id} never finished`, async () => {
    const order = (await api(who, 'GET', `/v1/order/${id}`)).json();
    return (order.status === 'COMPLETED' || order.status === 'FAILED') && order;
  });
}

async function order(who: Reseller, body: object) {
  const res = await api(who, 'POST', '/v1/order', body);
  expect(res.statusCode, res.body).toBe(201);
  return completed(who, res.json().id);
}

let iccid: string;

describe('a new eSIM', () => {
  it('is ordered, fulfilled through the SM-DP+ and shown as a SIM profile with its subscription', async () => {
    const res = await api(store, 'POST', '/v1/order', newEsim(store, [{ product_id: store.europe, price: 5, currency: 'EUR' }]));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), externalId: res.json().id, status: 'ACCEPTED' });
    const done = await completed(store, res.json().id);
    expect(done.status).toBe('COMPLETED');
    iccid = done.output.iccid;
    expect(done.output).toEqual({
      iccid: expect.stringMatching(/^89\d{17}$/),
      matchingId: expect.any(String),
      smdpUrl: 'smdp.cellhub.local',
      lpa_url: `1$smdp.cellhub.local$${done.output.matchingId}`,
      subscription_id: expect.stringMatching(/=$/),
    });

    expect((await api(store, 'GET', '/v1/sim')).json()).toEqual([{ id: iccid, url: `/v1/sim/${iccid}` }]);
    const sim = (await api(store, 'GET', `/v1/sim/${iccid}`)).json();
    expect(sim).toMatchObject({
      iccid,
      status: 'Released',
      profileStatus: 'Released',
      matching_id: done.output.matchingId,
      lpa_url: `LPA:1$smdp.cellhub.local$${done.output.matchingId}`,
    });

    const [subscription] = (await api(store, 'GET', `/v1/sim/${iccid}/subscriptions`)).json();
    expect(subscription).toMatchObject({
      id: done.output.subscription_id,
      status: 'ACTIVE',
      initialBalance: String(1024 ** 3),
      spentBalance: '0',
      iccid,
      device_id: 'device-1',
      product: { id: store.europe, name: 'Europe 1 GB' },
    });
    expect(new Date(subscription.expirationDate).getTime() - new Date(subscription.activationDate).getTime()).toBe(30 * DAY);
  });

  it('is topped up, with a subscription that waits for its activation date until activated', async () => {
    const later = new Date(Date.now() + 10 * DAY).toISOString();
    const done = await order(store, {
      input: { operationType: 'TOPUP', countryCode: 'PT', esim: { iccid }, subscriptions: [{ product_id: store.usa }, { product_id: store.europe, activationDate: later }] },
    });
    expect(done.status).toBe('COMPLETED');
    const subs = (await api(store, 'GET', `/v1/sim/${iccid}/subscriptions`)).json();
    expect(subs.map((s: { status: string }) => s.status).sort()).toEqual(['ACTIVE', 'ACTIVE', 'PENDING']);
    const pending = subs.find((s: { status: string }) => s.status === 'PENDING');
    expect(pending.activationDate).toBe(later.replace(/\.\d{3}Z$/, 'Z')); // to the second, as the pages print dates

    for (const path of ['/v1/subscriptions', '/v1/subscription']) {
      expect((await api(store, 'GET', `${path}/${pending.id}`)).json().status).toBe('PENDING');
    }
    const activated = await api(store, 'POST', `/v1/subscription/${pending.id}/activate`);
    expect(activated.statusCode).toBe(200);
    expect(activated.json().status).toBe('ACTIVE');
    expect(new Date(activated.json().activationDate).getTime()).toBeLessThanOrEqual(Date.now());
    const again = await api(store, 'POST', `/v1/subscriptions/${pending.id}/activate`);
    expect(again.statusCode).toBe(409);
  });

  it('lists subscriptions by iccid, product, customer email and purchase date', async () => {
    const all = (await api(store, 'GET', '/v1/subscriptions')).json();
    expect(all).toHaveLength(3);
    expect((await api(store, 'GET', `/v1/subscriptions?product-id=${encodeURIComponent(store.usa)}`)).json()).toHaveLength(1);
    expect((await api(store, 'GET', `/v1/subscriptions?iccid=${iccid}`)).json()).toHaveLength(3);
    expect((await api(store, 'GET', '/v1/subscriptions?email=traveller@example.com')).json()).toHaveLength(3);
    expect((await api(store, 'GET', '/v1/subscriptions?email=nobody@example.com')).json()).toHaveLength(0);
    expect((await api(store, 'GET', `/v1/subscriptions?after=${new Date(Date.now() + DAY).toISOString()}`)).json()).toHaveLength(0);
    expect((await api(store, 'GET', `/v1/subscriptions?before=${new Date(Date.now() + DAY).toISOString()}&size=2`)).json()).toHaveLength(2);
    expect((await api(store, 'GET', '/v1/subscriptions?after=yesterday')).json().messages[0]).toMatch(/^after: /);
  });

  it('lists orders by status and date', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await api(store, 'GET', '/v1/order?status=COMPLETED')).json()).toHaveLength(2);
    expect((await api(store, 'GET', '/v1/order?status=FAILED')).json()).toHaveLength(0);
    expect((await api(store, 'GET', `/v1/order?start_date=${today}&end_date=${today}`)).json()).toHaveLength(2);
    expect((await api(store, 'GET', '/v1/order?end_date=2020-01-01')).json()).toHaveLength(0);
    expect((await api(store, 'GET', '/v1/order?status=DONE')).statusCode).toBe(400);
    expect((await api(store, 'GET', '/v1/order?start_date=soon')).json().messages[0]).toMatch(/^start_date: /);
  });
});

describe('taking back a SIM and moving it to another device', () => {
  const EID = '89049032004008882600019002594762';

  it('deletes a SIM never installed nor used, freeing its ICCID; refuses once installed or used', async () => {
    const spare = (await order(store, newEsim(store, [{ product_id: store.usa }]))).output.iccid;
    const deleted = await api(store, 'DELETE', `/v1/sim/${spare}`);
    expect(deleted.statusCode).toBe(204);
    expect((await api(store, 'GET', `/v1/sim/${spare}`)).statusCode).toBe(404);
    const [stock] = await queryRows<{ state: string; organization_id: string | null }>(h.platform.db, sql`SELECT state, organization_id FROM sim_profiles WHERE iccid = ${spare}`);
    expect(stock).toEqual({ state: 'available', organization_id: null });

    const used = (await order(store, newEsim(store, [{ product_id: store.usa }]))).output.iccid;
    await h.platform.db.execute(sql`UPDATE connect_subscriptions SET spent_balance = 1024 WHERE iccid = ${used}`);
    const refusedUsed = await api(store, 'DELETE', `/v1/sim/${used}`);
    expect(refusedUsed.statusCode).toBe(409);
    expect(refusedUsed.json().messages[0]).toMatch(/has used data/);

    const installed = (await order(store, newEsim(store, [{ product_id: store.usa }]))).output.iccid;
    await applyProfileEvent(h.platform.db, installed, 'installed', EID);
    expect((await api(store, 'GET', `/v1/sim/${installed}`)).json()).toMatchObject({ status: 'Installed', eid: EID });
    expect((await api(store, 'DELETE', `/v1/sim/${installed}`)).statusCode).toBe(409);
    expect((await api(store, 'PUT', `/v1/sim/${installed}`, { eid: EID })).statusCode).toBe(409);
    expect((await api(rival, 'DELETE', `/v1/sim/${used}`)).statusCode).toBe(403);
  });

  it('binds a Released profile to another EID with a fresh SM-DP+ order', async () => {
    const before = (await api(store, 'GET', `/v1/sim/${iccid}`)).json();
    const res = await api(store, 'PUT', `/v1/sim/${iccid}`, { eid: EID });
    expect(res.statusCode).toBe(200);
    const after = (await api(store, 'GET', `/v1/sim/${iccid}`)).json();
    expect(after).toMatchObject({ eid: EID, status: 'Released' });
    expect(after.matching_id).not.toBe(before.matching_id);
    expect((await api(store, 'PUT', `/v1/sim/${iccid}`, { eid: '123' })).statusCode).toBe(400);
  });
});

describe('order rules', () => {
  it('refuses each broken rule, naming the field', async () => {
    const past = new Date(Date.now() - DAY).toISOString();
    const cases: [object, RegExp][] = [
      [newEsim(store, [{ product_id: store.europe, activationDate: past }]), /^input\.subscriptions\[0\]\.activationDate: is in the past/],
      [newEsim(store, [{ product_id: store.europe, price: 5 }]), /^input\.subscriptions\[0\]\.currency: price and currency go together/],
      [newEsim(store, [{ product_id: store.europe, currency: 'EUR' }]), /^input\.subscriptions\[0\]\.price: price and currency go together/],
      [newEsim(store, [{ product_id: store.europe, price: 5, currency: 'USD' }]), /^input\.subscriptions\[0\]\.currency: product .* has no price in USD/],
      [newEsim(store, [{ product_id: rival.europe }]), /^input\.subscriptions\[0\]\.product_id: no product/],
      [newEsim(store, []), /^input\.subscriptions/],
      [
        newEsim(
          store,
          Array.from({ length: 16 }, () => ({ product_id: store.europe })),
        ),
        /^input\.subscriptions/,
      ],
      [newEsim(store, [{ product_id: store.europe }], { customer: undefined }), /^input\.customer: is required/],
      [newEsim(store, [{ product_id: store.europe }], { countryCode: 'Portugal' }), /^input\.countryCode/],
      [newEsim(store, [{ product_id: store.europe }], { device: { id: 'd', type: 'fridge' } }), /^input\.device\.type/],
      [newEsim(store, [{ product_id: store.europe }], { esim: { iccid: '8944000000000000000' } }), /^input\.esim: only a TOPUP/],
      [{ input: { operationType: 'TOPUP', countryCode: 'PT', subscriptions: [{ product_id: store.europe }] } }, /^input\.esim\.iccid: is required/],
      [
        { input: { operationType: 'TOPUP', countryCode: 'PT', esim: { iccid: '8944000000000000000' }, subscriptions: [{ product_id: store.europe }] } },
        /^input\.esim\.iccid: no SIM/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await api(store, 'POST', '/v1/order', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(res.json().messages[0]).toMatch(message);
    }
  });

  it('holds a SIM to 15 active subscriptions even when two top-ups race', async () => {
    await stockUp(h.platform.db, { sims: 1, numbers: 0 });
    const sim = (await order(rival, newEsim(rival, [{ product_id: rival.usa }]))).output.iccid;
    const eight: PlaceConnectOrder = { operationType: 'TOPUP', countryCode: 'PT', iccid: sim, subscriptions: Array.from({ length: 8 }, () => ({ productId: rival.usa })) };
    // Both are placed before either is fulfilled (their jobs are not sent), then fulfilled at once.
    const unsent = { db: h.platform.db, queue: { send: async () => {}, wake: () => {} } as unknown as JobQueue };
    const placed = [await placeConnectOrder(unsent, rival.org, eight), await placeConnectOrder(unsent, rival.org, eight)];
    await Promise.all(placed.map((o) => fulfilConnectOrder(h.platform, { orderId: o.id }, detachedAttempt(true))));
    const outcomes = await Promise.all(placed.map((o) => completed(rival, o.id)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['COMPLETED', 'FAILED']);
    expect(outcomes.find((o) => o.status === 'FAILED').failureReason).toBe(`SIM ${sim} would hold more than 15 active subscriptions`);
    expect((await api(rival, 'GET', `/v1/sim/${sim}/subscriptions`)).json()).toHaveLength(9);
  });

  it('holds a SIM to 15 active subscriptions', async () => {
    const twelve = Array.from({ length: 12 }, () => ({ product_id: store.usa }));
    expect((await order(store, { input: { operationType: 'TOPUP', countryCode: 'PT', esim: { iccid }, subscriptions: twelve } })).status).toBe('COMPLETED');
    const res = await api(store, 'POST', '/v1/order', { input: { operationType: 'TOPUP', countryCode: 'PT', esim: { iccid }, subscriptions: [{ product_id: store.usa }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().messages[0]).toBe(`input.subscriptions: SIM ${iccid} has 15 active subscriptions; at most 15`);
  });

  it('places one order for one Idempotency-Key, however often it is sent', async () => {
    const body = newEsim(store, [{ product_id: store.usa }]);
    const send = () => h.app.inject({ method: 'POST', url: '/connect-api/v1/order', headers: { ...store.auth, 'idempotency-key': 'topup-once' }, payload: body });
    const count = async () => (await api(store, 'GET', '/v1/order?size=100')).json<unknown[]>().length;
    const before = await count();
    const [first, again] = [await send(), await send()];
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await count()).toBe(before + 1);
    const other = await h.app.inject({
      method: 'POST',
      url: '/connect-api/v1/order',
      headers: { ...store.auth, 'idempotency-key': 'topup-once' },
      payload: { input: { ...body.input, countryCode: 'FR' } },
    });
    expect(other.statusCode).toBe(409);
  });

  it('fails an order when SIM inventory is empty, with the reason', async () => {
    const orders = [];
    for (let i = 0; i < 12; i++) orders.push((await api(rival, 'POST', '/v1/order', newEsim(rival, [{ product_id: rival.usa }]))).json().id);
    const outcomes = await Promise.all(orders.map((id) => completed(rival, id)));
    const failed = outcomes.filter((o) => o.status === 'FAILED');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].failureReason).toBe('no eSIM left in SIM inventory');
    expect(failed[0].output).toBeUndefined();
  });
});

describe('another reseller', () => {
  it("is ACCESS_DENIED for this one's SIM, order and subscription, and never sees them in lists", async () => {
    const [mine] = (await api(store, 'GET', '/v1/order')).json();
    const [subscription] = (await api(store, 'GET', `/v1/sim/${iccid}/subscriptions?size=1`)).json();
    for (const url of [
      `/v1/sim/${iccid}`,
      `/v1/sim/${iccid}/subscriptions`,
      `/v1/sim/${iccid}/preferences`,
      `/v1/order/${mine.id}`,
      `/v1/subscriptions/${encodeURIComponent(subscription.id)}`,
    ]) {
      const res = await api(rival, 'GET', url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().type).toBe('ACCESS_DENIED');
    }
    const topUp = await api(rival, 'POST', '/v1/order', { input: { operationType: 'TOPUP', countryCode: 'PT', esim: { iccid }, subscriptions: [{ product_id: rival.usa }] } });
    expect(topUp.statusCode).toBe(403);
    expect((await api(rival, 'POST', `/v1/subscriptions/${encodeURIComponent(subscription.id)}/activate`)).statusCode).toBe(403);
    expect((await api(rival, 'PUT', `/v1/sim/${iccid}/preferences/notifications/USAGE_THRESHOLD`, { webhook_url: 'https://evil.example/hook' })).statusCode).toBe(403);
    const rivalSims = (await api(rival, 'GET', '/v1/sim?size=100')).json().map((s: { id: string }) => s.id);
    expect(rivalSims).not.toContain(iccid);
    const rivalSubs = (await api(rival, 'GET', '/v1/subscriptions?size=100')).json().map((s: { iccid: string }) => s.iccid);
    expect(rivalSubs).not.toContain(iccid);
    expect((await api(rival, 'GET', '/v1/order/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('notifications', () => {
  it("keeps preferences per type (the docs' misspelling too) and sends SUBSCRIPTION_END at expiry", async () => {
    const received: { headers: Record<string, unknown>; body: Record<string, unknown> }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(body) });
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    try {
      expect((await api(store, 'POST', `/v1/sim/${iccid}/preferences/notifications/USAGE_THRESHOLD`, { webhook_url: hook })).statusCode).toBe(200);
      expect((await api(store, 'PUT', `/v1/sim/${iccid}/preferences/notifications/SUBSCRITPION_END`, { webhook_url: hook })).statusCode).toBe(200);
      expect((await api(store, 'GET', `/v1/sim/${iccid}/preferences`)).json()).toEqual({
        notifications: [
          { type: 'SUBSCRIPTION_END', webhook_url: hook },
          { type: 'USAGE_THRESHOLD', webhook_url: hook },
        ],
      });
      expect((await api(store, 'PUT', `/v1/sim/${iccid}/preferences/notifications/DATA_LOW`, { webhook_url: hook })).json().messages[0]).toMatch(/^type: /);
      expect((await api(store, 'PUT', `/v1/sim/${iccid}/preferences/notifications/USAGE_THRESHOLD`, { webhook_url: 'not a url' })).statusCode).toBe(400);
      expect((await api(store, 'DELETE', `/v1/sim/${iccid}/preferences/notifications/USAGE_THRESHOLD`)).statusCode).toBe(200);
      expect((await api(store, 'DELETE', `/v1/sim/${iccid}/preferences/notifications/USAGE_THRESHOLD`)).statusCode).toBe(404);
      expect((await api(store, 'PUT', '/v1/sim/8944000000000000000/preferences/notifications/USAGE_THRESHOLD', { webhook_url: hook })).statusCode).toBe(404);

      // The subscription's clock, run at a moment past its expiration.
      const [first] = (await api(store, 'GET', `/v1/subscriptions?product-id=${encodeURIComponent(store.europe)}`)).json().filter((s: { status: string }) => s.status === 'ACTIVE');
      await tickSubscription(h.platform, { subscriptionId: first.id }, new Date(new Date(first.expirationDate).getTime() + 1000));
      expect((await api(store, 'GET', `/v1/subscriptions/${encodeURIComponent(first.id)}`)).json().status).toBe('EXPIRED');
      h.workers!.webhooks.wake();
      await until('no webhook arrived', () => received.length > 0);
      expect(received).toHaveLength(1);
      expect(received[0].body).toEqual({
        id: expect.any(String),
        type: 'SUBSCRIPTION_END',
        iccid,
        subscription_id: first.id,
        current_balance: String(1024 ** 3),
        expiration_date: first.expirationDate,
      });
      expect(received[0].headers['webhook-signature']).toMatch(/^v1,/);
      // Once only: the clock running again changes nothing.
      await tickSubscription(h.platform, { subscriptionId: first.id }, new Date(new Date(first.expirationDate).getTime() + 2000));
      const deliveries = (await h.app.inject({ url: `/operator/webhooks/deliveries?organization_id=${store.org}`, headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })).json();
      expect(deliveries.items).toHaveLength(1);
    } finally {
      receiver.close();
    }
  });
});

describe('balances', () => {
  it('takes data usage from the balance, exactly under concurrent batches, telling 80 % and the end once each', async () => {
    const received: { type: string; subscription_id: string; current_balance: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
    const undelivered = async () =>
      Number((await queryRows<{ n: string }>(h.platform.db, sql`SELECT count(*) AS n FROM webhook_deliveries WHERE url = ${hook} AND status = 'pending'`))[0].n);
    try {
      await stockUp(h.platform.db, { sims: 1, numbers: 0 }); // the rules above emptied the stock
      const done = await order(store, newEsim(store, [{ product_id: store.europe }]));
      const sim = done.output.iccid;
      for (const type of ['USAGE_THRESHOLD', 'SUBSCRIPTION_END']) await api(store, 'PUT', `/v1/sim/${sim}/preferences/notifications/${type}`, { webhook_url: hook });
      const at = new Date().toISOString(); // after the sale: from then on the SIM's usage is its customer's
      const MB = 1024 ** 2;
      const batch = (b: number) =>
        Array.from({ length: 10 }, (_, i) => ({
          source_record_id: `cx-${sim}-${b}-${i}`,
          iccid: sim,
          type: 'data',
          direction: 'outbound',
          location_country: 'FR',
          started_at: at,
          ended_at: at,
          quantity: 10 * MB,
        }));
      const ingest = (records: object[]) => h.app.inject({ method: 'POST', url: '/operator/usage/records', headers: op, payload: { records } });

      // 12 batches of 100 MB at once: 1,200 MB against a 1,024 MB plan.
      const results = await Promise.all(Array.from({ length: 12 }, (_, b) => ingest(batch(b))));
      expect(results.every((r) => r.statusCode === 200 && r.json().accepted === 10)).toBe(true);
      const subscription = (await api(store, 'GET', `/v1/subscriptions/${encodeURIComponent(done.output.subscription_id)}`)).json();
      expect(subscription).toMatchObject({ status: 'DEPLETED', initialBalance: String(1024 * MB), spentBalance: String(1024 * MB) });

      const again = (await ingest(batch(3))).json();
      expect(again).toMatchObject({ accepted: 0, duplicates: 10 });
      const voice = (await ingest([{ ...batch(99)[0], type: 'voice', quantity: 60 }])).json();
      expect(voice.rejections[0].reason).toBe(`type: SIM ${sim} is a Connect eSIM, which carries data only`);

      h.workers!.webhooks.wake();
      await until('two webhooks did not arrive', () => received.length >= 2);
      // Notifications are enqueued with the usage that causes them: once none is pending, nothing more may come.
      await expect.poll(undelivered).toBe(0);
      const mine = received.filter((n) => n.subscription_id === done.output.subscription_id);
      expect(mine.map((n) => n.type).sort()).toEqual(['SUBSCRIPTION_END', 'USAGE_THRESHOLD']);
      expect(mine.find((n) => n.type === 'SUBSCRIPTION_END')!.current_balance).toBe('0');

      // Expiring later does not tell the end a second time.
      await tickSubscription(h.platform, { subscriptionId: subscription.id }, new Date(new Date(subscription.expirationDate).getTime() + 1000));
      expect((await api(store, 'GET', `/v1/subscriptions/${encodeURIComponent(subscription.id)}`)).json().status).toBe('EXPIRED');
      h.workers!.webhooks.wake();
      await expect.poll(undelivered).toBe(0);
      expect(received.filter((n) => n.subscription_id === done.output.subscription_id)).toHaveLength(2);
    } finally {
      receiver.close();
    }
  });
});

describe('extra usage threshold levels (a cellhub extension)', () => {
  it('tells each level the reseller added once, beside the documented 80 %, with its threshold', async () => {
    const received: { type: string; subscription_id: string; threshold?: number }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/levels`;
    const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
    const undelivered = async () =>
      Number((await queryRows<{ n: string }>(h.platform.db, sql`SELECT count(*) AS n FROM webhook_deliveries WHERE url = ${hook} AND status = 'pending'`))[0].n);
    try {
      await stockUp(h.platform.db, { sims: 1, numbers: 0 });
      const done = await order(store, newEsim(store, [{ product_id: store.europe }]));
      const sim = done.output.iccid;
      const preference = `/v1/sim/${sim}/preferences/notifications`;
      expect((await api(store, 'PUT', `${preference}/SUBSCRIPTION_END`, { webhook_url: hook, levels: [50] })).json().messages).toEqual([
        'levels: only USAGE_THRESHOLD notifications have levels',
      ]);
      expect((await api(store, 'PUT', `${preference}/USAGE_THRESHOLD`, { webhook_url: hook, levels: [101] })).statusCode).toBe(400);
      expect((await api(store, 'PUT', `${preference}/USAGE_THRESHOLD`, { webhook_url: hook, levels: [90, 50, 80] })).statusCode).toBe(200);
      expect((await api(store, 'GET', `/v1/sim/${sim}/preferences`)).json()).toEqual({ notifications: [{ type: 'USAGE_THRESHOLD', webhook_url: hook, levels: [50, 80, 90] }] });
      const at = new Date().toISOString();
      const MB = 1024 ** 2;
      const data = (id: string, mb: number) => ({
        source_record_id: `lv-${sim}-${id}`,
        iccid: sim,
        type: 'data',
        direction: 'outbound',
        location_country: 'FR',
        started_at: at,
        quantity: mb * MB,
      });
      const ingest = (records: object[]) => h.app.inject({ method: 'POST', url: '/operator/usage/records', headers: op, payload: { records } });
      const told = async () => {
        h.workers!.webhooks.wake();
        await expect.poll(undelivered).toBe(0);
        return received.filter((n) => n.subscription_id === done.output.subscription_id).map((n) => [n.type, n.threshold]);
      };

      expect((await ingest([data('a', 600)])).json()).toMatchObject({ accepted: 1 });
      expect(await told()).toEqual([['USAGE_THRESHOLD', 50]]);
      expect((await ingest([data('b', 350)])).json()).toMatchObject({ accepted: 1 });
      await until('80 and 90 did not arrive', () => received.length >= 3);
      expect((await told()).sort()).toEqual([
        ['USAGE_THRESHOLD', 50],
        ['USAGE_THRESHOLD', 80],
        ['USAGE_THRESHOLD', 90],
      ]);
      // Further usage below the end tells no level again.
      expect((await ingest([data('c', 10)])).json()).toMatchObject({ accepted: 1 });
      expect(await told()).toHaveLength(3);
    } finally {
      receiver.close();
    }
  });
});

describe('late usage', () => {
  it('does not reopen a balance that has ended since: what no balance in force took is recorded out of bundle', async () => {
    await stockUp(h.platform.db, { sims: 1, numbers: 0 });
    const done = await order(store, newEsim(store, [{ product_id: store.europe }]));
    const sim = done.output.iccid;
    const earlier = new Date().toISOString();
    await until('the clock did not move', () => new Date().toISOString() > earlier);
    const later = new Date().toISOString();
    const GB = 1024 ** 3;
    const record = (id: string, at: string, bytes: number) => ({
      source_record_id: id,
      iccid: sim,
      type: 'data',
      direction: 'outbound',
      location_country: 'FR',
      started_at: at,
      ended_at: at,
      quantity: bytes,
    });
    const ingest = async (records: object[]) =>
      (await h.app.inject({ method: 'POST', url: '/operator/usage/records', headers: { authorization: `Bearer ${OPERATOR_TOKEN}` }, payload: { records } })).json();
    const subscription = async () => (await api(store, 'GET', `/v1/subscriptions/${encodeURIComponent(done.output.subscription_id)}`)).json();

    expect(await ingest([record(`late-${sim}-1`, later, GB)])).toMatchObject({ accepted: 1 });
    expect(await subscription()).toMatchObject({ status: 'DEPLETED', spentBalance: String(GB) });
    // Usage from before the depleting record, delivered after it; and usage from before the sale.
    const beforeSale = new Date(Date.now() - 3_600_000).toISOString();
    const late = await ingest([record(`late-${sim}-2`, earlier, 10 * 1024 ** 2), record(`late-${sim}-3`, beforeSale, 1)]);
    expect(late).toMatchObject({ accepted: 1, rejected: 1 });
    expect(late.rejections[0]).toMatchObject({ index: 1, reason: `iccid: ${sim} was held by no subscription at ${beforeSale}` });
    expect(await subscription()).toMatchObject({ status: 'DEPLETED', spentBalance: String(GB) });
    const rows = await queryRows<{ id: string; out: string }>(
      h.platform.db,
      sql`
      SELECT source_record_id AS id, out_of_bundle_bytes AS out FROM connect_usage_records WHERE iccid = ${sim} ORDER BY source_record_id`,
    );
    expect(rows.map((r) => [r.id, Number(r.out)])).toEqual([
      [`late-${sim}-1`, 0],
      [`late-${sim}-2`, 10 * 1024 ** 2],
    ]);
  });
});

describe('the sandbox clock', () => {
  it("moves a reseller's time forward: pending subscriptions activate, then everything expires and tells its end", async () => {
    const ends: { subscription_id: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        ends.push(JSON.parse(body));
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
    const sandbox = {} as Reseller;
    try {
      await reseller(sandbox, 'Sandbox Store');
      await stockUp(h.platform.db, { sims: 1, numbers: 0 });
      const inTwoDays = new Date(Date.now() + 2 * DAY).toISOString();
      const done = await order(sandbox, newEsim(sandbox, [{ product_id: sandbox.europe }, { product_id: sandbox.europe, activationDate: inTwoDays }]));
      const sim = done.output.iccid;
      await api(sandbox, 'PUT', `/v1/sim/${sim}/preferences/notifications/SUBSCRIPTION_END`, { webhook_url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/end` });
      const statuses = async () =>
        (await api(sandbox, 'GET', `/v1/sim/${sim}/subscriptions`))
          .json()
          .map((s: { status: string }) => s.status)
          .sort();
      expect(await statuses()).toEqual(['ACTIVE', 'PENDING']);

      const advance = (seconds: number) => h.app.inject({ method: 'POST', url: `/operator/organizations/${sandbox.org}/sandbox/advance`, headers: op, payload: { seconds } });
      expect((await advance(3 * 86_400)).json()).toMatchObject({ advanced_seconds: 3 * 86_400, subscriptions_moved: 2 });
      expect(await statuses()).toEqual(['ACTIVE', 'ACTIVE']);
      await advance(31 * 86_400);
      expect(await statuses()).toEqual(['EXPIRED', 'EXPIRED']);
      h.workers!.webhooks.wake();
      await until('two subscription ends were not told', () => ends.length >= 2);
      expect(ends).toHaveLength(2);
      // Other resellers' time stands still.
      expect((await api(store, 'GET', `/v1/sim/${iccid}/subscriptions?size=40`)).json().some((s: { status: string }) => s.status === 'ACTIVE')).toBe(true);
      expect((await advance(0)).statusCode).toBe(400);
      const unknown = await h.app.inject({ method: 'POST', url: '/operator/organizations/org_01JBCG33BC2PS4J76JN685GN56/sandbox/advance', headers: op, payload: { seconds: 60 } });
      expect(unknown.statusCode).toBe(404);
    } finally {
      receiver.close();
    }
  });
});

describe('auto_renew', () => {
  it('renews a subscription ordered to renew at its expiry: a new one of the same product, ordered, charged and told like any other', async () => {
    const ends: { type: string; subscription_id: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        ends.push(JSON.parse(body));
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
    const renewing = {} as Reseller;
    try {
      await reseller(renewing, 'Renewing Store');
      await stockUp(h.platform.db, { sims: 1, numbers: 0 });
      const refused = await api(renewing, 'POST', '/v1/order', newEsim(renewing, [{ product_id: renewing.europe, auto_renew: 'yes' }]));
      expect(refused.statusCode).toBe(400);
      expect(refused.json().messages[0]).toMatch(/^input\.subscriptions\[0\]\.auto_renew: /);

      // The pages print auto_renew as a string: "true" is taken as true is.
      const done = await order(
        renewing,
        newEsim(renewing, [
          { product_id: renewing.europe, auto_renew: true, price: 5, currency: 'EUR' },
          { product_id: renewing.europe, auto_renew: 'false' },
        ]),
      );
      const sim = done.output.iccid;
      await api(renewing, 'PUT', `/v1/sim/${sim}/preferences/notifications/SUBSCRIPTION_END`, { webhook_url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/end` });
      type Sub = {
        id: string;
        status: string;
        auto_renew: string;
        activationDate: string;
        expirationDate: string;
        initialBalance: string;
        spentBalance: string;
        product: { id: string };
      };
      const subscriptions = async () => (await api(renewing, 'GET', `/v1/sim/${sim}/subscriptions`)).json<Sub[]>();
      const [first, second] = await subscriptions().then((all) => [all.find((s) => s.id === done.output.subscription_id)!, all.find((s) => s.id !== done.output.subscription_id)!]);
      expect([first.auto_renew, second.auto_renew]).toEqual(['true', 'false']);

      // Past the expiry, on the sandbox clock.
      const advance = (days: number) =>
        h.app.inject({ method: 'POST', url: `/operator/organizations/${renewing.org}/sandbox/advance`, headers: op, payload: { seconds: days * 86_400 } });
      expect((await advance(31)).statusCode).toBe(200);
      const after = await subscriptions();
      expect(after).toHaveLength(3);
      expect(after.find((s) => s.id === first.id)!.status).toBe('EXPIRED');
      expect(after.find((s) => s.id === second.id)!.status).toBe('EXPIRED');
      const renewal = after.find((s) => s.id !== first.id && s.id !== second.id)!;
      const expiredFirst = after.find((s) => s.id === first.id)!;
      expect(renewal).toMatchObject({
        status: 'ACTIVE',
        auto_renew: 'true',
        product: { id: renewing.europe },
        initialBalance: String(1024 ** 3),
        spentBalance: '0',
        activationDate: expiredFirst.expirationDate,
      });
      expect(new Date(renewal.expirationDate).getTime() - new Date(renewal.activationDate).getTime()).toBe(30 * DAY);
      // Ordered and charged as a new subscription: an order of its own, at the first one's price.
      const orders = (await api(renewing, 'GET', '/v1/order')).json<
        {
          id: string;
          status: string;
          operationType: string;
          output: { iccid: string; subscription_id: string };
        }[]
      >();
      expect(orders).toHaveLength(2);
      expect(orders[0]).toMatchObject({ status: 'COMPLETED', operationType: 'TOPUP', output: { iccid: sim, subscription_id: renewal.id } });
      const [charged] = await queryRows<{ price: string; currency: string; renewal_of: string }>(
        h.platform.db,
        sql`SELECT price, currency, renewal_of FROM connect_subscriptions WHERE id = ${renewal.id}`,
      );
      expect(charged).toEqual({ price: '5.00', currency: 'EUR', renewal_of: first.id });
      // Told like any other: both ends, the renewed one's too.
      h.workers!.webhooks.wake();
      await until('two subscription ends were not told', () => ends.length >= 2);
      expect(ends.map((e) => e.subscription_id).sort()).toEqual([first.id, second.id].sort());

      // It renews in turn, through every period the clock passes at once: 61 days end two more.
      await advance(61);
      const later = await subscriptions();
      expect(later).toHaveLength(5);
      expect(later.filter((s) => s.status === 'ACTIVE').map((s) => s.auto_renew)).toEqual(['true']);
      expect(later.filter((s) => s.status === 'EXPIRED')).toHaveLength(4);
      h.workers!.webhooks.wake();
      await until("the renewals' ends were not told", () => ends.length >= 4);
      // The clock running again renews nothing twice.
      await advance(1);
      expect(await subscriptions()).toHaveLength(5);
    } finally {
      receiver.close();
    }
  });
});
