// Connect as the provider's pages print it (issue 14): each request below is the page's
// example replayed literally (only ids, which the pages mask or invent, and dates, which
// the pages set in the past, are ours), and each answer is compared with the page's
// example. Pages: /work/shared/reference/connect-api-docs/source/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchToken, OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { stockUp } from '../support/fixtures.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { createResellerProduct } from '../../src/domain/catalog/reseller-products.service.ts';
import { until } from '../support/wait.ts';
import { LICENCES } from '../../src/auth/licences.ts';

let h: Harness;
let auth: { authorization: string };
let manager: { authorization: string };
let product: string;
let orgId: string;
const DAY = 86_400_000;

/** The headers every example of the pages sends. */
const printed = () => ({
  ...auth,
  'cache-control': 'no-cache',
  'content-type': 'application/json',
  'x-correlation-id': 'unique-id-from-requester-123',
});

beforeAll(async () => {
  h = await startHarness();
  await stockUp(h.platform.db, { sims: 4, numbers: 0 });
  const org = await createOrganization(h.platform.db, { name: 'Pages Shop', licences: [] });
  orgId = org.id;
  const { client, secret } = await createClient(h.platform.db, org.id, { name: 'shop', family: 'connect', role: 'RESELLER' });
  auth = { authorization: `Bearer ${await fetchToken(h.app, 'tru-staff', client.clientId, secret)}` };
  const am = await createClient(h.platform.db, org.id, { name: 'manager', family: 'connect', role: 'ACCOUNT_MANAGER' });
  manager = { authorization: `Bearer ${await fetchToken(h.app, 'tru-staff', am.client.clientId, am.secret)}` };
  product = (
    await createResellerProduct(h.platform.db, org.id, {
      name: 'PrePaid Data 3GB 30-Day',
      description: 'PrePaid Data 3GB 30-Day',
      period: 30,
      period_unit: 'DAYS',
      data: { value: 3, units: 'GB' },
      footprint: ['AG', 'VN'],
      pricing: { USD: 42, EUR: 39 },
      region: 'TIER1',
    })
  ).id;
});
afterAll(() => h.close());

/** A RESELLER client of another organization, which must never see or touch this one's. */
async function otherReseller() {
  const other = await createOrganization(h.platform.db, { name: 'Other Shop', licences: [] });
  const { client, secret } = await createClient(h.platform.db, other.id, { name: 'other', family: 'connect', role: 'RESELLER' });
  return { authorization: `Bearer ${await fetchToken(h.app, 'tru-staff', client.clientId, secret)}` };
}

function completed(id: string) {
  return until(`order ${id} never finished`, async () => {
    const order = (await h.app.inject({ url: `/connect-api/v1/order/${id}`, headers: auth })).json();
    return (order.status === 'COMPLETED' || order.status === 'FAILED') && order;
  });
}

async function newEsim(): Promise<{ iccid: string; subscription_id: string }> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/connect-api/v1/order',
    headers: auth,
    payload: {
      input: { operationType: 'NEW_ESIM', countryCode: 'PT', customer: { email: 'john@doe.com' }, device: { id: 'd-1', type: 'ios' }, subscriptions: [{ product_id: product }] },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const done = await completed(res.json().id);
  expect(done.status).toBe('COMPLETED');
  return done.output;
}

describe('orders.md, "Top up": operationType TOPUP_ACTIVATION (deprecated)', () => {
  it('is ordered as a TOPUP', async () => {
    const { iccid } = await newEsim();
    const activationDate = new Date(Date.now() + 2 * DAY).toISOString().replace(/\.\d+Z$/, 'Z');
    // orders.md's example body, as printed (its product, ICCID and 2019 date are stand-ins).
    const payload = `{
      	"input": {
            "operationType": "TOPUP_ACTIVATION",
            "countryCode": "PT",
            "device": {
                "id": "234frfa-ad36-45ab-8e2f-3423edaed3",
                "model": "iPhone",
                "type": "ios",
                "eid": "89049032004008882600019002596666"
            },
            "subscriptions": [{
      	        "product_id": "${product}",
      	        "activationDate": "${activationDate}",
      	        "price": 10,
      	        "currency": "USD"
      	    }],
      	    "esim": {
      	        "iccid": "${iccid}"
      	    }
      	}
      }`;
    const res = await h.app.inject({ method: 'POST', url: '/connect-api/v1/order', headers: printed(), payload });
    expect(res.statusCode, res.body).toBe(201);
    // The page's example response: {id, externalId, status: ACCEPTED}.
    expect(res.json()).toEqual({ id: expect.any(String), externalId: res.json().id, status: 'ACCEPTED' });
    const done = await completed(res.json().id);
    expect(done).toMatchObject({ status: 'COMPLETED', operationType: 'TOPUP', output: { iccid } });
    const subscriptions = (await h.app.inject({ url: `/connect-api/v1/sim/${iccid}/subscriptions`, headers: auth })).json();
    expect(subscriptions).toHaveLength(2);
    expect(subscriptions.find((s: { activationDate: string }) => s.activationDate === new Date(activationDate).toISOString())).toMatchObject({ status: 'PENDING', iccid });
  });
});

