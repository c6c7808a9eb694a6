import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';
import { createAccount } from '../../src/domain/accounts/accounts.service.ts';

let h: Harness;
let acme: Tenant;
let globex: Tenant;
let acmeSetup: Awaited<ReturnType<typeof catalog>>;
let acmeSubs: Awaited<ReturnType<typeof subscriptionsFor>>;
let globexSubs: Awaited<ReturnType<typeof subscriptionsFor>>;

const get = (url: string, tenant: Tenant, headers: Record<string, string> = {}) => h.app.inject({ url, headers: { ...tenant.auth, ...headers } });

beforeAll(async () => {
  h = await startHarness();
  acme = await h.tenant({ name: 'Acme' });
  globex = await h.tenant({ name: 'Globex' });
  acmeSetup = await catalog(h.platform.db, acme.organizationId);
  acmeSubs = [
    ...(await subscriptionsFor(h.platform.db, acme.organizationId, acmeSetup, 4)),
    ...(await subscriptionsFor(h.platform.db, acme.organizationId, acmeSetup, 2, 'suspended')),
    ...(await subscriptionsFor(h.platform.db, acme.organizationId, acmeSetup, 2, 'terminated')),
  ];
  const globexSetup = await catalog(h.platform.db, globex.organizationId, { country: 'DE' });
  globexSubs = await subscriptionsFor(h.platform.db, globex.organizationId, globexSetup, 2);
});
afterAll(() => h.close());

describe('accounts', () => {
  it('lists and gets accounts as HAL', async () => {
    const list = await get('/enterprise/accounts', acme);
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toMatch(/^application\/hal\+json/);
    const body = list.json();
    expect(body._links.self.href).toBe('/enterprise/accounts');
    expect(body._links.next).toBeUndefined();
    expect(body._embedded.accounts).toHaveLength(1);
    const account = body._embedded.accounts[0];
    expect(account).toMatchObject({ id: acmeSetup.account.id, name: 'GB branch', country: 'GB', status: 'active' });
    expect(account.reference_code).toMatch(/^\d{9}$/);
    const one = await get(account._links.self.href, acme);
    expect(one.json()).toEqual(account);
  });

  it("never shows another organization's account", async () => {
    expect((await get(`/enterprise/accounts/${acmeSetup.account.id}`, globex)).statusCode).toBe(404);
    const list = (await get('/enterprise/accounts', globex)).json();
    expect(list._embedded.accounts.map((a: { id: string }) => a.id)).not.toContain(acmeSetup.account.id);
  });

  it('answers 404 for a malformed or unknown id', async () => {
    for (const id of ['acc_nope', 'acc_01HTQ8VBN4DEJP5S8BPV4657VG', 'sub_01HTQ8VBN4DEJP5S8BPV4657VG']) {
      const res = await get(`/enterprise/accounts/${id}`, acme);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ type: 'NOT_FOUND', messages: [`account ${id} not found`] });
    }
  });
});

describe('subscribers', () => {
  it('lists and gets subscribers', async () => {
    const body = (await get('/enterprise/subscribers?limit=100', acme)).json();
    expect(body._embedded.subscribers).toHaveLength(acmeSubs.length);
    const s = body._embedded.subscribers[0];
    expect(Object.keys(s).sort()).toEqual(['_links', 'email', 'employee_id', 'first_name', 'group', 'id', 'last_name']);
    expect((await get(s._links.self.href, acme)).json()).toEqual(s);
  });

  it("never shows another organization's subscriber", async () => {
    expect((await get(`/enterprise/subscribers/${acmeSubs[0].subscriberId}`, globex)).statusCode).toBe(404);
    const ids = (await get('/enterprise/subscribers?limit=100', globex)).json()._embedded.subscribers.map((s: { id: string }) => s.id);
    expect(ids).not.toContain(acmeSubs[0].subscriberId);
  });
});

