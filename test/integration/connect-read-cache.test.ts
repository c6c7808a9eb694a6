// The read cache of a Connect SIM's subscriptions (GET /v1/sim/{iccid}/subscriptions):
// a repeated read costs no query, a client's own write is seen by its very next read,
// every committed change to what the page shows is seen, and a cached page never
// reaches another organization or another customer's account manager.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { fetchToken, startHarness, type Harness } from '../support/harness.ts';
import { stockUp } from '../support/fixtures.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { createResellerProduct } from '../../src/domain/catalog/reseller-products.service.ts';
import { getConnectOrder, placeConnectOrder, type PlaceConnectOrder } from '../../src/domain/orders/connect-orders.service.ts';
import { until } from '../support/wait.ts';
import { READ_CACHE_TTL_MS } from '../../src/platform.ts';

let h: Harness;
let shop: { org: string; auth: { authorization: string }; product: string };
let rival: { authorization: string };
let manager: { authorization: string };
const DAY = 86_400_000;

async function reseller(name: string, role: 'RESELLER' | 'ACCOUNT_MANAGER' = 'RESELLER', organizationId?: string) {
  const org = organizationId ?? (await createOrganization(h.platform.db, { name, licences: [] })).id;
  const { client, secret } = await createClient(h.platform.db, org, { name, family: 'connect', role });
  return { org, auth: { authorization: `Bearer ${await fetchToken(h.app, 'tru-staff', client.clientId, secret)}` } };
}

beforeAll(async () => {
  h = await startHarness();
  await stockUp(h.platform.db, { sims: 6, numbers: 0 });
  const own = await reseller('Cached Shop');
  const product = await createResellerProduct(h.platform.db, own.org, {
    name: 'Europe 1 GB',
    period: 30,
    period_unit: 'DAYS',
    data: { value: 1, units: 'GB' },
    footprint: ['FR', 'DE'],
    pricing: { EUR: 5 },
    region: 'europe',
  });
  shop = { ...own, product: product.id };
  rival = (await reseller('Rival Shop')).auth;
  manager = (await reseller('manager', 'ACCOUNT_MANAGER', own.org)).auth;
});
afterAll(() => h.close());

/** Ordered on the operator's side, as the workers would: no write of the client's, so only the announcement tells the cache. */
async function ordered(input: PlaceConnectOrder): Promise<string> {
  const order = await placeConnectOrder(h.platform, shop.org, input);
  await until(`order ${order.id} never completed`, async () => (await getConnectOrder(h.platform.db, shop.org, order.id)).status === 'COMPLETED');
  return ((await getConnectOrder(h.platform.db, shop.org, order.id)).output as { iccid: string }).iccid;
}

const newEsim = () =>
  ordered({
    operationType: 'NEW_ESIM',
    countryCode: 'FR',
    customer: { email: 'traveller@example.com' },
    device: { id: 'device-1', type: 'ios' },
    subscriptions: [{ productId: shop.product }],
  });

interface Subscription {
  id: string;
  status: string;
  spentBalance: string;
  device_id: string | null;
  product: { name: string };
}

/** The page once, and the queries it cost. */
async function readOnce(auth: Record<string, string>, iccid: string) {
  const before = h.platform.database.queryCount();
  const res = await h.app.inject({ url: `/connect-api/v1/sim/${iccid}/subscriptions`, headers: auth });
  return { res, queries: h.platform.database.queryCount() - before };
}

/** The page a few times, with the fewest queries a read cost: the rate limiter's counters are flushed through the same handle in the background. */
async function read(iccid: string, auth: Record<string, string> = shop.auth) {
  let fewest = Infinity;
  let page: Subscription[] = [];
  for (let i = 0; i < 3; i++) {
    const { res, queries } = await readOnce(auth, iccid);
    expect(res.statusCode, res.body).toBe(200);
    page = res.json();
    fewest = Math.min(fewest, queries);
  }
  return { page, queries: fewest };
}

