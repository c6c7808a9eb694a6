// Cached pages of subscriptions (the read cache, domain/tenant-cache.ts): a repeated
// page is answered from its cached bytes without a query, exactly as it was first sent;
// any committed change to the organization, a new subscription included, is seen on the
// next reads, in this process and in another one over the same PostgreSQL; another
// organization never gets the page; READ_CACHE_ENTRIES=0 turns it off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';
import { suspendSubscription } from '../../src/domain/subscriptions/provisioning.ts';
import { until } from '../support/wait.ts';
import { getOrder, placeOrder } from '../../src/domain/orders/orders.service.ts';

const EVERYTHING = { prefer: 'transclude="subscriber;account;sim_profile;phone_numbers;services"' };
const PAGE = '/enterprise/subscriptions?limit=100';

let h: Harness;
let acme: Tenant;
let globex: Tenant;
let acmeSetup: Awaited<ReturnType<typeof catalog>>;
let acmeSubs: Awaited<ReturnType<typeof subscriptionsFor>>;
let globexSubs: Awaited<ReturnType<typeof subscriptionsFor>>;
const opened: Harness[] = [];

beforeAll(async () => {
  h = await startHarness();
  acme = await h.tenant();
  globex = await h.tenant();
  acmeSetup = await catalog(h.platform.db, acme.organizationId);
  acmeSubs = await subscriptionsFor(h.platform.db, acme.organizationId, acmeSetup, 3);
  globexSubs = await subscriptionsFor(h.platform.db, globex.organizationId, await catalog(h.platform.db, globex.organizationId), 2);
});
afterAll(async () => {
  for (const other of opened) await other.close();
  await h.close();
});

type Subscription = { id: string; status: string; _embedded: { subscriber: { last_name: string } } };

/**
 * Reads a page a few times on `on`: whether the cache answered any of them, and the last
 * answer.
 */
async function page(tenant: Tenant, url = PAGE, on: Harness = h) {
  const read = async () => {
    const before = on.platform.readCache.hits();
    const res = await on.app.inject({ url, headers: { ...tenant.auth, ...EVERYTHING } });
    expect(res.statusCode, res.body).toBe(200);
    return { res, cached: on.platform.readCache.hits() > before };
  };
  let { res, cached } = await read();
  for (let i = 0; i < 2; i++) {
    const again = await read();
    res = again.res;
    cached ||= again.cached;
  }
  const subscriptions = res.json()._embedded.subscriptions as Subscription[];
  return { res, cached, subscriptions, statusOf: (id: string) => subscriptions.find((s) => s.id === id)?.status };
}

const eventually = (check: () => Promise<boolean>) => until('the cached page never showed it', check);