describe('subscriptions', () => {
  it('links to its parts and embeds nothing without Prefer', async () => {
    const id = acmeSubs[0].subscription.id;
    const res = await get(`/enterprise/subscriptions/${id}`, acme);
    const body = res.json();
    expect(body).toMatchObject({ id, status: 'active', terminated_at: null });
    expect(body._embedded).toBeUndefined();
    expect(body._links).toMatchObject({
      self: { href: `/enterprise/subscriptions/${id}` },
      phone_numbers: { href: `/enterprise/subscriptions/${id}/phone-numbers` },
      services: { href: `/enterprise/subscriptions/${id}/services` },
      sim_profile: { href: `/enterprise/subscriptions/${id}/sim-profile` },
      subscriber: { href: `/enterprise/subscribers/${acmeSubs[0].subscriberId}` },
    });
    expect(res.headers['preference-applied']).toBeUndefined();
  });

  it('embeds exactly the named parts, for every combination', async () => {
    const parts = ['subscriber', 'account', 'sim_profile', 'phone_numbers', 'services'];
    const id = acmeSubs[0].subscription.id;
    for (let mask = 1; mask < 1 << parts.length; mask++) {
      const chosen = parts.filter((_, i) => mask & (1 << i));
      const res = await get(`/enterprise/subscriptions/${id}`, acme, { prefer: `transclude="${chosen.join(';')}"` });
      expect(Object.keys(res.json()._embedded).sort()).toEqual([...chosen].sort());
      expect(res.headers['preference-applied']).toBe(`transclude="${parts.filter((p) => chosen.includes(p)).join(';')}"`);
    }
  });

  it('embeds the parts with their data', async () => {
    const { subscription, iccid, msisdns, subscriberId } = acmeSubs[0];
    const res = await get(`/enterprise/subscriptions/${subscription.id}`, acme, {
      prefer: 'transclude="subscriber;account;sim_profile;phone_numbers;services;unknown"',
    });
    const e = res.json()._embedded;
    expect(e.subscriber.id).toBe(subscriberId);
    expect(e.account.id).toBe(acmeSetup.account.id);
    expect(e.sim_profile).toMatchObject({ iccid, sim_type: 'esim', status: 'allocated' });
    expect(e.phone_numbers._embedded.phone_numbers).toEqual([{ msisdn: msisdns[0], is_primary: true, country: 'GB' }]);
    expect(e.services._embedded.services).toEqual([
      { type: 'data', enabled: true },
      { type: 'sms', enabled: true },
      { type: 'voice', enabled: true },
    ]);
  });

  it('filters by status', async () => {
    for (const [status, count] of [
      ['active', 4],
      ['suspended', 2],
      ['terminated', 2],
    ] as const) {
      const items = (await get(`/enterprise/subscriptions?status=${status}&limit=100`, acme)).json()._embedded.subscriptions;
      expect(items).toHaveLength(count);
      expect(items.every((s: { status: string }) => s.status === status)).toBe(true);
    }
    const terminated = (await get('/enterprise/subscriptions?status=terminated', acme)).json()._embedded.subscriptions[0];
    expect(terminated.terminated_at).toMatch(/Z$/);
    const bad = await get('/enterprise/subscriptions?status=paused', acme);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().messages[0]).toMatch(/^status: /);
  });

  it('shows suspended services as barred', async () => {
    const suspended = acmeSubs[4].subscription.id;
    const services = (await get(`/enterprise/subscriptions/${suspended}/services`, acme)).json();
    expect(services._embedded.services.every((s: { enabled: boolean }) => !s.enabled)).toBe(true);
  });

  it('serves phone numbers, services and the SIM profile as their own resources', async () => {
    const { subscription, iccid, msisdns } = acmeSubs[1];
    const base = `/enterprise/subscriptions/${subscription.id}`;
    const numbers = (await get(`${base}/phone-numbers`, acme)).json();
    expect(numbers._links.self.href).toBe(`${base}/phone-numbers`);
    expect(numbers._embedded.phone_numbers[0].msisdn).toBe(msisdns[0]);
    expect((await get(`${base}/services`, acme)).json()._embedded.services).toHaveLength(3);
    expect((await get(`${base}/sim-profile`, acme)).json()).toMatchObject({ iccid, sim_type: 'esim' });
  });

  it("never shows another organization's subscription or its parts", async () => {
    const id = acmeSubs[0].subscription.id;
    for (const suffix of ['', '/phone-numbers', '/services', '/sim-profile']) {
      expect((await get(`/enterprise/subscriptions/${id}${suffix}`, globex)).statusCode).toBe(404);
    }
    const ids = (await get('/enterprise/subscriptions?limit=100', globex)).json()._embedded.subscriptions.map((s: { id: string }) => s.id);
    expect(ids.sort()).toEqual(globexSubs.map((s) => s.subscription.id).sort());
  });

  it('lists a fully embedded page in a fixed number of queries', async () => {
    const prefer = { prefer: 'transclude="subscriber;account;sim_profile;phone_numbers;services"' };
    // The fewest over a few tries: the rate limiter's shared counters are flushed
    // through the same database handle in the background and may land in between.
    const count = async (limit: number) => {
      let fewest = { queries: Infinity, rows: 0 };
      for (let i = 0; i < 5; i++) {
        const before = h.platform.database.queryCount();
        const res = await get(`/enterprise/subscriptions?limit=${limit}`, acme, prefer);
        expect(res.statusCode).toBe(200);
        const queries = h.platform.database.queryCount() - before;
        if (queries < fewest.queries) fewest = { queries, rows: res.json()._embedded.subscriptions.length };
      }
      return fewest;
    };
    await count(1); // warm the principal cache
    const small = await count(1);
    const large = await count(100);
    expect(large.rows).toBe(acmeSubs.length);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(1);
  });
});