describe('trailing slashes, as the pages print them', () => {
  it('products.md, "Get the Product\'s Details": /v1/products/{id}/?currency=USD answers the product', async () => {
    const res = await h.app.inject({ url: `/connect-api/v1/products/${product}/?currency=USD`, headers: printed() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: product, name: 'PrePaid Data 3GB 30-Day', period: 30, period_unit: 'DAYS', region: 'TIER1' });
    expect(res.json()).toEqual((await h.app.inject({ url: `/connect-api/v1/products/${product}?currency=USD`, headers: printed() })).json());
  });

  it('are accepted on every route of both families, and the OpenAPI document lists each path once, without one', async () => {
    const enterprise = await h.tenant({ licences: [...LICENCES] });
    const doc = (await h.app.inject({ url: '/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/connect-api/') || p.startsWith('/enterprise/'));
    expect(paths.length).toBeGreaterThan(40);
    expect(Object.keys(doc.paths).filter((p) => p.endsWith('/'))).toEqual([]);
    for (const path of paths) {
      for (const method of Object.keys(doc.paths[path]).map((m) => m.toUpperCase())) {
        const url = `${path.replace('{type}', 'USAGE_THRESHOLD').replace(/\{[^}]+\}/g, 'x0')}/`;
        const headers = path.startsWith('/enterprise/') ? enterprise.auth : manager;
        const res = await h.app.inject({ method: method as 'GET', url, headers });
        expect(res.json().messages?.[0] ?? '', `${method} ${url}`).not.toMatch(/^no route/);
      }
    }
  });

  it('leave the not-found answer as it was', async () => {
    const res = await h.app.inject({ url: '/connect-api/v1/nothing-here/', headers: auth });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ type: 'NOT_FOUND', messages: ['no route GET /connect-api/v1/nothing-here/'] });
    expect((await h.app.inject({ url: '/enterprise/nothing-here/' })).statusCode).toBe(404);
  });
});

