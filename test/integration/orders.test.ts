import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';
import { decodeQrPng } from '../support/qr.ts';
import { terminateSubscription } from '../../src/domain/subscriptions/provisioning.ts';
import { createAccount } from '../../src/domain/accounts/accounts.service.ts';
import { queryRows } from '../../src/db/database.ts';
import { sql } from 'drizzle-orm';
import { until } from '../support/wait.ts';

let h: Harness;
let acme: Tenant;
let globex: Tenant;
let setup: Awaited<ReturnType<typeof catalog>>;
let globexSetup: Awaited<ReturnType<typeof catalog>>;

beforeAll(async () => {
  h = await startHarness({ SMDP_ADDRESS: 'rsp.cellhub.test' });
  acme = await h.tenant({ name: 'Acme' });
  globex = await h.tenant({ name: 'Globex' });
  setup = await catalog(h.platform.db, acme.organizationId, { sims: 30 });
  globexSetup = await catalog(h.platform.db, globex.organizationId, { sims: 5 });
});
afterAll(() => h.close());

const post = (tenant: Tenant, payload: object, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'POST', url: '/enterprise/orders', payload, headers: { ...tenant.auth, ...headers } });
const get = (tenant: Tenant, url: string) => h.app.inject({ url, headers: tenant.auth });

function settled(tenant: Tenant, id: string) {
  return until(`order ${id} is still pending`, async () => {
    const order = (await get(tenant, `/enterprise/orders/${id}`)).json();
    return order.status !== 'pending' && order;
  });
}

const activation = (overrides: object = {}) => ({
  type: 'activate_subscription',
  account_id: setup.account.id,
  template_id: setup.template.id,
  subscriber: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@acme.example', employee_id: 'E42', group: 'R&D' },
  sim_profile: { sim_type: 'esim', delivery: { type: 'api' } },
  ...overrides,
});

