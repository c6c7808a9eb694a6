// Reads from a streaming replica (DATABASE_REPLICA_URL): list pages (Enterprise and Connect) and usage items come
// from the replica, single reads and a client's reads after its own write from the
// primary; a replica too far behind or down is passed over for the primary; and the
// usage freshness marker says how far the replica's replay has come. Replay is paused
// on the replica (pg_wal_replay_pause) to tell the two copies apart.
//
// Needs PostgreSQL (DATABASE_URL) and a streaming replica of it (TEST_REPLICA_URL, any
// database name: each test's database is named in it). CI starts one and sets
// REQUIRE_REPLICA=1, so these tests cannot quietly skip there.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { externalDatabase, fetchToken, OPERATOR_TOKEN, startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { catalog, stockUp, subscriptionsFor } from '../support/fixtures.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createResellerProduct } from '../../src/domain/catalog/reseller-products.service.ts';
import { getConnectOrder, placeConnectOrder } from '../../src/domain/orders/connect-orders.service.ts';
import { freePort } from '../support/processes.ts';
import { until } from '../support/wait.ts';

const REPLICA = process.env.TEST_REPLICA_URL;
// CI starts a replica and sets REQUIRE_REPLICA, so on PostgreSQL these tests cannot quietly skip there.
const available = Boolean(process.env.DATABASE_URL) && (Boolean(REPLICA) || process.env.REQUIRE_REPLICA === '1');
const DAY = 86_400_000;

/** The replica's URL for the primary database `primaryUrl` names. */
function replicaOf(primaryUrl: string): string {
  const url = new URL(REPLICA!);
  url.pathname = new URL(primaryUrl).pathname;
  return url.toString();
}

/** Pauses or resumes WAL replay on the replica (a superuser's right). */
async function replay(action: 'pause' | 'resume') {
  const c = new pg.Client({ connectionString: REPLICA });
  await c.connect();
  try {
    await c.query(action === 'pause' ? 'SELECT pg_wal_replay_pause()' : 'SELECT pg_wal_replay_resume()');
  } finally {
    await c.end();
  }
}