describe('page cache', () => {
  it('answers a repeated page without a query, with the bytes and headers it first sent', async () => {
    const first = await h.app.inject({ url: PAGE, headers: { ...acme.auth, ...EVERYTHING } });
    const again = await page(acme);
    expect(again.cached).toBe(true);
    expect(again.res.body).toBe(first.body);
    // All but what differs per request: its id, its date, the client's remaining rate.
    const lasting = (headers: Record<string, unknown>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !/^(x-correlation-id|date|x-rate-limit-)/.test(name)));
    expect(lasting(again.res.headers)).toEqual(lasting(first.headers));
    expect(again.res.headers['x-read-from']).toBe('primary');
    expect(again.res.headers['preference-applied']).toBe('transclude="subscriber;account;sim_profile;phone_numbers;services"');
    // The same content type as a list the cache does not serve.
    const other = await h.app.inject({ url: '/enterprise/subscribers', headers: acme.auth });
    expect(again.res.headers['content-type']).toBe(other.headers['content-type']);
  });

  it('keeps pages apart by what shapes them: embedded parts, filters, cursor', async () => {
    const plain = await h.app.inject({ url: PAGE, headers: acme.auth });
    expect(plain.json()._embedded.subscriptions[0]._embedded).toBeUndefined();
    const small = await h.app.inject({ url: '/enterprise/subscriptions?limit=1', headers: acme.auth });
    expect(small.json()._embedded.subscriptions).toHaveLength(1);
    const next = await h.app.inject({ url: small.json()._links.next.href, headers: acme.auth });
    expect(next.json()._embedded.subscriptions[0].id).not.toBe(small.json()._embedded.subscriptions[0].id);
    const suspended = await h.app.inject({ url: `${PAGE}&status=suspended`, headers: acme.auth });
    expect(suspended.json()._embedded.subscriptions).toEqual([]);
  });

  it('sees a committed change to the organization on the next reads', async () => {
    const id = acmeSubs[0].subscription.id;
    await eventually(async () => (await page(acme)).cached);
    await h.platform.db.transaction((tx) => suspendSubscription(tx, acme.organizationId, id, 'temporary', new Date()));
    await eventually(async () => (await page(acme)).statusOf(id) === 'suspended');
    await h.platform.db.execute(sql`UPDATE subscribers SET last_name = 'Renamed' WHERE id = ${acmeSubs[1].subscriberId}`);
    await eventually(async () => (await page(acme)).subscriptions.some((s) => s.id === acmeSubs[1].subscription.id && s._embedded.subscriber.last_name === 'Renamed'));
  });

  it('shows a subscription an order adds on the next read of every page it belongs on', async () => {
    const small = '/enterprise/subscriptions?limit=2';
    await eventually(async () => (await page(acme)).cached && (await page(acme, small)).cached);
    const second = (await page(acme, small)).res.json()._links.next.href as string;
    await eventually(async () => (await page(acme, second)).cached);
    const secondIds = (await page(acme, second)).subscriptions.map((s) => s.id);
    // Placed as the API places it, but not through it: a client's own write would drop the pages itself.
    const ctx = { db: h.platform.db, queue: h.platform.queue, templates: h.platform.templates };
    const order = await placeOrder(ctx, acme.organizationId, {
      type: 'activate_subscription',
      accountId: acmeSetup.account.id,
      templateId: acmeSetup.template.id,
      subscriber: { firstName: 'Grace', lastName: 'Hopper', email: 'grace.pages@acme.example' },
      simProfile: { simType: 'esim', delivery: { type: 'api' } },
    });
    const id = await until('the activation is still pending', async () => {
      const row = await getOrder(h.platform.db, acme.organizationId, order.id);
      return row.status === 'completed' ? row.subscriptionId : undefined;
    });
    expect((await page(acme)).statusOf(id)).toBe('active');
    expect((await page(acme, small)).statusOf(id)).toBe('active');
    // A page after the cursor is the same page: the new subscription is newer than its rows.
    expect((await page(acme, second)).subscriptions.map((s) => s.id)).toEqual(secondIds);
  });

  it("drops the organization's pages when one of its clients' writes is answered", async () => {
    await eventually(async () => (await page(acme)).cached);
    const placed = await h.app.inject({
      method: 'POST',
      url: '/enterprise/webhook-endpoints',
      headers: { ...acme.auth, 'idempotency-key': `page-cache-${Date.now()}` },
      payload: { url: 'https://example.com/hooks', description: 'a write' },
    });
    expect(placed.statusCode, placed.body).toBeLessThan(300);
    const before = h.platform.readCache.hits();
    await h.app.inject({ url: PAGE, headers: { ...acme.auth, ...EVERYTHING } });
    expect(h.platform.readCache.hits()).toBe(before);
  });

  it("never gives an organization another's page, and keeps its pages through another's change", async () => {
    const ours = await page(acme);
    const theirs = await page(globex);
    expect(theirs.cached).toBe(true);
    expect(theirs.subscriptions.map((s) => s.id).sort()).toEqual(globexSubs.map((s) => s.subscription.id).sort());
    expect(ours.subscriptions.map((s) => s.id)).not.toContain(globexSubs[0].subscription.id);
    await h.platform.db.transaction((tx) => suspendSubscription(tx, globex.organizationId, globexSubs[0].subscription.id, 'temporary', new Date()));
    await eventually(async () => (await page(globex)).statusOf(globexSubs[0].subscription.id) === 'suspended');
    expect((await page(acme)).cached).toBe(true);
  });

  it('reads every page anew with READ_CACHE_ENTRIES=0', async () => {
    const off = await startHarness({ READ_CACHE_ENTRIES: '0', WORKERS: 'off' });
    opened.push(off);
    const tenant = await off.tenant();
    const [line] = await subscriptionsFor(off.platform.db, tenant.organizationId, await catalog(off.platform.db, tenant.organizationId), 1);
    const first = await page(tenant, PAGE, off);
    expect(first.cached).toBe(false);
    expect(first.statusOf(line.subscription.id)).toBe('active');
    await off.platform.db.transaction((tx) => suspendSubscription(tx, tenant.organizationId, line.subscription.id, 'temporary', new Date()));
    expect((await page(tenant, PAGE, off)).statusOf(line.subscription.id)).toBe('suspended');
  });

  it.runIf(process.env.DATABASE_URL)('sees a change committed by another process over the same PostgreSQL', async () => {
    const second = await startHarness({ WORKERS: 'off' }, { DATABASE_URL: h.platform.config.databaseUrl! });
    opened.push(second);
    const id = acmeSubs[2].subscription.id;
    await eventually(async () => (await page(acme, PAGE, second)).cached);
    await h.platform.db.transaction((tx) => suspendSubscription(tx, acme.organizationId, id, 'temporary', new Date()));
    await eventually(async () => (await page(acme, PAGE, second)).statusOf(id) === 'suspended');
  });
});
