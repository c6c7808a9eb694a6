import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';
import { suspendSubscription } from '../../src/domain/subscriptions/provisioning.ts';
import { TenantCache } from '../../src/domain/tenant-cache.ts';
import type { Database } from '../../src/db/database.ts';
import { until } from '../support/wait.ts';

let h: Harness;
let acme: Tenant;
let globex: Tenant;
let acmeSetup: Awaited<ReturnType<typeof catalog>>;
let acmeSubs: Awaited<ReturnType<typeof subscriptionsFor>>;
let globexSubs: Awaited<ReturnType<typeof subscriptionsFor>>;

beforeAll(async () => {
  h = await startHarness();
  acme = await h.tenant();
  globex = await h.tenant();
  acmeSetup = await catalog(h.platform.db, acme.organizationId);
  acmeSubs = await subscriptionsFor(h.platform.db, acme.organizationId, acmeSetup, 2);
  globexSubs = await subscriptionsFor(h.platform.db, globex.organizationId, await catalog(h.platform.db, globex.organizationId), 1);
});
afterAll(() => h.close());

/**
 * Reads a subscription a few times and answers the fewest queries a read cost: the rate
 * limiter's shared counters are flushed through the same handle in the background.
 */
const read = async (tenant: Tenant, id: string) => {
  let fewest = { status: '', queries: Infinity };
  for (let i = 0; i < 3; i++) {
    const before = h.platform.database.queryCount();
    const res = await h.app.inject({ url: `/enterprise/subscriptions/${id}`, headers: tenant.auth });
    const queries = h.platform.database.queryCount() - before;
    if (queries < fewest.queries) fewest = { status: res.json().status as string, queries };
  }
  return fewest;
};

const eventually = (check: () => Promise<boolean>) => until('the cached read never showed it', check);