describe('deprecated URLs the pages still list', () => {
  const successor = (path: string) => new RegExp(`^<https?://[^/]+${path.replace(/[?]/g, '\\?')}>; rel="successor-version"$`);

  it('environments.md: the base URL /esim serves the family; GET /esim/v1/products answers as /connect-api/v1/products', async () => {
    const res = await h.app.inject({ url: '/esim/v1/products', headers: printed() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.deprecation).toBe('true');
    expect(res.headers.link).toMatch(successor('/connect-api/v1/products'));
    const current = await h.app.inject({ url: '/connect-api/v1/products', headers: printed() });
    expect(current.headers.deprecation).toBeUndefined();
    expect(res.json()).toEqual(current.json());
    expect(res.json()[0]).toMatchObject({ id: product, name: 'PrePaid Data 3GB 30-Day', period: 30, period_unit: 'DAYS', region: 'TIER1' });
    // The role matrix and the token hold there as on the current URLs.
    expect((await h.app.inject({ url: '/esim/v1/products' })).statusCode).toBe(401);
    expect((await h.app.inject({ url: '/esim/v1/customer', headers: auth })).statusCode).toBe(403);
  });

  it('subscriptions.md: GET /v1/status/subscriptions?iccid= answers as GET /v1/sim/{iccid}/subscriptions', async () => {
    const { iccid, subscription_id } = await newEsim();
    const res = await h.app.inject({ url: `/connect-api/v1/status/subscriptions?iccid=${iccid}`, headers: printed() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.deprecation).toBe('true');
    expect(res.headers.link).toMatch(successor(`/connect-api/v1/sim/${iccid}/subscriptions`));
    const current = await h.app.inject({ url: `/connect-api/v1/sim/${iccid}/subscriptions`, headers: printed() });
    expect(res.json()).toEqual(current.json());
    // The page's example: [{status, id, initialBalance, spentBalance, activationDate, expirationDate, createdDate, product{…}, iccid, device_id}].
    expect(res.json()).toEqual([
      expect.objectContaining({
        status: 'ACTIVE',
        id: subscription_id,
        initialBalance: String(3 * 1024 ** 3),
        spentBalance: '0',
        activationDate: expect.any(String),
        expirationDate: expect.any(String),
        createdDate: expect.any(String),
        product: expect.objectContaining({ id: product, name: 'PrePaid Data 3GB 30-Day', period: 30, period_unit: 'DAYS' }),
        iccid,
        device_id: 'd-1',
      }),
    ]);
    expect((await h.app.inject({ url: '/connect-api/v1/status/subscriptions?iccid=8944000000000000000', headers: auth })).statusCode).toBe(404);
    // Another organization's client is refused, as on the current URL.
    const stranger = await h.app.inject({ url: `/connect-api/v1/status/subscriptions?iccid=${iccid}`, headers: await otherReseller() });
    expect(stranger.statusCode, stranger.body).toBe(403);
  });

  it('subscriptions.md: POST /v1/status/subscription/{id}/activate activates as POST /v1/subscription/{id}/activate', async () => {
    const { iccid } = await newEsim();
    const later = new Date(Date.now() + 5 * DAY).toISOString();
    const topUp = await h.app.inject({
      method: 'POST',
      url: '/connect-api/v1/order',
      headers: auth,
      payload: { input: { operationType: 'TOPUP', countryCode: 'PT', esim: { iccid }, subscriptions: [{ product_id: product, activationDate: later }] } },
    });
    expect((await completed(topUp.json().id)).status).toBe('COMPLETED');
    const subscriptions = (await h.app.inject({ url: `/connect-api/v1/sim/${iccid}/subscriptions`, headers: auth })).json<{ id: string; status: string }[]>();
    const pending = subscriptions.find((s) => s.status === 'PENDING')!;
    // Another organization's client cannot activate it, and the subscription stays PENDING.
    const stranger = await h.app.inject({ method: 'POST', url: `/connect-api/v1/status/subscription/${encodeURIComponent(pending.id)}/activate`, headers: await otherReseller() });
    expect(stranger.statusCode, stranger.body).toBe(403);
    const still = (await h.app.inject({ url: `/connect-api/v1/sim/${iccid}/subscriptions`, headers: auth })).json<{ id: string; status: string }[]>();
    expect(still.find((s) => s.id === pending.id)!.status).toBe('PENDING');
    // The page's request: a POST with Content-Type application/json and no body.
    const res = await h.app.inject({ method: 'POST', url: `/connect-api/v1/status/subscription/${encodeURIComponent(pending.id)}/activate`, headers: printed() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.deprecation).toBe('true');
    expect(res.headers.link).toMatch(successor(`/connect-api/v1/subscription/${encodeURIComponent(pending.id)}/activate`));
    expect(res.json()).toMatchObject({ id: pending.id, status: 'ACTIVE', iccid });
  });

  it('are marked deprecated in the OpenAPI document; the current URLs are not', async () => {
    const doc = (await h.app.inject({ url: '/openapi.json' })).json<{ paths: Record<string, Record<string, { deprecated?: boolean }>> }>();
    const deprecated = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.deprecated)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(deprecated).toContain('GET /esim/v1/products');
    expect(deprecated).toContain('GET /connect-api/v1/status/subscriptions');
    expect(deprecated).toContain('POST /connect-api/v1/status/subscription/{id}/activate');
    expect(deprecated.filter((r) => r.includes('/connect-api/')).sort()).toEqual([
      'GET /connect-api/v1/status/subscriptions',
      'POST /connect-api/v1/status/subscription/{id}/activate',
    ]);
    const esim = Object.keys(doc.paths).filter((p) => p.startsWith('/esim/'));
    const connect = Object.keys(doc.paths).filter((p) => p.startsWith('/connect-api/'));
    expect(esim.sort()).toEqual(connect.map((p) => p.replace('/connect-api/', '/esim/')).sort());
    expect(esim.flatMap((p) => Object.values(doc.paths[p])).every((op) => op.deprecated)).toBe(true);
  });
});

describe('products.md: the currency of the prices', () => {
  // products.md's example response, with our product's id.
  const example = () => ({
    id: product,
    name: 'PrePaid Data 3GB 30-Day',
    description: 'PrePaid Data 3GB 30-Day',
    period: 30,
    period_unit: 'DAYS',
    data: { value: 3, units: 'GB' },
    footprint: ['AG', 'VN'],
    activeCountries: ['ALL'],
    pricing: { USD: 42.0 },
    region: 'TIER1',
    plan_id: 'default',
  });

  it('"Get the Product Catalog": ?currency=USD, as the example sends it, prices in USD', async () => {
    const res = await h.app.inject({ url: '/connect-api/v1/products?currency=USD', headers: printed() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([example()]);
  });

  it('?targetCurrency=USD, as the parameter table names it, answers the same', async () => {
    const res = await h.app.inject({ url: '/connect-api/v1/products?targetCurrency=USD', headers: printed() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([example()]);
    expect((await h.app.inject({ url: '/connect-api/v1/products?targetCurrency=USD&currency=USD', headers: auth })).json()).toEqual([example()]);
    expect((await h.app.inject({ url: `/connect-api/v1/product/${product}?targetCurrency=EUR`, headers: auth })).json().pricing).toEqual({ EUR: 39 });
  });

  it('"Get the Product\'s Details": /v1/products/{id}/?currency=USD prices in USD', async () => {
    const res = await h.app.inject({ url: `/connect-api/v1/products/${product}/?currency=USD`, headers: printed() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(example());
  });

  it('without either, shows every price; a currency the product is not sold in leaves pricing empty', async () => {
    expect((await h.app.inject({ url: `/connect-api/v1/products/${product}`, headers: auth })).json().pricing).toEqual({ USD: 42, EUR: 39 });
    expect((await h.app.inject({ url: `/connect-api/v1/products/${product}?currency=GBP`, headers: auth })).json().pricing).toEqual({});
  });

  it('refuses the two names disagreeing, or a currency that is no ISO 4217 code, naming the field', async () => {
    for (const url of ['/connect-api/v1/products?currency=USD&targetCurrency=EUR', `/connect-api/v1/products/${product}?targetCurrency=EUR&currency=USD`]) {
      const res = await h.app.inject({ url, headers: auth });
      expect(res.statusCode, url).toBe(400);
      expect(res.json()).toEqual({ type: 'INVALID_REQUEST_PARAMS', messages: ['targetCurrency: and currency name the same thing; give one'] });
    }
    const bad = await h.app.inject({ url: '/connect-api/v1/products?currency=usd', headers: auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().messages[0]).toMatch(/^currency/);
  });
});

describe('data.unit (products.md) and data.units (seed 002)', () => {
  const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
  const body = (data: object) => ({ name: 'Units', period: 7, period_unit: 'DAYS', data, footprint: ['PT'], pricing: { EUR: 1 }, region: 'europe', plan_id: 'units' });
  const add = (data: object) => h.app.inject({ method: 'POST', url: `/operator/organizations/${orgId}/connect-products`, headers: op, payload: body(data) });

  it("a product is served with the seed's data.units, however the operator spelled it", async () => {
    for (const data of [
      { value: 500, units: 'MB' },
      { value: 500, unit: 'MB' },
      { value: 500, unit: 'MB', units: 'MB' },
    ]) {
      const res = await add(data);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().data).toEqual({ value: 500, units: 'MB' });
      const served = (await h.app.inject({ url: `/connect-api/v1/products/${res.json().id}`, headers: auth })).json();
      expect(served.data).toEqual({ value: 500, units: 'MB' });
    }
  });

  it('refuses the two spellings disagreeing, or neither, naming the field', async () => {
    const both = await add({ value: 1, unit: 'GB', units: 'MB' });
    expect(both.statusCode).toBe(400);
    expect(both.json().messages).toEqual(['data.unit: and data.units name the same thing; give one']);
    const neither = await add({ value: 1 });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().messages).toEqual(['data.units: is required']);
    const wrong = await add({ value: 1, unit: 'TB' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().messages[0]).toMatch(/^data\.unit: must be one of MB, GB/);
  });
});