describe('activate_subscription', () => {
  it('answers 201 pending at once, then provisions a working subscription with an eSIM', async () => {
    const res = await post(acme, activation());
    expect(res.statusCode).toBe(201);
    const placed = res.json();
    expect(placed).toMatchObject({ status: 'pending', type: 'activate_subscription', account_id: setup.account.id });
    expect(placed.id).toMatch(/^order_[0-9A-Z]{26}$/);
    const order = await settled(acme, placed.id);
    expect(order.status, order.failure_reason).toBe('completed');
    // Its one fulfilment job is completed (by the order's final statement).
    const jobs = await queryRows<{ state: string }>(h.platform.db, sql`SELECT state FROM pgboss.job WHERE data->>'orderId' = ${placed.id}`);
    expect(jobs).toEqual([{ state: 'completed' }]);
    expect(order.subscription_id).toMatch(/^sub_/);
    expect(order.sim_profile.iccid).toMatch(/^89\d{17}$/);
    expect(order.phone_numbers).toEqual([{ msisdn: expect.stringMatching(/^44\d+$/), is_primary: true, country: 'GB' }]);
    expect(order.subscriber).toMatchObject({ id: expect.stringMatching(/^sbr_/), email: 'grace@acme.example' });

    const sub = (await get(acme, `/enterprise/subscriptions/${order.subscription_id}`)).json();
    expect(sub.status).toBe('active');
    const profile = (await get(acme, `/enterprise/subscriptions/${order.subscription_id}/sim-profile`)).json();
    expect(profile).toMatchObject({ iccid: order.sim_profile.iccid, sim_type: 'esim', status: 'released' });
    expect(profile.activation_code).toMatch(/^LPA:1\$rsp\.cellhub\.test\$[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    const products = (await get(acme, `/enterprise/products?limit=100`)).json()._embedded.products;
    expect(products.filter((p: { _links: { subscription: { href: string } } }) => p._links.subscription.href.endsWith(order.subscription_id))).toHaveLength(2);
    expect((await h.platform.smdpSimulator!.profile(order.sim_profile.iccid))?.state).toBe('Released');
  });

  it("answers GET /enterprise/orders/{id} with the fields of seed 003's Get Order sample, subscriber._links and subscription_id among them", async () => {
    const placed = (await post(acme, activation({ subscriber: { first_name: 'Ida', last_name: 'Rhodes', email: 'ida@acme.example', employee_id: 'E7', group: 'Ops' } }))).json();
    // While pending: the subscriber is not made yet, so it links nowhere; there is no subscription yet.
    expect(placed.subscriber).toEqual({ id: null, first_name: 'Ida', last_name: 'Rhodes', email: 'ida@acme.example', employee_id: 'E7', group: 'Ops', _links: {} });
    expect(placed.subscription_id).toBeNull();
    await settled(acme, placed.id);
    const res = await get(acme, `/enterprise/orders/${placed.id}`);
    expect(res.statusCode).toBe(200);
    const order = res.json();
    // The sample: {id, status, type, account_id, subscription_id, sim_profile{iccid, sim_type, delivery, _links},
    // phone_numbers[{msisdn, is_primary, country}], subscriber{id, first_name, last_name, email, employee_id, group, _links}}.
    expect(order).toMatchObject({
      id: placed.id,
      status: 'completed',
      type: 'activate_subscription',
      account_id: setup.account.id,
      subscription_id: expect.stringMatching(/^sub_[0-9A-Z]{26}$/),
      sim_profile: { iccid: expect.stringMatching(/^89\d{17}$/), sim_type: 'esim', _links: { self: expect.any(Object) } },
      phone_numbers: [{ msisdn: expect.any(String), is_primary: true, country: 'GB' }],
      subscriber: {
        id: expect.stringMatching(/^sbr_/),
        first_name: 'Ida',
        last_name: 'Rhodes',
        email: 'ida@acme.example',
        employee_id: 'E7',
        group: 'Ops',
        _links: { self: { href: `/enterprise/subscribers/${order.subscriber.id}` } },
      },
    });
    // The links lead somewhere: the subscriber, and the subscription the activation made.
    expect((await get(acme, order.subscriber._links.self.href)).json()).toMatchObject({ id: order.subscriber.id, email: 'ida@acme.example' });
    expect((await get(acme, `/enterprise/subscriptions/${order.subscription_id}`)).json()).toMatchObject({ id: order.subscription_id, status: 'active' });
  });

  it('reuses the subscriber with the same email', async () => {
    const first = await settled(acme, (await post(acme, activation({ subscriber: { first_name: 'Ada', last_name: 'L', email: 'ada@acme.example' } }))).json().id);
    const second = await settled(acme, (await post(acme, activation({ subscriber: { first_name: 'Ada', last_name: 'L', email: 'ADA@acme.example' } }))).json().id);
    expect(second.subscriber.id).toBe(first.subscriber.id);
    expect(second.subscription_id).not.toBe(first.subscription_id);
  });

  it('gives racing orders for one new email the same subscriber', async () => {
    const email = 'twins@acme.example';
    const placed = await Promise.all(Array.from({ length: 4 }, () => post(acme, activation({ subscriber: { first_name: 'T', last_name: 'W', email } }))));
    const orders = await Promise.all(placed.map((res) => settled(acme, res.json().id)));
    expect(orders.map((o) => o.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(new Set(orders.map((o) => o.subscriber.id)).size).toBe(1);
    expect(new Set(orders.map((o) => o.subscription_id)).size).toBe(4);
  });

  it('refuses what cannot be valid, naming the field', async () => {
    const cases: [object, number, string][] = [
      [activation({ account_id: globexSetup.account.id }), 400, `account_id: no account ${globexSetup.account.id} in this organization`],
      [activation({ account_id: 'acc_123' }), 400, 'account_id: must match ^acc_[0-9A-Z]{26}$'],
      [activation({ template_id: globexSetup.template.id }), 400, `template_id: no order template ${globexSetup.template.id} in this organization`],
      [activation({ template_id: undefined }), 400, 'template_id: is required for activate_subscription'],
      [activation({ subscriber: undefined }), 400, 'subscriber: is required for activate_subscription'],
      [activation({ subscriber: { first_name: 'x', last_name: 'y', email: 'not-an-email' } }), 400, 'subscriber.email: must match format "email"'],
      [activation({ sim_profile: { sim_type: 'esim' } }), 400, 'sim_profile.delivery: is required for an eSIM'],
      [activation({ sim_profile: { sim_type: 'esim', delivery: { type: 'email' } } }), 400, 'sim_profile.delivery.to: at least one address is required for email delivery'],
      [activation({ sim_profile: { sim_type: 'nano', delivery: { type: 'api' } } }), 400, 'sim_profile.sim_type: must be one of esim, psim'],
      [activation({ type: 'upgrade' }), 400, 'type: must be one of activate_subscription, suspend_subscription, resume_subscription, change_sim_profile, terminate_subscription'],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(acme, body);
      expect(res.statusCode, message).toBe(status);
      expect(res.json().messages, message).toEqual([message]);
    }
  });

  it("refuses another organization's template even when this process keeps it", async () => {
    await h.platform.templates.get(h.platform.db, globex.organizationId, globexSetup.template.id);
    const res = await post(acme, activation({ template_id: globexSetup.template.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().messages).toEqual([`template_id: no order template ${globexSetup.template.id} in this organization`]);
  });

  it('gives the last ICCID to one of two racing orders; the other fails with a reason', async () => {
    const own = await startHarness();
    try {
      const t = await own.tenant();
      const small = await catalog(own.platform.db, t.organizationId, { sims: 1, numbers: 5 });
      const body = { ...activation(), account_id: small.account.id, template_id: small.template.id };
      const send = (email: string) =>
        own.app.inject({ method: 'POST', url: '/enterprise/orders', payload: { ...body, subscriber: { first_name: 'R', last_name: 'R', email } }, headers: t.auth });
      const [a, b] = await Promise.all([send('a@x.example'), send('b@x.example')]);
      const wait = (id: string) =>
        until(`order ${id} is still pending`, async () => {
          const o = (await own.app.inject({ url: `/enterprise/orders/${id}`, headers: t.auth })).json();
          return o.status !== 'pending' && o;
        });
      const results = await Promise.all([wait(a.json().id), wait(b.json().id)]);
      expect(results.map((r) => r.status).sort()).toEqual(['completed', 'failed']);
      const failed = results.find((r) => r.status === 'failed');
      expect(failed.failure_reason).toBe('no esim left in SIM inventory');
      expect(failed.subscription_id).toBeNull();
      expect(failed.sim_profile.iccid).toBeNull();
      const subs = (await own.app.inject({ url: '/enterprise/subscriptions', headers: t.auth })).json()._embedded.subscriptions;
      expect(subs).toHaveLength(1);
    } finally {
      await own.close();
    }
  });

  it('fails with a reason and gives the ICCID back when the number pool is empty', async () => {
    const own = await startHarness();
    try {
      const t = await own.tenant();
      const s = await catalog(own.platform.db, t.organizationId, { sims: 2, numbers: 0 });
      const res = await own.app.inject({
        method: 'POST',
        url: '/enterprise/orders',
        payload: { ...activation(), account_id: s.account.id, template_id: s.template.id },
        headers: t.auth,
      });
      const order = await until('the order is still pending', async () => {
        const o = (await own.app.inject({ url: `/enterprise/orders/${res.json().id}`, headers: t.auth })).json();
        return o.status !== 'pending' && o;
      });
      expect(order.status).toBe('failed');
      expect(order.failure_reason).toMatch(/^number pool pool_\w+ is empty$/);
      const stock = (await own.app.inject({ url: '/operator/sims/summary', headers: { authorization: 'Bearer test-operator-token-0123456789abcdef' } })).json();
      expect(stock).toEqual([{ sim_type: 'esim', state: 'available', count: 2 }]);
      // Nothing of the subscription was written, not even its subscriber.
      for (const list of ['subscriptions', 'subscribers']) {
        expect((await own.app.inject({ url: `/enterprise/${list}`, headers: t.auth })).json()._embedded[list]).toEqual([]);
      }
      // The SM-DP+ is told right after the failure commits.
      const cancelled = async () => (await own.platform.smdpSimulator!.profiles()).every((p) => p.state === 'Available');
      await until('the SM-DP+ profile was not cancelled', cancelled);
    } finally {
      await own.close();
    }
  });
});

describe('changes to a subscription', () => {
  it('suspends, refuses a second suspension, resumes, swaps the SIM and terminates', async () => {
    const [sub] = await subscriptionsFor(h.platform.db, acme.organizationId, setup, 1);
    const id = sub.subscription.id;
    const change = (type: string, extra: object = {}) => post(acme, { type, account_id: setup.account.id, subscription_id: id, ...extra });

    expect((await change('suspend_subscription')).json().messages).toEqual(['reason: is required for suspend_subscription']);
    expect((await change('suspend_subscription', { reason: 'bored' })).json().messages[0]).toMatch(/^reason: must be one of lost_or_stolen, /);
    expect((await change('change_sim_profile')).json().messages).toEqual(['sim_profile: is required for change_sim_profile']);
    const otherAccount = await createAccount(h.platform.db, acme.organizationId, { name: 'Elsewhere', country: 'GB' });
    const wrongAccount = await post(acme, { type: 'suspend_subscription', account_id: otherAccount.id, subscription_id: id, reason: 'temporary' });
    expect(wrongAccount.json().messages).toEqual([`subscription_id: belongs to account ${setup.account.id}, not ${otherAccount.id}`]);
    const suspend = await settled(acme, (await change('suspend_subscription', { reason: 'lost_or_stolen' })).json().id);
    expect(suspend).toMatchObject({ status: 'completed', reason: 'lost_or_stolen' });
    // Cached reads see a committed change once its announcement arrives (README: read cache).
    const serviceFlags = async () => (await get(acme, `/enterprise/subscriptions/${id}/services`)).json()._embedded.services.map((s: { enabled: boolean }) => s.enabled);
    await expect.poll(serviceFlags).toEqual(expect.not.arrayContaining([true]));

    const again = await change('suspend_subscription', { reason: 'temporary' });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('CONFLICT');

    expect((await settled(acme, (await change('resume_subscription')).json().id)).status).toBe('completed');
    expect((await change('resume_subscription')).statusCode).toBe(409);
    await expect.poll(serviceFlags).toEqual(expect.not.arrayContaining([false]));

    const swap = await settled(acme, (await change('change_sim_profile', { sim_profile: { sim_type: 'esim', delivery: { type: 'api' } } })).json().id);
    expect(swap.status, swap.failure_reason).toBe('completed');
    expect(swap.sim_profile.iccid).not.toBe(sub.iccid);
    const profile = (await get(acme, `/enterprise/subscriptions/${id}/sim-profile`)).json();
    expect(profile.iccid).toBe(swap.sim_profile.iccid);
    const numbers = (await get(acme, `/enterprise/subscriptions/${id}/phone-numbers`)).json()._embedded.phone_numbers;
    expect(numbers.map((n: { msisdn: string }) => n.msisdn)).toEqual(sub.msisdns);

    expect((await settled(acme, (await change('terminate_subscription')).json().id)).status).toBe('completed');
    const ended = (await get(acme, `/enterprise/subscriptions/${id}`)).json();
    expect(ended.status).toBe('terminated');
    expect((await change('terminate_subscription')).statusCode).toBe(409);
    expect((await change('resume_subscription')).statusCode).toBe(409);
  });

  it("refuses another organization's subscription and a subscription of another account", async () => {
    const [theirs] = await subscriptionsFor(h.platform.db, globex.organizationId, globexSetup, 1);
    const res = await post(acme, { type: 'terminate_subscription', account_id: setup.account.id, subscription_id: theirs.subscription.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().messages[0]).toMatch(/^subscription_id: no subscription/);
    // A change naming another organization's account is refused for the account.
    const [ours] = await subscriptionsFor(h.platform.db, acme.organizationId, setup, 1);
    const foreign = await post(acme, { type: 'terminate_subscription', account_id: globexSetup.account.id, subscription_id: ours.subscription.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().messages).toEqual([`account_id: no account ${globexSetup.account.id} in this organization`]);
  });

  it('refuses a second order while one is pending for the subscription', async () => {
    const t = await startHarness({ WORKERS: 'off' });
    try {
      const tenant = await t.tenant();
      const s = await catalog(t.platform.db, tenant.organizationId, { sims: 2 });
      const [sub] = await subscriptionsFor(t.platform.db, tenant.organizationId, s, 1);
      const body = { type: 'terminate_subscription', account_id: s.account.id, subscription_id: sub.subscription.id };
      const send = () => t.app.inject({ method: 'POST', url: '/enterprise/orders', payload: body, headers: tenant.auth });
      const [a, b] = await Promise.all([send(), send()]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      expect([a, b].find((r) => r.statusCode === 409)!.json().messages[0]).toMatch(/already pending/);
    } finally {
      await t.close();
    }
  });
});

describe('fulfilment re-checks', () => {
  it('fails an order whose subscription changed state after it was placed', async () => {
    const t = await startHarness({ WORKERS: 'off' });
    try {
      const tenant = await t.tenant();
      const s = await catalog(t.platform.db, tenant.organizationId, { sims: 1 });
      const [sub] = await subscriptionsFor(t.platform.db, tenant.organizationId, s, 1);
      const placed = await t.app.inject({
        method: 'POST',
        url: '/enterprise/orders',
        headers: tenant.auth,
        payload: { type: 'suspend_subscription', account_id: s.account.id, subscription_id: sub.subscription.id, reason: 'temporary' },
      });
      expect(placed.statusCode).toBe(201);
      await t.platform.db.transaction((tx) => terminateSubscription(tx, tenant.organizationId, sub.subscription.id, new Date(), 90));
      await t.startWorkers();
      const order = await until('the order is still pending', async () => {
        const o = (await t.app.inject({ url: `/enterprise/orders/${placed.json().id}`, headers: tenant.auth })).json();
        return o.status !== 'pending' && o;
      });
      expect(order.status).toBe('failed');
      expect(order.failure_reason).toBe(`subscription ${sub.subscription.id} is terminated; suspend_subscription needs it active`);
    } finally {
      await t.close();
    }
  });
});

describe('reading orders', () => {
  it("lists with filters and never shows another organization's order", async () => {
    const mine = (await get(acme, '/enterprise/orders?limit=100')).json()._embedded.orders;
    expect(mine.length).toBeGreaterThan(3);
    const completed = (await get(acme, '/enterprise/orders?status=completed&type=activate_subscription&limit=100')).json()._embedded.orders;
    expect(completed.every((o: { status: string; type: string }) => o.status === 'completed' && o.type === 'activate_subscription')).toBe(true);
    expect((await get(globex, `/enterprise/orders/${mine[0].id}`)).statusCode).toBe(404);
    expect((await get(globex, '/enterprise/orders?limit=100')).json()._embedded.orders).toEqual([]);
    expect((await get(acme, '/enterprise/orders/order_bad')).statusCode).toBe(404);
    expect((await get(acme, '/enterprise/orders?status=done')).statusCode).toBe(400);
  });
});

describe('QR codes', () => {
  it('serves the activation code as PNG and SVG, only to its organization', async () => {
    const order = await settled(acme, (await post(acme, activation({ subscriber: { first_name: 'Q', last_name: 'R', email: 'qr@acme.example' } }))).json().id);
    const profile = (await get(acme, `/enterprise/subscriptions/${order.subscription_id}/sim-profile`)).json();
    const png = await h.app.inject({ url: profile._links.qr_code_png.href, headers: acme.auth });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(decodeQrPng(png.rawPayload)).toBe(profile.activation_code);
    const svg = await h.app.inject({ url: profile._links.qr_code_svg.href, headers: acme.auth });
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toMatch(/^<svg/);
    expect((await h.app.inject({ url: profile._links.qr_code_png.href, headers: globex.auth })).statusCode).toBe(404);
  });
});