describe('order templates and products', () => {
  it('lists templates with their product offerings embedded', async () => {
    const body = (await get('/enterprise/order-templates', acme)).json();
    const t = body._embedded['order-templates'][0];
    expect(t).toMatchObject({ id: acmeSetup.template.id, type: 'activate_subscription', description: 'New joiner' });
    expect(t.products.map((p: { _embedded: { 'product-offering': unknown } }) => p._embedded['product-offering'])).toEqual([
      { id: acmeSetup.plan.id, type: 'plan', name: '10GB Plan' },
      { id: acmeSetup.addOn.id, type: 'add_on', name: 'EU Roaming 5GB' },
    ]);
    expect((await get(t._links.self.href, acme)).json()).toEqual(t);
    expect((await get(t._links.self.href, globex)).statusCode).toBe(404);
  });

  it('lists products by account and status', async () => {
    const all = (await get('/enterprise/products?limit=100', acme)).json()._embedded.products;
    expect(all).toHaveLength(acmeSubs.length * 2);
    const terminated = (await get('/enterprise/products?status=terminated&limit=100', acme)).json()._embedded.products;
    expect(terminated).toHaveLength(4);
    const byAccount = (await get(`/enterprise/products?account_id=${acmeSetup.account.id}&limit=100`, acme)).json()._embedded.products;
    expect(byAccount).toHaveLength(all.length);
    const other = await createAccount(h.platform.db, acme.organizationId, { name: 'Empty', country: 'FR' });
    expect((await get(`/enterprise/products?account_id=${other.id}`, acme)).json()._embedded.products).toEqual([]);
    const p = all[0];
    expect(p._links.subscription.href).toMatch(/^\/enterprise\/subscriptions\/sub_/);
    expect(p.activated_at).toMatch(/Z$/);
    expect((await get(p._links.self.href, acme)).json()).toEqual(p);
    expect((await get(p._links.self.href, globex)).statusCode).toBe(404);
    const globexProducts = (await get('/enterprise/products?limit=100', globex)).json()._embedded.products;
    expect(globexProducts.map((x: { id: string }) => x.id)).not.toContain(p.id);
  });

  it('names a malformed account_id or unknown status', async () => {
    const bad = await get('/enterprise/products?account_id=acc_123', acme);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ type: 'INVALID_REQUEST_PARAMS', messages: ['account_id: must match ^acc_[0-9A-Z]{26}$'] });
    expect((await get('/enterprise/products?status=gone', acme)).json().messages[0]).toBe('status: must be one of active, terminated');
  });
});