/**
 * Waits for a change to show, but not as long as an entry lives: a change the cache was
 * not told of would show once its entry expired, and this must then fail.
 */
async function seen(what: string, check: () => Promise<boolean>) {
  const start = Date.now();
  // Every 100 ms: the client's rate limit (1,000 a minute) must outlast the wait.
  await until(
    `a change of the ${what} was never seen`,
    async () => {
      if (Date.now() - start > READ_CACHE_TTL_MS / 3) throw new Error(`a change of the ${what} was not seen before the cached page would have expired`);
      return check();
    },
    100,
  );
}

const cached = (iccid: string) => until('the page was never answered from the cache', async () => (await read(iccid)).queries === 0);

describe("a Connect SIM's subscriptions, cached", () => {
  it('answers a repeated read without a query', async () => {
    const iccid = await newEsim();
    await read(iccid);
    expect((await read(iccid)).queries).toBe(0);
  });

  it("shows a client's own write on its very next read", async () => {
    const iccid = await newEsim();
    const later = new Date(Date.now() + 5 * DAY).toISOString();
    await ordered({ operationType: 'TOPUP', iccid, subscriptions: [{ productId: shop.product, activationDate: later }] });
    await cached(iccid);
    const pending = (await read(iccid)).page.find((s) => s.status === 'PENDING')!;
    const activated = await h.app.inject({ method: 'POST', url: `/connect-api/v1/subscription/${encodeURIComponent(pending.id)}/activate`, headers: shop.auth });
    expect(activated.statusCode, activated.body).toBe(200);
    // No waiting: the answer to the write left after the cache forgot the organization's pages.
    const { res } = await readOnce(shop.auth, iccid);
    expect(res.json().find((s: Subscription) => s.id === pending.id).status).toBe('ACTIVE');
  });

  it('sees every committed change to what the page shows', async () => {
    const iccid = await newEsim();
    const changes: [string, () => Promise<unknown>, (page: Subscription[]) => boolean][] = [
      ['balance', () => h.platform.db.execute(sql`UPDATE connect_subscriptions SET spent_balance = 1234 WHERE iccid = ${iccid}`), (p) => p[0].spentBalance === '1234'],
      ['top-up', () => ordered({ operationType: 'TOPUP', iccid, subscriptions: [{ productId: shop.product }] }), (p) => p.length === 2],
      ['device', () => h.platform.db.execute(sql`UPDATE connect_sims SET device_id = 'device-2' WHERE iccid = ${iccid}`), (p) => p.every((s) => s.device_id === 'device-2')],
      [
        'product',
        () => h.platform.db.execute(sql`UPDATE connect_products SET name = 'Europe 1 GB, renamed' WHERE id = ${shop.product}`),
        (p) => p[0].product.name === 'Europe 1 GB, renamed',
      ],
      ['expiry', () => h.platform.db.execute(sql`UPDATE connect_subscriptions SET status = 'EXPIRED' WHERE iccid = ${iccid}`), (p) => p.every((s) => s.status === 'EXPIRED')],
    ];
    for (const [what, change, shows] of changes) {
      await cached(iccid);
      await change();
      await seen(what, async () => shows((await readOnce(shop.auth, iccid)).res.json()));
    }
  });

  it("never answers another organization or another customer's account manager from the cache", async () => {
    const iccid = await newEsim();
    await cached(iccid);
    const stranger = await h.app.inject({ url: `/connect-api/v1/sim/${iccid}/subscriptions`, headers: rival });
    expect(stranger.statusCode, stranger.body).toBe(403);
    expect(stranger.json().type).toBe('ACCESS_DENIED');
    // The shop's account manager has no customer yet: the SIM is outside its scope.
    const outside = await h.app.inject({ url: `/connect-api/v1/sim/${iccid}/subscriptions`, headers: manager });
    expect(outside.statusCode, outside.body).toBe(403);
  });
});