describe.runIf(available)('reads from a streaming replica', () => {
  let target: Awaited<ReturnType<typeof externalDatabase>>;
  let h: Harness;
  let acme: Tenant;
  let setup: Awaited<ReturnType<typeof catalog>>;
  let lines: Awaited<ReturnType<typeof subscriptionsFor>>;
  const opened: Harness[] = [];

  /** A harness over the test's database with the replica (or `replicaUrl`) configured. */
  async function withReplica(env: Record<string, string> = {}, replicaUrl = replicaOf(target.env.DATABASE_URL)) {
    const harness = await startHarness({ DATABASE_REPLICA_URL: replicaUrl, REPLICA_STICKY_MS: '60000', ...env }, target.env);
    opened.push(harness);
    return harness;
  }
  const get = (on: Harness, url: string, auth: object, headers: object = {}) => on.app.inject({ url, headers: { ...auth, ...headers } });
  const ids = (body: { _embedded: Record<string, { id: string }[]> }, key: string) => body._embedded[key].map((x) => x.id);

  beforeAll(async () => {
    if (!REPLICA) throw new Error('REQUIRE_REPLICA=1, yet TEST_REPLICA_URL is unset');
    target = await externalDatabase();
    h = await withReplica({ REPLICA_MAX_LAG_MS: '600000' });
    acme = await h.tenant({ name: 'Acme' });
    setup = await catalog(h.platform.db, acme.organizationId, { sims: 6 });
    lines = await subscriptionsFor(h.platform.db, acme.organizationId, setup, 2, 'active', new Date(Date.now() - 20 * DAY));
    // The replica has replayed the test's database and what was just made.
    await until('the replica has not replayed the test database', async () => {
      const res = await get(h, '/enterprise/subscriptions', acme.auth);
      return res.headers['x-read-from'] === 'replica' && ids(res.json(), 'subscriptions').length === 2;
    });
  });
  afterEach(() => replay('resume'));
  afterAll(async () => {
    await replay('resume');
    for (const o of opened) {
      await o.app.close();
      await o.platform.close();
    }
    await target?.drop();
  });

  it('serves list pages from the replica, and single reads from the primary', async () => {
    await replay('pause');
    const [late] = await subscriptionsFor(h.platform.db, acme.organizationId, setup, 1);
    const list = await get(h, '/enterprise/subscriptions', acme.auth);
    expect(list.headers['x-read-from']).toBe('replica');
    expect(ids(list.json(), 'subscriptions')).not.toContain(late.subscription.id);
    expect((await get(h, `/enterprise/subscriptions/${late.subscription.id}`, acme.auth)).statusCode).toBe(200);
    // Asked for, the primary serves the list.
    const fresh = await get(h, '/enterprise/subscriptions', acme.auth, { 'x-read-from': 'primary' });
    expect(fresh.headers['x-read-from']).toBe('primary');
    expect(ids(fresh.json(), 'subscriptions')).toContain(late.subscription.id);
    // The primary's page, now cached, is not passed off as the replica's, nor the replica's as the primary's.
    const again = await get(h, '/enterprise/subscriptions', acme.auth);
    expect(again.headers['x-read-from']).toBe('replica');
    expect(ids(again.json(), 'subscriptions')).not.toContain(late.subscription.id);
    expect(ids((await get(h, '/enterprise/subscriptions', acme.auth, { 'x-read-from': 'primary' })).json(), 'subscriptions')).toContain(late.subscription.id);

    await replay('resume');
    await expect.poll(async () => ids((await get(h, '/enterprise/subscriptions', acme.auth)).json(), 'subscriptions')).toContain(late.subscription.id);
  });

  it('shows a client its own write at once, on the primary, while others read the replica', async () => {
    const other = await h.tenant({ name: 'Other' });
    const colleague = { authorization: `Bearer ${await clientToken(h, acme.organizationId)}` };
    await replay('pause');
    const placed = await h.app.inject({
      method: 'POST',
      url: '/enterprise/orders',
      headers: acme.auth,
      payload: { type: 'suspend_subscription', reason: 'temporary', account_id: setup.account.id, subscription_id: lines[0].subscription.id },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const own = await get(h, '/enterprise/orders', acme.auth);
    expect(own.headers['x-read-from']).toBe('primary');
    expect(ids(own.json(), 'orders')).toContain(placed.json().id);
    // Another client of the organization did not write: it reads the replica, which has not replayed the order yet.
    const theirs = await get(h, '/enterprise/orders', colleague);
    expect(theirs.headers['x-read-from']).toBe('replica');
    expect(ids(theirs.json(), 'orders')).not.toContain(placed.json().id);
    // And no organization sees another's list, on either copy.
    expect(ids((await get(h, '/enterprise/orders', other.auth)).json(), 'orders')).toEqual([]);
  });

  it('serves Connect list pages from the replica, single reads and a reseller after its own order from the primary', async () => {
    const reseller = async (name: string) => {
      const org = await createOrganization(h.platform.db, { name, licences: [] });
      const { client, secret } = await createClient(h.platform.db, org.id, { name: 'shop', family: 'connect', role: 'RESELLER' });
      const auth = { authorization: `Bearer ${await fetchToken(h.app, 'tru-staff', client.clientId, secret)}` };
      const product = await createResellerProduct(h.platform.db, org.id, {
        name: 'Europe 1 GB',
        period: 30,
        period_unit: 'DAYS',
        data: { value: 1, units: 'GB' },
        footprint: ['FR', 'DE'],
        pricing: { EUR: 5 },
        region: 'europe',
      });
      return { org: org.id, auth, product: product.id };
    };
    const shop = await reseller('Replica Shop');
    const rival = await reseller('Replica Rival');
    await stockUp(h.platform.db, { sims: 3, numbers: 0 });
    const connect = (auth: object, url: string, headers: object = {}) => get(h, `/connect-api${url}`, auth, headers);
    const orderIds = (res: { json: () => { id: string }[] }) => res.json().map((o) => o.id);
    // Ordered by the operator's side (not through the reseller's client), so the client has written nothing.
    const sold = async () => {
      const order = await placeConnectOrder(h.platform, shop.org, {
        operationType: 'NEW_ESIM',
        countryCode: 'FR',
        customer: { email: 'traveller@example.com' },
        device: { id: 'device-1', type: 'ios' },
        subscriptions: [{ productId: shop.product }],
      });
      await until('the Connect order never completed', async () => (await getConnectOrder(h.platform.db, shop.org, order.id)).status === 'COMPLETED');
      return { id: order.id, iccid: ((await getConnectOrder(h.platform.db, shop.org, order.id)).output as { iccid: string }).iccid };
    };
    const first = await sold();
    await until('the replica never replayed the first Connect order', async () => {
      const res = await connect(shop.auth, '/v1/order');
      return res.headers['x-read-from'] === 'replica' && orderIds(res).includes(first.id);
    });

    await replay('pause');
    const late = await sold();
    for (const url of ['/v1/order', '/v1/sim', '/v1/subscriptions', `/v1/sim/${first.iccid}/subscriptions`, '/v1/products']) {
      const res = await connect(shop.auth, url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      expect(res.headers['x-read-from'], url).toBe('replica');
    }
    expect(orderIds(await connect(shop.auth, '/v1/order'))).not.toContain(late.id);
    expect((await connect(shop.auth, '/v1/sim')).json().map((s: { id: string }) => s.id)).not.toContain(late.iccid);
    // A single read is the primary's; asked for, so is a list.
    expect((await connect(shop.auth, `/v1/order/${late.id}`)).statusCode).toBe(200);
    const fresh = await connect(shop.auth, '/v1/order', { 'x-read-from': 'primary' });
    expect(fresh.headers['x-read-from']).toBe('primary');
    expect(orderIds(fresh)).toContain(late.id);
    // The rival sees none of the shop's orders on either copy.
    expect(orderIds(await connect(rival.auth, '/v1/order'))).toEqual([]);
    expect(orderIds(await connect(rival.auth, '/v1/order', { 'x-read-from': 'primary' }))).toEqual([]);

    // The shop's own order through its client: its next list read is the primary's, and shows it.
    const own = await h.app.inject({
      method: 'POST',
      url: '/connect-api/v1/order',
      headers: shop.auth,
      payload: { input: { operationType: 'TOPUP', countryCode: 'FR', esim: { iccid: first.iccid }, subscriptions: [{ product_id: shop.product }] } },
    });
    expect(own.statusCode, own.body).toBe(201);
    const after = await connect(shop.auth, '/v1/order');
    expect(after.headers['x-read-from']).toBe('primary');
    expect(orderIds(after)).toEqual(expect.arrayContaining([late.id, own.json().id]));
  });

  it('reads the primary when the replica is further behind than REPLICA_MAX_LAG_MS', async () => {
    const strict = await withReplica({ REPLICA_MAX_LAG_MS: '300' });
    await expect.poll(async () => (await get(strict, '/enterprise/subscribers', acme.auth)).headers['x-read-from']).toBe('replica');
    await replay('pause');
    const [late] = await subscriptionsFor(h.platform.db, acme.organizationId, setup, 1);
    await expect.poll(async () => (await get(strict, '/enterprise/subscribers', acme.auth)).headers['x-read-from']).toBe('primary');
    const res = await get(strict, '/enterprise/subscribers', acme.auth);
    expect(ids(res.json(), 'subscribers')).toContain(late.subscriberId);
    expect((await strict.platform.reads.state())!.lagMs).toBeGreaterThan(300);
  });

  it('reads the primary when the replica is down', async () => {
    const closed = new URL(REPLICA!);
    closed.port = String(await freePort());
    const orphan = await withReplica({ REPLICA_MAX_LAG_MS: '600000' }, closed.toString());
    const res = await get(orphan, '/enterprise/usage/items', acme.auth);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-read-from']).toBe('primary');
    expect(await orphan.platform.reads.state()).toMatchObject({ up: false });
  });

  it('reports in usage_complete_until how far the replica has replayed', async () => {
    const ingest = (id: string) =>
      h.app.inject({
        method: 'POST',
        url: '/operator/usage/records',
        headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
        payload: {
          records: [
            {
              source_record_id: id,
              msisdn: lines[1].msisdns[0],
              type: 'voice',
              direction: 'outbound',
              location_country: 'GB',
              started_at: new Date(Date.now() - DAY).toISOString(),
              quantity: 30,
              unit: 'seconds',
            },
          ],
        },
      });
    expect((await ingest('replica-1')).json()).toMatchObject({ accepted: 1 });
    // A client that has written nothing (acme's client wrote above, so it reads the primary for a while).
    const reader = { authorization: `Bearer ${await clientToken(h, acme.organizationId)}` };
    const items = async (headers: object = {}) => (await get(h, '/enterprise/usage/items', reader, headers)).json();
    await expect.poll(async () => (await items()).usage_complete_until).toBe((await items({ 'x-read-from': 'primary' })).usage_complete_until);
    const before = (await items()).usage_complete_until;

    await replay('pause');
    expect((await ingest('replica-2')).json()).toMatchObject({ accepted: 1 });
    const primary = await items({ 'x-read-from': 'primary' });
    const replica = await items();
    expect(new Date(primary.usage_complete_until).getTime()).toBeGreaterThan(new Date(before).getTime());
    expect(replica.usage_complete_until).toBe(before);
    expect(replica._embedded.items).toHaveLength(1);
    expect(primary._embedded.items).toHaveLength(2);

    await replay('resume');
    await expect.poll(async () => (await items()).usage_complete_until).toBe(primary.usage_complete_until);
  });
});

/** A second client of the organization, which has written nothing. */
async function clientToken(h: Harness, organizationId: string): Promise<string> {
  const { client, secret } = await createClient(h.platform.db, organizationId, { name: 'colleague', family: 'enterprise', licences: ['orders', 'subscriptions', 'usage'] });
  return fetchToken(h.app, 'enterprise-apis', client.clientId, secret);
}