describe('read cache', () => {
  it('answers a repeated read without a query, and sees a committed change', async () => {
    const id = acmeSubs[0].subscription.id;
    await read(acme, id);
    expect(await read(acme, id)).toEqual({ status: 'active', queries: 0 });
    await h.platform.db.transaction((tx) => suspendSubscription(tx, acme.organizationId, id, 'temporary', new Date()));
    await eventually(async () => (await read(acme, id)).status === 'suspended');
  });

  it("keeps one organization's cached reads when another organization changes", async () => {
    const id = acmeSubs[1].subscription.id;
    await read(acme, id);
    await h.platform.db.transaction((tx) => suspendSubscription(tx, globex.organizationId, globexSubs[0].subscription.id, 'temporary', new Date()));
    await eventually(async () => (await read(globex, globexSubs[0].subscription.id)).status === 'suspended');
    expect((await read(acme, id)).queries).toBe(0);
  });

  it('sees a committed change to each part of a cached subscription', async () => {
    const [sub] = await subscriptionsFor(h.platform.db, acme.organizationId, acmeSetup, 1);
    const id = sub.subscription.id;
    const everything = { prefer: 'transclude="account;subscriber;sim_profile;phone_numbers;services"' };
    const view = async () => {
      const before = h.platform.database.queryCount();
      const res = await h.app.inject({ url: `/enterprise/subscriptions/${id}`, headers: { ...acme.auth, ...everything } });
      return { parts: res.json()._embedded, queries: h.platform.database.queryCount() - before };
    };
    const changes: [string, () => Promise<unknown>, (parts: Record<string, any>) => boolean][] = [
      ['SIM profile', () => h.platform.db.execute(sql`UPDATE sim_profiles SET state = 'installed' WHERE iccid = ${sub.iccid}`), (p) => p.sim_profile.status === 'installed'],
      [
        'phone number',
        () => h.platform.db.execute(sql`UPDATE phone_numbers SET is_primary = false WHERE subscription_id = ${id}`),
        (p) => p.phone_numbers._embedded.phone_numbers[0].is_primary === false,
      ],
      [
        'service',
        () => h.platform.db.execute(sql`UPDATE services SET enabled = false WHERE subscription_id = ${id} AND type = 'data'`),
        (p) => p.services._embedded.services.some((s: { type: string; enabled: boolean }) => s.type === 'data' && !s.enabled),
      ],
      ['subscriber', () => h.platform.db.execute(sql`UPDATE subscribers SET last_name = 'Renamed' WHERE id = ${sub.subscriberId}`), (p) => p.subscriber.last_name === 'Renamed'],
      ['account', () => h.platform.db.execute(sql`UPDATE accounts SET name = 'Renamed Ltd' WHERE id = ${acmeSetup.account.id}`), (p) => p.account.name === 'Renamed Ltd'],
    ];
    for (const [part, change, seen] of changes) {
      await eventually(async () => (await view()).queries === 0);
      await change();
      await eventually(async () => seen((await view()).parts)).catch(() => {
        throw new Error(`a change to the ${part} was not seen`);
      });
    }
  });

  it("keeps an organization's cached reads through an activation, which changes none of them", async () => {
    const id = acmeSubs[1].subscription.id;
    await eventually(async () => (await read(acme, id)).queries === 0);
    await subscriptionsFor(h.platform.db, acme.organizationId, acmeSetup, 1);
    // Announcements arrive in commit order: once a later change of another organization
    // is seen, an announcement of the activation, were there one, has arrived too.
    const marker = globexSubs[0].subscription.id;
    const flipped = (await read(globex, marker)).status === 'active' ? 'suspended' : 'active';
    await h.platform.db.execute(sql`UPDATE subscriptions SET status = ${flipped} WHERE id = ${marker}`);
    await eventually(async () => (await read(globex, marker)).status === flipped);
    expect((await read(acme, id)).queries).toBe(0);
  });

  it("announces activations finished together in one statement, which drops each organization's entries in every process", async () => {
    const other = new TenantCache<string>({ maxEntries: 10, ttlMs: 60_000, maxWeight: Infinity }); // another process's cache
    await other.follow(h.platform.database);
    const heard: string[] = [];
    const listener = await h.platform.database.listen(
      'tenant_changes',
      (org) => void heard.push(org),
      () => {},
    );
    /** Everything announced before it has arrived once this marker has (notifications arrive in commit order). */
    const allArrived = async (marker: string) => {
      await h.platform.db.execute(sql`SELECT pg_notify('tenant_changes', ${marker})`).then(() => {});
      await eventually(async () => heard.includes(marker));
    };
    const calls: string[] = [];
    let called = () => {};
    const db = {
      execute: (query: Parameters<typeof h.platform.db.execute>[0]) => {
        calls.push('announce');
        called();
        return h.platform.db.execute(query);
      },
    } as unknown as typeof h.platform.db;
    const cached = async (org: string) => (await other.get(org, 'k', async (): Promise<string> => 'fresh')) === 'cached';
    try {
      for (const org of [acme.organizationId, globex.organizationId]) await other.get(org, 'k', async () => 'cached');
      const cache = new TenantCache<string>({ maxEntries: 10, ttlMs: 60_000, maxWeight: Infinity });
      await Promise.all([cache.announce(db, acme.organizationId), cache.announce(db, globex.organizationId), cache.announce(db, acme.organizationId)]);
      expect(calls).toHaveLength(1);
      await allArrived('marker-1');
      // Each organization is announced once: the statement ran once.
      expect(heard.filter((org) => org !== 'marker-1').sort()).toEqual([acme.organizationId, globex.organizationId].sort());
      await eventually(async () => !(await cached(acme.organizationId)) && !(await cached(globex.organizationId)));

      // Those announced while one is on its way go out together, next.
      const onItsWay = new Promise<void>((resolve) => (called = resolve));
      const first = cache.announce(db, acme.organizationId);
      await onItsWay;
      const next = [cache.announce(db, globex.organizationId), cache.announce(db, acme.organizationId)];
      await Promise.all([first, ...next]);
      expect(calls).toHaveLength(3);
    } finally {
      await listener.close();
      await other.close();
    }
  });

  it.runIf(process.env.DATABASE_URL)('bypasses the cache while the listening connection is down, then recovers', async () => {
    const id = acmeSubs[1].subscription.id;
    await read(acme, id);
    await h.platform.db.execute(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN tenant_changes' AND datname = current_database()`);
    await eventually(async () => (await read(acme, id)).queries > 0);
    await eventually(async () => (await read(acme, id)).queries === 0);
  });
});

describe('TenantCache', () => {
  function fakeDatabase() {
    const feed = { notify: (_org: string) => {}, reset: () => {}, healthy: true };
    const database = {
      listen: async (_channel: string, onNotify: (p: string) => void, onReset: () => void) => {
        feed.notify = onNotify;
        feed.reset = onReset;
        return { healthy: () => feed.healthy, close: async () => {} };
      },
    } as unknown as Database;
    return { database, feed };
  }

  it('does not store a read that a change overtook', async () => {
    const { database, feed } = fakeDatabase();
    const cache = new TenantCache<string>({ maxEntries: 10, ttlMs: 60_000, maxWeight: Infinity });
    await cache.follow(database);
    let loads = 0;
    const slowLoad = async () => {
      loads++;
      feed.notify('org_a'); // the change commits while the read is in flight
      return 'old';
    };
    await cache.get('org_a', 'k', slowLoad);
    await cache.get('org_a', 'k', async () => {
      loads++;
      return 'new';
    });
    expect(loads).toBe(2);
    expect(await cache.get('org_a', 'k', async () => 'never')).toBe('new');
  });

  it('stores nothing while unhealthy and forgets everything on reset', async () => {
    const { database, feed } = fakeDatabase();
    const cache = new TenantCache<string>({ maxEntries: 10, ttlMs: 60_000, maxWeight: Infinity });
    await cache.follow(database);
    await cache.get('org_a', 'k', async () => 'v1');
    feed.reset();
    feed.healthy = false;
    expect(await cache.get('org_a', 'k', async () => 'v2')).toBe('v2');
    feed.healthy = true;
    expect(await cache.get('org_a', 'k', async () => 'v3')).toBe('v3');
    expect(await cache.get('org_a', 'k', async () => 'v4')).toBe('v3');
  });

  it('evicts the oldest entries past their weight, and stores nothing heavier than it', async () => {
    const { database } = fakeDatabase();
    const cache = new TenantCache<string>({ maxEntries: 10, ttlMs: 60_000, maxWeight: 5 });
    await cache.follow(database);
    const weigh = (v: string) => v.length;
    for (const k of ['aa', 'bb', 'cc']) await cache.get('org', k, async () => k, weigh);
    expect(await cache.get('org', 'aa', async () => 'reloaded', weigh)).toBe('reloaded');
    expect(await cache.get('org', 'cc', async () => 'again', weigh)).toBe('cc');
    await cache.get('org', 'big', async () => 'too heavy', weigh);
    expect(await cache.get('org', 'big', async () => 'loaded', weigh)).toBe('loaded');
  });

  it('evicts the oldest entry past its size, and is off at size 0', async () => {
    const { database } = fakeDatabase();
    const cache = new TenantCache<string>({ maxEntries: 2, ttlMs: 60_000, maxWeight: Infinity });
    await cache.follow(database);
    for (const k of ['a', 'b', 'c']) await cache.get('org', k, async () => k);
    expect(await cache.get('org', 'a', async () => 'reloaded')).toBe('reloaded');
    expect(await cache.get('org', 'c', async () => 'reloaded')).toBe('c');
    const off = new TenantCache<string>({ maxEntries: 0, ttlMs: 60_000, maxWeight: Infinity });
    await off.follow(database);
    await off.get('org', 'k', async () => 'v1');
    expect(await off.get('org', 'k', async () => 'v2')).toBe('v2');
  });
});
