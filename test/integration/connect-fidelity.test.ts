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
  await stockUp(h.platform.db, { sims: 12, numbers: 0 });
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
    expect(subscriptions.find((s: { activationDate: string }) => s.activationDate === activationDate)).toMatchObject({ status: 'PENDING', iccid });
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
    pricing_source: { currency: 'USD', source: 'catalogue' }, // cellhub's extension
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

  it('without either, prices in EUR, the default both tables give', async () => {
    for (const url of [`/connect-api/v1/products/${product}`, '/connect-api/v1/products']) {
      const res = await h.app.inject({ url, headers: printed() });
      expect(res.statusCode, res.body).toBe(200);
      const served = Array.isArray(res.json()) ? res.json()[0] : res.json();
      expect(served).toMatchObject({ pricing: { EUR: 39 }, pricing_source: { currency: 'EUR', source: 'catalogue' } });
    }
  });

  it("converts a price the product does not have with the operator's exchange rate, and says which", async () => {
    const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
    const rate = (from: string, to: string, value?: number) =>
      h.app.inject({
        method: value === undefined ? 'DELETE' : 'PUT',
        url: `/operator/exchange-rates/${from}/${to}`,
        headers: op,
        ...(value === undefined ? {} : { payload: { rate: value } }),
      });
    const priced = async (currency: string) => (await h.app.inject({ url: `/connect-api/v1/products/${product}?currency=${currency}`, headers: auth })).json();

    // No rate reaches GBP: a clear 400 naming the field and the currency.
    const none = await h.app.inject({ url: `/connect-api/v1/products/${product}?currency=GBP`, headers: auth });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toEqual({
      type: 'INVALID_REQUEST_PARAMS',
      messages: [`currency: product ${product} has no price in GBP, and no exchange rate converts EUR or USD to GBP (the operator sets rates)`],
    });
    const list = await h.app.inject({ url: '/connect-api/v1/products?targetCurrency=GBP', headers: auth });
    expect(list.json().messages[0]).toMatch(/^targetCurrency: product .* has no price in GBP/);

    // A rate from one of its currencies (EUR is taken before USD when both convert).
    const set = await rate('EUR', 'GBP', 0.86);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ from_currency: 'EUR', to_currency: 'GBP', rate: 0.86, set_at: expect.any(String) });
    expect((await rate('USD', 'GBP', 0.79)).statusCode).toBe(200);
    expect(await priced('GBP')).toMatchObject({
      pricing: { GBP: 33.54 },
      pricing_source: {
        currency: 'GBP',
        source: 'exchange_rate',
        from_currency: 'EUR',
        from_amount: 39,
        rate: 0.86,
        rate_set_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      },
    });
    // The rate converts back when the reverse is not set: CHF → EUR 1.05 prices EUR 39 at CHF 37.14.
    expect((await rate('CHF', 'EUR', 1.05)).statusCode).toBe(200);
    expect(await priced('CHF')).toMatchObject({ pricing: { CHF: 37.14 }, pricing_source: { from_currency: 'EUR', rate: 0.9523809524, inverse: true } });
    // The product's own price always wins over a rate.
    expect(await priced('USD')).toMatchObject({ pricing: { USD: 42 }, pricing_source: { source: 'catalogue' } });
    const rates = (await h.app.inject({ url: '/operator/exchange-rates', headers: op })).json();
    expect(rates.items.map((r: { from_currency: string; to_currency: string }) => `${r.from_currency}>${r.to_currency}`)).toEqual(['CHF>EUR', 'EUR>GBP', 'USD>GBP']);

    // An order may then be priced in GBP: a currency "supported by the client".
    const { iccid } = await newEsim();
    const topUp = await h.app.inject({
      method: 'POST',
      url: '/connect-api/v1/order',
      headers: auth,
      payload: { input: { operationType: 'TOPUP', esim: { iccid }, subscriptions: [{ product_id: product, price: 33.54, currency: 'GBP' }] } },
    });
    expect(topUp.statusCode, topUp.body).toBe(201);

    for (const [from, to] of [
      ['EUR', 'GBP'],
      ['USD', 'GBP'],
      ['CHF', 'EUR'],
    ])
      expect((await rate(from, to)).statusCode).toBe(204);
    expect((await rate('EUR', 'GBP')).statusCode).toBe(404);
    expect((await h.app.inject({ url: `/connect-api/v1/products/${product}?currency=GBP`, headers: auth })).statusCode).toBe(400);
    const refusedOrder = await h.app.inject({
      method: 'POST',
      url: '/connect-api/v1/order',
      headers: auth,
      payload: { input: { operationType: 'TOPUP', esim: { iccid }, subscriptions: [{ product_id: product, price: 33.54, currency: 'GBP' }] } },
    });
    expect(refusedOrder.json().messages).toEqual([
      `input.subscriptions[0].currency: product ${product} has no price in GBP, and no exchange rate converts EUR or USD to GBP (the operator sets rates)`,
    ]);
  });

  it('refuses a rate that is no rate, between codes that are no currencies, naming the field', async () => {
    const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
    const cases: [string, object, string][] = [
      ['/operator/exchange-rates/EURO/GBP', { rate: 1 }, 'from_currency: EURO is not an ISO 4217 currency code (e.g. EUR, USD)'],
      ['/operator/exchange-rates/EUR/XYZ', { rate: 1 }, 'to_currency: XYZ is not an ISO 4217 currency code (e.g. EUR, USD)'],
      ['/operator/exchange-rates/EUR/EUR', { rate: 1 }, 'to_currency: must differ from from_currency'],
      ['/operator/exchange-rates/EUR/GBP', { rate: 0 }, 'rate: must be > 0'],
      ['/operator/exchange-rates/EUR/GBP', { rate: 1e12 }, 'rate: must be more than 0 and less than 10000000000'],
    ];
    for (const [url, payload, message] of cases) {
      const res = await h.app.inject({ method: 'PUT', url, headers: op, payload });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().messages, url).toEqual([message]);
    }
  });

  it('refuses, on the default currency, a product no price or rate reaches, saying what to ask for', async () => {
    const usdOnly = (
      await createResellerProduct(h.platform.db, orgId, {
        name: 'USD only',
        period: 7,
        period_unit: 'DAYS',
        data: { value: 1, units: 'GB' },
        footprint: ['US'],
        pricing: { USD: 5 },
        region: 'americas',
        plan_id: 'usd-only',
      })
    ).id;
    const res = await h.app.inject({ url: `/connect-api/v1/products/${usdOnly}`, headers: auth });
    expect(res.statusCode).toBe(400);
    expect(res.json().messages).toEqual([
      `currency: product ${usdOnly} has no price in EUR (the default currency), and no exchange rate converts USD to EUR; ask for ?currency=USD, or have the operator set a rate`,
    ]);
    expect((await h.app.inject({ url: `/connect-api/v1/products/${usdOnly}?currency=USD`, headers: auth })).json().pricing).toEqual({ USD: 5 });
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
    const unknown = await h.app.inject({ url: `/connect-api/v1/products/${product}?targetCurrency=XYZ`, headers: auth });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toEqual({ type: 'INVALID_REQUEST_PARAMS', messages: ['targetCurrency: XYZ is not an ISO 4217 currency code (e.g. EUR, USD)'] });
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

describe('orders.md: a TOPUP\'s countryCode is "configurable"', () => {
  const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
  const settings = (org: string, payload?: object) =>
    h.app.inject({
      method: payload ? 'PATCH' : 'GET',
      url: `/operator/organizations/${org}/connect-settings`,
      headers: op,
      ...(payload ? { payload } : {}),
    });
  const topUp = (iccid: string, countryCode?: string) =>
    h.app.inject({
      method: 'POST',
      url: '/connect-api/v1/order',
      headers: auth,
      payload: { input: { operationType: 'TOPUP', ...(countryCode ? { countryCode } : {}), device: { id: 'd-1' }, esim: { iccid }, subscriptions: [{ product_id: product }] } },
    });

  it('is optional by default: a top-up without it is taken; a new eSIM always needs it', async () => {
    expect((await settings(orgId)).json()).toEqual({ organization_id: orgId, topup_requires_country_code: false, updated_at: null });
    const { iccid } = await newEsim();
    const res = await topUp(iccid);
    expect(res.statusCode, res.body).toBe(201);
    expect((await completed(res.json().id)).status).toBe('COMPLETED');
    const esim = await h.app.inject({
      method: 'POST',
      url: '/connect-api/v1/order',
      headers: auth,
      payload: { input: { operationType: 'NEW_ESIM', customer: { email: 'john@doe.com' }, device: { id: 'd-1', type: 'ios' }, subscriptions: [{ product_id: product }] } },
    });
    expect(esim.statusCode).toBe(400);
    expect(esim.json()).toEqual({ type: 'INVALID_REQUEST_PARAMS', messages: ['input.countryCode: is required for a NEW_ESIM'] });
    // Given, it must be a country (not only two capitals).
    const nowhere = await topUp(iccid, 'ZZ');
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().messages).toEqual(['input.countryCode: ZZ is not an ISO 3166-1 alpha-2 country code']);
  });

  it('is required of a reseller the operator configured so, and of no other', async () => {
    const { iccid } = await newEsim();
    const on = await settings(orgId, { topup_requires_country_code: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toEqual({ organization_id: orgId, topup_requires_country_code: true, updated_at: expect.any(String) });
    expect((await settings(orgId)).json()).toEqual(on.json());
    const refused = await topUp(iccid);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({ type: 'INVALID_REQUEST_PARAMS', messages: ["input.countryCode: is required for a TOPUP by this reseller's settings"] });
    // orders.md's own top-up sends it: taken.
    expect((await topUp(iccid, 'PT')).statusCode).toBe(201);
    // Another reseller keeps the default.
    const other = await createOrganization(h.platform.db, { name: 'Default Shop', licences: [] });
    expect((await settings(other.id)).json().topup_requires_country_code).toBe(false);
    // Off again: taken without it.
    expect((await settings(orgId, { topup_requires_country_code: false })).json().topup_requires_country_code).toBe(false);
    expect((await topUp(iccid)).statusCode).toBe(201);
  });

  it('refuses a setting that is no setting, naming the field; an unknown reseller is not found', async () => {
    const wrong = await settings(orgId, { topup_requires_country_code: 'yes' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().messages[0]).toMatch(/^topup_requires_country_code: /);
    const unknown = await settings(orgId, { require_country: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().messages[0]).toMatch(/^require_country: /);
    expect((await settings('org_01JBCG33BC2PS4J76JN685GN56')).statusCode).toBe(404);
  });
});
