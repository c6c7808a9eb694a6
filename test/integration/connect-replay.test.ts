// Keep it true: every documented example of the Connect pages
// (/work/shared/reference/connect-api-docs/source/) and of the Connect seed (seed 002)
// not already replayed elsewhere, replayed literally. Each request is sent as printed
// (its headers, its body as text), with only the host and the ids changed (the pages
// mask or invent them) and dates moved to the future where the pages set them in the
// past; each answer is compared field by field with the page's example: every field the
// page shows, with its value where the value is the page's to give (a status, a balance,
// a unit) and its format where it is ours (an id, a date), and the fields cellhub adds
// named. Where the pages disagree, the test says which reading cellhub serves (README,
// "Where the pages disagree").
//
// Replayed elsewhere: products.md and orders.md's top-up (connect-fidelity.test.ts),
// customer.md (connect-customers.test.ts), roles.md (connect-roles.test.ts), the
// bodiless requests with Content-Type: application/json (empty-body.test.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchToken, OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { stockUp } from '../support/fixtures.ts';
import { until } from '../support/wait.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { createResellerProduct } from '../../src/domain/catalog/reseller-products.service.ts';
import { placeConnectOrder } from '../../src/domain/orders/connect-orders.service.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';

let h: Harness;
const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
const DAY = 86_400_000;
const MB = 1024 ** 2;

/** A date as the pages print them: UTC, to the second. */
const PAGE_DATE = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
const UUID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
/** A date in the future, in the pages' format (theirs are in 2019, which an order refuses as past). */
const future = (days: number) => new Date(Date.now() + days * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface Shop {
  org: string;
  clientId: string;
  secret: string;
  auth: { authorization: string };
}

async function shop(name: string): Promise<Shop> {
  const org = await createOrganization(h.platform.db, { name, licences: [] });
  const { client, secret } = await createClient(h.platform.db, org.id, { name: 'shop', family: 'connect', role: 'RESELLER' });
  return { org: org.id, clientId: client.clientId, secret, auth: { authorization: `Bearer ${await fetchToken(h.app, 'tru-staff', client.clientId, secret)}` } };
}

/** The headers every curl example of the pages sends. */
const printed = (who: Shop) => ({
  ...who.auth,
  'cache-control': 'no-cache',
  'content-type': 'application/json',
  'x-correlation-id': 'unique-id-from-requester-123',
});

/** Seed 002 sends X-Correlation-Id (a UUID) and no Cache-Control. */
const seeded = (who: Shop) => ({ ...who.auth, 'content-type': 'application/json', 'x-correlation-id': '6d41c4ff-1877-4d13-82b0-7dad02c4b02a' });

const send = (who: Shop, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: string, headers: Record<string, string> = printed(who)) =>
  h.app.inject({ method, url: `/connect-api${url}`, headers, ...(payload === undefined ? {} : { payload }) });

function completed(who: Shop, id: string) {
  return until(`order ${id} never finished`, async () => {
    const order = (await send(who, 'GET', `/v1/order/${id}`)).json();
    return (order.status === 'COMPLETED' || order.status === 'FAILED') && order;
  });
}

async function order(who: Shop, body: object) {
  const res = await send(who, 'POST', '/v1/order', JSON.stringify(body));
  expect(res.statusCode, res.body).toBe(201);
  const done = await completed(who, res.json().id);
  expect(done.status, done.failureReason).toBe('COMPLETED');
  return done as { id: string; output: { iccid: string; matchingId?: string; smdpUrl?: string; subscription_id: string } };
}

const newEsim = (product: string, device: object = { id: '12345657', type: 'ios' }, subscriptions: object[] = [{ product_id: product }]) => ({
  input: { operationType: 'NEW_ESIM', countryCode: 'PT', customer: { email: 'john@doe.com' }, device, subscriptions },
});

/** Data used on a SIM, as the network's mediation reports it. */
async function use(iccid: string, bytes: number, id: string) {
  const at = new Date().toISOString();
  const res = await h.app.inject({
    method: 'POST',
    url: '/operator/usage/records',
    headers: op,
    payload: { records: [{ source_record_id: id, iccid, type: 'data', direction: 'outbound', location_country: 'FR', started_at: at, ended_at: at, quantity: bytes }] },
  });
  expect(res.json(), res.body).toMatchObject({ accepted: 1 });
}

// The products the pages' examples show, so their answers can be compared whole.
let pages: Shop;
/** subscriptions.md: "Prepaid data 30GB", initialBalance "314572800" (300 MB), one day from activation to expiration. */
let prepaid: string;
/** subscriptions.md's filter example: 15 days from activation to expiration. */
let tier2: string;
/** Seed 002's product, as its examples print it. */
let awesome: string;

let receiver: Server;
let hook: string;
const received: Record<string, unknown>[] = [];

beforeAll(async () => {
  h = await startHarness({ WEBHOOK_ALLOW_PRIVATE: '1', RATE_LIMIT_PER_MINUTE: '100000' });
  await stockUp(h.platform.db, { sims: 40, numbers: 0 });
  pages = await shop('Pages Replayed');
  const plan = { footprint: ['FR', 'PT'], region: 'TIER2', plan_id: 'TruphoneinternalPlan_Id' };
  prepaid = (
    await createResellerProduct(h.platform.db, pages.org, {
      ...plan,
      name: 'Prepaid data 30GB',
      period: 1,
      period_unit: 'DAYS',
      data: { value: 300, units: 'MB' },
      pricing: { EUR: 10 },
    })
  ).id;
  tier2 = (
    await createResellerProduct(h.platform.db, pages.org, {
      ...plan,
      name: '1GB 15-Day - Truphoneinternal - Tier2 Data Bundle',
      period: 15,
      period_unit: 'DAYS',
      data: { value: 1, units: 'GB' },
      pricing: { EUR: 10, USD: 10.99 },
    })
  ).id;
  awesome = (
    await createResellerProduct(h.platform.db, pages.org, {
      name: 'My awesome connectivity product',
      description: 'A more detailed description of my product',
      period: 365,
      period_unit: 'DAYS',
      data: { value: 10, units: 'MB' },
      footprint: ['US', 'GB', 'PT'],
      activeCountries: ['ALL'],
      pricing: { EUR: 10 },
      region: 'global',
    })
  ).id;
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notifications/handler`;
});
afterAll(async () => {
  receiver?.close();
  await h.close();
});

describe('authentication.md', () => {
  it('"Example using cURL": the client credentials in the form body get a token that the page\'s sed finds and the API takes', async () => {
    // curl -s --data "grant_type=client_credentials&client_id=…&client_secret=…" https://…/auth/realms/tru-staff/protocol/openid-connect/token
    const res = await h.app.inject({
      method: 'POST',
      url: '/auth/realms/tru-staff/protocol/openid-connect/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credentials&client_id=${pages.clientId}&client_secret=${pages.secret}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    // | sed 's/.*access_token":"\([^"]*\).*/\1/'
    const token = res.body.replace(/^.*access_token":"([^"]*).*$/, '$1');
    expect(token).toBe(res.json().access_token);
    // "the generated token should be valid for 5 minutes"
    expect(res.json()).toMatchObject({ token_type: 'Bearer', expires_in: 300, refresh_expires_in: 1800 });
    const api = await h.app.inject({ url: '/connect-api/v1/products', headers: { authorization: `Bearer ${token}` } });
    expect(api.statusCode, api.body).toBe(200);
  });

  it('"Refreshing the access token": the refresh token in the form body, with the client\'s credentials, gets a new pair', async () => {
    const first = (
      await h.app.inject({
        method: 'POST',
        url: '/auth/realms/tru-staff/protocol/openid-connect/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `grant_type=client_credentials&client_id=${pages.clientId}&client_secret=${pages.secret}`,
      })
    ).json();
    // The page writes <your_refresh_token>k: the "k" is a slip; the token is sent as it was received.
    const res = await h.app.inject({
      method: 'POST',
      url: '/auth/realms/tru-staff/protocol/openid-connect/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=refresh_token&refresh_token=${first.refresh_token}&client_id=${pages.clientId}&client_secret=${pages.secret}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    // "This call will give you an access token and a refresh token. The refresh token will be valid for 30 minutes."
    expect(res.json()).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), expires_in: 300, refresh_expires_in: 1800 });
    expect(res.body.replace(/^.*access_token":"([^"]*).*$/, '$1')).toBe(res.json().access_token);
  });
});

describe('conventions.md', () => {
  it('echoes X-Correlation-ID, and answers every error in the one model with the shared types', async () => {
    const ok = await send(pages, 'GET', '/v1/products');
    expect(ok.headers['x-correlation-id']).toBe('unique-id-from-requester-123');
    const cases: [string, Promise<{ statusCode: number; json: () => { type: string; messages: string[] } }>, number][] = [
      // "a syntax error in either the JSON body or one of the JSON fields such as dates"
      ['INVALID_HTTP_MESSAGE', send(pages, 'POST', '/v1/order', '{"input": {'), 400],
      // "missing required fields or invalid content like non existing currencies or countries"
      ['INVALID_REQUEST_PARAMS', send(pages, 'POST', '/v1/order', JSON.stringify(newEsim(prepaid, undefined, [{ product_id: prepaid, price: 10, currency: 'XYZ' }]))), 400],
      ['INVALID_REQUEST_PARAMS', send(pages, 'POST', '/v1/order', JSON.stringify({ input: { ...newEsim(prepaid).input, countryCode: 'ZZ' } })), 400],
      ['UNAUTHORISED', h.app.inject({ url: '/connect-api/v1/products', headers: { 'x-correlation-id': 'unique-id-from-requester-123' } }), 401],
    ];
    for (const [type, pending, status] of cases) {
      const res = await pending;
      expect(res.statusCode, type).toBe(status);
      expect(res.json()).toEqual({ type, messages: [expect.any(String)] });
    }
    const bad = (await send(pages, 'POST', '/v1/order', JSON.stringify(newEsim(prepaid, undefined, [{ product_id: prepaid, price: 10, currency: 'XYZ' }])))).json();
    expect(bad.messages).toEqual(['input.subscriptions[0].currency: XYZ is not an ISO 4217 currency code (e.g. EUR, USD)']);
    const country = (await send(pages, 'POST', '/v1/order', JSON.stringify({ input: { ...newEsim(prepaid).input, countryCode: 'ZZ' } }))).json();
    expect(country.messages).toEqual(['input.countryCode: ZZ is not an ISO 3166-1 alpha-2 country code']);
    // "ACCESS_DENIED (403) - … esim profiles or customer accounts from other clients"
    const { output } = await order(pages, newEsim(prepaid));
    const stranger = await shop('Stranger');
    const denied = await send(stranger, 'GET', `/v1/sim/${output.iccid}`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toEqual({ type: 'ACCESS_DENIED', messages: [expect.any(String)] });
  });
});

describe('seed 002: the product catalogue', () => {
  // Seed 002's example, with our id; no currency asked: EUR, the pages' default.
  const example = () => ({
    id: awesome,
    name: 'My awesome connectivity product',
    description: 'A more detailed description of my product',
    period: 365,
    period_unit: 'DAYS',
    data: { value: 10, units: 'MB' },
    footprint: ['US', 'GB', 'PT'],
    activeCountries: ['ALL'],
    pricing: { EUR: 10 },
    region: 'global',
    // cellhub's additions
    plan_id: 'default',
    pricing_source: { currency: 'EUR', source: 'catalogue' },
  });

  it('"Retrieve the list of available products" answers the example', async () => {
    const res = await send(pages, 'GET', '/v1/products?plan_id=default', undefined, seeded(pages));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([example()]);
  });

  it('"Retrieve a specific product\'s details" answers the example', async () => {
    const res = await send(pages, 'GET', `/v1/products/${encodeURIComponent(awesome)}`, undefined, seeded(pages));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(example());
  });
});

describe('orders.md', () => {
  it('"Purchase a New eSIM": the example request is ACCEPTED with the example\'s answer, and "Check an order\'s status" answers the example once COMPLETED', async () => {
    const payload = `{
      	"input": {
            "operationType": "NEW_ESIM",
            "countryCode": "PT",
            "customer": {
                "email": "john@doe.com",
                "countryOfResidence": "US"
            },
            "device": {
                "id": "123456789",
                "model": "iPhone",
                "type": "ios",
                "eid": "89049032004008882600019002596666"
            },
      	    "subscriptions": [{
      	        "product_id": "${tier2}",
      	        "activationDate": "${future(3)}",
      	        "price": 10,
      	        "currency": "USD"
      	    }]
      	}
      }`;
    const res = await send(pages, 'POST', '/v1/order', payload);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ id: UUID, externalId: res.json().id, status: 'ACCEPTED' });

    await completed(pages, res.json().id);
    const check = await send(pages, 'GET', `/v1/order/${res.json().id}`);
    expect(check.statusCode).toBe(200);
    const answer = check.json();
    // The page's example: output{matchingId, iccid, smdpUrl, lpa_url, subscription_id}, status, externalId, id.
    expect(answer).toEqual({
      output: {
        matchingId: expect.any(String),
        iccid: expect.stringMatching(/^89\d{17}$/),
        smdpUrl: 'smdp.cellhub.local',
        // orders.md prints "LPA:1$%rsp…$%…", sims.md "LPA:1$rsp…$…", seed 002 "1$rsp…$…": the order answers seed 002's.
        lpa_url: `1$smdp.cellhub.local$${answer.output.matchingId}`,
        subscription_id: expect.any(String),
      },
      status: 'COMPLETED',
      externalId: res.json().id,
      id: res.json().id,
      // cellhub's additions
      operationType: 'NEW_ESIM',
      createdDate: PAGE_DATE,
    });
    // "smdpUrl … Removed the protocol part" (release 5.5.0).
    expect(answer.output.smdpUrl).not.toMatch(/^https?:/);
  });

  it('"Purchase a Top-Up": the completed order does not return the matchingId, as the page warns', async () => {
    const { output } = await order(pages, newEsim(prepaid));
    const done = await order(pages, { input: { operationType: 'TOPUP', device: { id: '12345657' }, esim: { iccid: output.iccid }, subscriptions: [{ product_id: prepaid }] } });
    expect(done.output).toEqual({ iccid: output.iccid, subscription_id: expect.any(String) });
  });

  it('seed 002 "Submit a new SIM card/subscription order" and "Retrieve a specific order\'s details" answer the examples', async () => {
    const payload = `{ "input": {
      "operationType": "NEW_ESIM",
      "countryCode": "PT",
      "customer": { "email": "john@doe.com" },
      "device": { "id": "6d41c4ff-1877-4d13-82b0-7dad02c4b02a", "type": "ios" },
      "subscriptions": [ { "product_id": "${awesome}", "price": 10.99, "currency": "USD" } ]
    } }`;
    // No exchange rate converts the product's EUR to USD: the currency is not one this client sells in.
    const refused = await send(pages, 'POST', '/v1/order', payload, seeded(pages));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().messages[0]).toMatch(/^input\.subscriptions\[0\]\.currency: product .* has no price in USD/);
    expect((await h.app.inject({ method: 'PUT', url: '/operator/exchange-rates/EUR/USD', headers: op, payload: { rate: 1.1 } })).statusCode).toBe(200);
    try {
      const res = await send(pages, 'POST', '/v1/order', payload, seeded(pages));
      expect(res.statusCode, res.body).toBe(201);
      // Seed 002's answer {id, status: ACCEPTED}; orders.md's externalId as well.
      expect(res.json()).toEqual({ id: UUID, status: 'ACCEPTED', externalId: res.json().id });
      await completed(pages, res.json().id);
      const answer = (await send(pages, 'GET', `/v1/order/${res.json().id}`, undefined, seeded(pages))).json();
      expect(answer).toEqual({
        id: res.json().id,
        status: 'COMPLETED',
        output: {
          iccid: expect.stringMatching(/^89\d{17}$/),
          matchingId: expect.any(String),
          subscription_id: expect.any(String),
          smdpUrl: 'smdp.cellhub.local',
          lpa_url: `1$smdp.cellhub.local$${answer.output.matchingId}`,
        },
        externalId: res.json().id,
        operationType: 'NEW_ESIM',
        createdDate: PAGE_DATE,
      });
    } finally {
      await h.app.inject({ method: 'DELETE', url: '/operator/exchange-rates/EUR/USD', headers: op });
    }
  });

  it('seed 002 "check the orders that he/she has submitted": the list answers the example, an ACCEPTED order without output', async () => {
    const lister = await shop('Order Lister');
    await stockUp(h.platform.db, { sims: 1, numbers: 0 });
    const product = (
      await createResellerProduct(h.platform.db, lister.org, {
        name: 'P',
        period: 7,
        period_unit: 'DAYS',
        data: { value: 1, units: 'GB' },
        footprint: ['PT'],
        pricing: { EUR: 1 },
        region: 'europe',
      })
    ).id;
    const done = await order(lister, newEsim(product));
    // An order still waiting for fulfilment (its job never sent), as the example's second.
    const unsent = { db: h.platform.db, queue: { send: async () => {}, wake: () => {} } as unknown as JobQueue };
    const waiting = await placeConnectOrder(unsent, lister.org, {
      operationType: 'NEW_ESIM',
      countryCode: 'PT',
      customer: { email: 'john@doe.com' },
      device: { id: 'd', type: 'ios' },
      subscriptions: [{ productId: product }],
    });
    const res = await send(lister, 'GET', '/v1/order');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { status: 'ACCEPTED', externalId: waiting.id, id: waiting.id, operationType: 'NEW_ESIM', createdDate: PAGE_DATE },
      {
        output: {
          matchingId: done.output.matchingId,
          iccid: done.output.iccid,
          smdpUrl: 'smdp.cellhub.local',
          lpa_url: `1$smdp.cellhub.local$${done.output.matchingId}`,
          subscription_id: done.output.subscription_id,
        },
        status: 'COMPLETED',
        externalId: done.id,
        id: done.id,
        operationType: 'NEW_ESIM',
        createdDate: PAGE_DATE,
      },
    ]);
    // The filters of the seed's table.
    const today = new Date().toISOString().slice(0, 10);
    expect((await send(lister, 'GET', '/v1/order?status=ACCEPTED')).json().map((o: { id: string }) => o.id)).toEqual([waiting.id]);
    expect((await send(lister, 'GET', `/v1/order?start_date=${today}&end_date=${today}&page=1&page_size=1`)).json().map((o: { id: string }) => o.id)).toEqual([waiting.id]);
    expect((await send(lister, 'GET', '/v1/order?page=2&page_size=1')).json().map((o: { id: string }) => o.id)).toEqual([done.id]);
  });
});

describe('recipes/new-esim.md', () => {
  it('"Placing the Order": the printed body (a # comment, no comma, a stray **) is not JSON and is refused; the body it means is ACCEPTED', async () => {
    const body = (annotated: boolean) => `{
      	"input": {
            "operationType": "NEW_ESIM",
            "countryCode": "PT",
            "customer": {
                "email": "john@doe.com",
                "countryOfResidence": "US"
            },
            "device": {
                "id": "123456789",
                "model": "iPhone",
                "type": "ios"${
                  annotated
                    ? `
                # Include EID Parameter for Push Install
                "eid": "89001012012341234012345678901224"**`
                    : `,
                "eid": "89001012012341234012345678901224"`
                }
            },
      	    "subscriptions": [{
      	        "product_id": "${tier2}",
      	        "activationDate": "${future(3)}",
      	        "price": 10,
      	        "currency": "USD"
      	    }]
      	}
      }`;
    const printedBody = await send(pages, 'POST', '/v1/order', body(true));
    expect(printedBody.statusCode).toBe(400);
    expect(printedBody.json().type).toBe('INVALID_HTTP_MESSAGE');
    const res = await send(pages, 'POST', '/v1/order', body(false));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ id: UUID, externalId: res.json().id, status: 'ACCEPTED' });
    const { output } = await completed(pages, res.json().id);
    // "Push Install (iOS only)": the profile is bound to the EID given.
    const sim = (await send(pages, 'GET', `/v1/sim/${output.iccid}`)).json();
    expect(sim.eid).toBe('89001012012341234012345678901224');
    // "QRCode": LPA:1$<smdp url>$<matching id>, from the order's or the SIM's values.
    expect(sim.lpa_url).toBe(`LPA:1$${output.smdpUrl}$${output.matchingId}`);
  });

  it('"If the device.type is not ios, the device.eid field is ignored"', async () => {
    const { output } = await order(pages, newEsim(prepaid, { id: 'pixel-1', type: 'android', eid: '89001012012341234012345678901224' }));
    expect((await send(pages, 'GET', `/v1/sim/${output.iccid}`)).json().eid).toBeNull();
  });
});

describe('sims.md', () => {
  const EXAMPLE_EID = '89001012012341234012345678901224';
  let iccid: string;

  beforeAll(async () => {
    iccid = (await order(pages, newEsim(prepaid, { id: '12345657', type: 'ios', eid: EXAMPLE_EID }))).output.iccid;
  });

  /** sims.md's example response, with our values where they are ours. */
  const simExample = (eid: string, matchingId: string) => ({
    iccid,
    matching_id: matchingId,
    matchingId,
    status: 'Released',
    profileStatus: 'Released',
    eid,
    last_modified: PAGE_DATE,
    lpa_url: `LPA:1$smdp.cellhub.local$${matchingId}`,
  });

  it('"Get SIM details" answers the example', async () => {
    const res = await send(pages, 'GET', `/v1/sim/${iccid}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(simExample(EXAMPLE_EID, res.json().matching_id));
  });

  it('"Update EID": the request as printed carries no EID, and is refused naming eid; with one, it answers the example', async () => {
    // The page's request: PUT, Content-Type application/json, no body.
    const literal = await send(pages, 'PUT', `/v1/sim/${iccid}`);
    expect(literal.statusCode).toBe(400);
    expect(literal.json()).toEqual({ type: 'INVALID_REQUEST_PARAMS', messages: ['eid: is required: the EID (32 digits) of the device to bind the profile to, as {"eid": "…"}'] });
    expect((await send(pages, 'PUT', `/v1/sim/${iccid}`, '{}')).json().messages).toEqual(literal.json().messages);
    // The body sims.md prints under "Get SIM Preferences" (seed 002 gives this route that body).
    const res = await send(
      pages,
      'PUT',
      `/v1/sim/${iccid}`,
      `{
       "eid": "89238765176357612536712567352176"
   }`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(simExample('89238765176357612536712567352176', res.json().matching_id));
  });

  it('"Register for notifications", "Get SIM Preferences" (a GET printed with a body) and "Unregister" replay as printed', async () => {
    const register = (type: string) =>
      send(
        pages,
        'POST',
        `/v1/sim/${iccid}/preferences/notifications/${type}`,
        `{
       "webhook_url": "http://acme-flights.com/notifications/handler"
   }`,
      );
    const end = await register('SUBSCRIPTION_END');
    expect(end.statusCode, end.body).toBe(200);
    expect(end.json()).toEqual({});
    expect((await register('USAGE_THRESHOLD')).statusCode).toBe(200);
    const res = await send(
      pages,
      'GET',
      `/v1/sim/${iccid}/preferences`,
      `{
       "eid": "89238765176357612536712567352176"
   }`,
    );
    expect(res.statusCode, res.body).toBe(200);
    // The example prints the type SUBSCRITPION_END (the table's misspelling); the type is SUBSCRIPTION_END.
    expect(res.json()).toEqual({
      notifications: [
        { type: 'SUBSCRIPTION_END', webhook_url: 'http://acme-flights.com/notifications/handler' },
        { type: 'USAGE_THRESHOLD', webhook_url: 'http://acme-flights.com/notifications/handler' },
      ],
    });
    const unregister = await send(pages, 'DELETE', `/v1/sim/${iccid}/preferences/notifications/SUBSCRIPTION_END`);
    expect(unregister.statusCode).toBe(200);
    expect((await send(pages, 'GET', `/v1/sim/${iccid}/preferences`)).json()).toEqual({
      notifications: [{ type: 'USAGE_THRESHOLD', webhook_url: 'http://acme-flights.com/notifications/handler' }],
    });
    await send(pages, 'DELETE', `/v1/sim/${iccid}/preferences/notifications/USAGE_THRESHOLD`);
  });
});

describe('seed 002: SIM profiles', () => {
  let lister: Shop;
  let product: string;

  beforeAll(async () => {
    lister = await shop('SIM Lister');
    product = (
      await createResellerProduct(h.platform.db, lister.org, {
        name: 'My awesome connectivity product',
        description: 'A more detailed description of my product',
        period: 365,
        period_unit: 'DAYS',
        data: { value: 10, units: 'MB' },
        footprint: ['US', 'GB', 'PT'],
        activeCountries: ['ALL'],
        pricing: { EUR: 10 },
        region: 'global',
      })
    ).id;
  });

  it('"Retrieve the list of SIM profiles already purchased" and "Retrieve a SIM profile\'s details" answer the examples', async () => {
    const first = (await order(lister, newEsim(product, { id: 'a', type: 'ios', eid: '89049032004008882600019002594762' }))).output.iccid;
    const second = (await order(lister, newEsim(product))).output.iccid;
    const list = await send(lister, 'GET', '/v1/sim?page=1&size=40', undefined, seeded(lister));
    expect(list.statusCode).toBe(200);
    // Oldest first.
    expect(list.json()).toEqual([
      { id: first, url: `/v1/sim/${first}` },
      { id: second, url: `/v1/sim/${second}` },
    ]);
    const sim = (await send(lister, 'GET', `/v1/sim/${first}`, undefined, seeded(lister))).json();
    expect(sim).toEqual({
      iccid: first,
      eid: '89049032004008882600019002594762',
      matching_id: expect.any(String),
      lpa_url: `LPA:1$smdp.cellhub.local$${sim.matching_id}`,
      status: 'Released',
      // sims.md's spellings and last_modified
      matchingId: sim.matching_id,
      profileStatus: 'Released',
      last_modified: PAGE_DATE,
    });
  });

  it('"Changes the EID this SIM is bound to" takes the seed\'s body; its answer holds the seed\'s { } and the SIM as sims.md shows it', async () => {
    const iccid = (await order(lister, newEsim(product))).output.iccid;
    const res = await send(lister, 'PUT', `/v1/sim/${iccid}`, '{ "eid": "89049032004008882600019002594762" }', seeded(lister));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ iccid, eid: '89049032004008882600019002594762', status: 'Released' });
  });

  it('"Deletes a SIM profile": 204 No Content as the use case prints it (the reference prints { })', async () => {
    const iccid = (await order(lister, newEsim(product))).output.iccid;
    const res = await send(lister, 'DELETE', `/v1/sim/${iccid}`, undefined, printed(lister));
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await send(lister, 'GET', `/v1/sim/${iccid}`)).statusCode).toBe(404);
  });

  it('"Register for receiving SIM profile notifications": the sample body { } has no webhook_url and is refused naming it', async () => {
    const iccid = (await order(lister, newEsim(product))).output.iccid;
    const res = await send(lister, 'POST', `/v1/sim/${iccid}/preferences/notifications/USAGE_THRESHOLD`, '{\n}', seeded(lister));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ type: 'INVALID_REQUEST_PARAMS', messages: ['webhook_url: is required'] });
    const ok = await send(lister, 'POST', `/v1/sim/${iccid}/preferences/notifications/USAGE_THRESHOLD`, '{ "webhook_url": "https://hooks.example.com/connect" }', seeded(lister));
    expect(ok.json()).toEqual({});
    // "Get the list of preferences": {notifications: [{type, webhook_url}]}
    expect((await send(lister, 'GET', `/v1/sim/${iccid}/preferences`, undefined, seeded(lister))).json()).toEqual({
      notifications: [{ type: 'USAGE_THRESHOLD', webhook_url: 'https://hooks.example.com/connect' }],
    });
    // "Unregister a webhook": { }
    expect((await send(lister, 'DELETE', `/v1/sim/${iccid}/preferences/notifications/USAGE_THRESHOLD`, undefined, seeded(lister))).json()).toEqual({});
  });

  it('"Get the list of subscriptions associated to this SIM profile" and "Retrieve a specific subscription\'s details" answer the examples', async () => {
    const done = await order(lister, newEsim(product, { id: '123456', type: 'ios' }));
    await use(done.output.iccid, 1024, `seed-${done.output.iccid}`);
    const example = {
      id: done.output.subscription_id,
      status: 'ACTIVE',
      initialBalance: String(10 * MB),
      spentBalance: '1024',
      activationDate: PAGE_DATE,
      expirationDate: PAGE_DATE,
      createdDate: PAGE_DATE,
      product: {
        id: product,
        name: 'My awesome connectivity product',
        description: 'A more detailed description of my product',
        period: 365,
        period_unit: 'DAYS',
        data: { value: 10, units: 'MB' },
        footprint: ['US', 'GB', 'PT'],
        activeCountries: ['ALL'],
        pricing: { EUR: 10 },
        region: 'global',
        plan_id: 'default',
      },
      iccid: done.output.iccid,
      device_id: '123456',
      auto_renew: 'false', // subscriptions.md's field
    };
    const list = await send(lister, 'GET', `/v1/sim/${done.output.iccid}/subscriptions?size=40&page=1`, undefined, seeded(lister));
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([example]);
    const one = await send(lister, 'GET', `/v1/subscription/${encodeURIComponent(done.output.subscription_id)}`, undefined, seeded(lister));
    expect(one.json()).toEqual(example);
    const { activationDate, expirationDate } = one.json();
    expect(new Date(expirationDate).getTime() - new Date(activationDate).getTime()).toBe(365 * DAY);
    // "Retrieve the list of already purchased subscriptions", with every filter of the seed.
    const query = `after=${new Date(Date.now() - DAY).toISOString()}&before=${future(1)}&email=john@doe.com&iccid=${done.output.iccid}&product-id=${encodeURIComponent(product)}&page=1&size=40`;
    expect((await send(lister, 'GET', `/v1/subscription?${query}`, undefined, seeded(lister))).json()).toEqual([example]);
  });
});

describe('subscriptions.md', () => {
  it('"Get SIM Subscriptions" answers the DEPLETED example; "Get the Subscription Details" the ACTIVE one; "Activate Subscriptions" replays', async () => {
    const done = await order(pages, newEsim(prepaid));
    const { iccid, subscription_id: id } = done.output;
    // "Get the Subscription Details", while some of it is spent.
    await use(iccid, 1024, `active-${iccid}`);
    const active = await send(pages, 'GET', `/v1/subscription/${encodeURIComponent(id)}`);
    expect(active.statusCode).toBe(200);
    const product = { id: prepaid, name: 'Prepaid data 30GB', period: 1, period_unit: 'DAYS', plan_id: 'TruphoneinternalPlan_Id' };
    // cellhub's product also carries what seed 002's does.
    const productAdds = { description: '', data: { value: 300, units: 'MB' }, footprint: ['FR', 'PT'], activeCountries: ['ALL'], pricing: { EUR: 10 }, region: 'TIER2' };
    expect(active.json()).toEqual({
      status: 'ACTIVE',
      id,
      initialBalance: '314572800',
      spentBalance: '1024',
      activationDate: PAGE_DATE,
      expirationDate: PAGE_DATE,
      product: { ...product, ...productAdds },
      iccid,
      device_id: '12345657',
      auto_renew: 'false',
      createdDate: PAGE_DATE, // the list example's, not this one's
    });
    expect(new Date(active.json().expirationDate).getTime() - new Date(active.json().activationDate).getTime()).toBe(DAY);

    // The rest of the 300 MB: DEPLETED, as the list example shows it.
    await use(iccid, 314572800 - 1024, `depleted-${iccid}`);
    const res = await send(pages, 'GET', `/v1/sim/${iccid}/subscriptions`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        status: 'DEPLETED',
        id,
        initialBalance: '314572800',
        spentBalance: '314572800',
        activationDate: PAGE_DATE,
        expirationDate: PAGE_DATE,
        createdDate: PAGE_DATE,
        product: { ...product, ...productAdds },
        iccid,
        device_id: '12345657',
        auto_renew: 'false',
      },
    ]);

    // "Activate Subscriptions": POST, Content-Type application/json, no body.
    const later = await order(pages, { input: { operationType: 'TOPUP', esim: { iccid }, subscriptions: [{ product_id: prepaid, activationDate: future(5) }] } });
    const activate = await send(pages, 'POST', `/v1/subscription/${encodeURIComponent(later.output.subscription_id)}/activate`);
    expect(activate.statusCode, activate.body).toBe(200);
    expect(activate.json()).toMatchObject({ id: later.output.subscription_id, status: 'ACTIVE', auto_renew: 'false' });
  });

  it('"Get SIM Subscriptions by filtering": ?before=…&size=10&page=2 answers the second page as the example shows it', async () => {
    const filtered = await shop('Filtered');
    await stockUp(h.platform.db, { sims: 2, numbers: 0 });
    const bundle = (
      await createResellerProduct(h.platform.db, filtered.org, {
        name: '1GB 15-Day - Truphoneinternal - Tier2 Data Bundle',
        period: 15,
        period_unit: 'DAYS',
        data: { value: 1, units: 'GB' },
        footprint: ['PT'],
        pricing: { EUR: 10 },
        region: 'TIER2',
        plan_id: 'TruphoneinternalPlan_Id',
      })
    ).id;
    // 17 subscriptions: the second page of 10 holds 7, as the example does.
    const a = await order(
      filtered,
      newEsim(
        bundle,
        { id: '12345657', type: 'ios' },
        Array.from({ length: 10 }, () => ({ product_id: bundle })),
      ),
    );
    const b = await order(
      filtered,
      newEsim(
        bundle,
        { id: '123456789', type: 'ios' },
        Array.from({ length: 7 }, () => ({ product_id: bundle })),
      ),
    );
    // The page's URL, its date moved past our subscriptions (its 2020 is before any).
    const res = await send(filtered, 'GET', `/v1/subscription?before=${new Date(Date.now() + DAY).toISOString()}&size=10&page=2`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toHaveLength(7);
    for (const item of page) {
      expect(item).toEqual({
        id: expect.any(String),
        status: 'ACTIVE',
        activationDate: PAGE_DATE,
        expirationDate: PAGE_DATE,
        createdDate: PAGE_DATE,
        product: expect.objectContaining({
          id: bundle,
          name: '1GB 15-Day - Truphoneinternal - Tier2 Data Bundle',
          period: 15,
          period_unit: 'DAYS',
          plan_id: 'TruphoneinternalPlan_Id',
        }),
        iccid: expect.stringMatching(new RegExp(`^(${a.output.iccid}|${b.output.iccid})$`)),
        device_id: expect.stringMatching(/^(12345657|123456789)$/),
        auto_renew: 'false',
        initialBalance: String(1024 * MB),
        spentBalance: '0', // not in this example; in the others
      });
      expect(new Date(item.expirationDate).getTime() - new Date(item.activationDate).getTime()).toBe(15 * DAY);
    }
    // "X-Previous-Page (… only present if there is a previous page)", "X-Next-Page (… if there is a next page)".
    expect(res.headers['x-previous-page']).toMatch(/[?&]page=1(&|$)/);
    expect(res.headers['x-next-page']).toBeUndefined();
    expect((await send(filtered, 'GET', `/v1/subscription?before=2020-04-24T15:39:02.002Z&size=10&page=2`)).json()).toEqual([]);
  });
});

describe('seed 002: "check the balance of a given subscription"', () => {
  it("the SIM's subscriptions answer the use case's example", async () => {
    const done = await order(pages, newEsim(prepaid));
    await use(done.output.iccid, 314572800, `balance-${done.output.iccid}`);
    const res = await send(pages, 'GET', `/v1/sim/${done.output.iccid}/subscriptions`);
    expect(res.json()).toEqual([
      expect.objectContaining({
        status: 'DEPLETED',
        id: done.output.subscription_id,
        initialBalance: '314572800',
        spentBalance: '314572800',
        activationDate: PAGE_DATE,
        expirationDate: PAGE_DATE,
        createdDate: PAGE_DATE,
        product: expect.objectContaining({ id: prepaid, name: 'Prepaid data 30GB', period_unit: 'DAYS', plan_id: 'TruphoneinternalPlan_Id' }),
        iccid: done.output.iccid,
        device_id: '12345657',
        auto_renew: 'false',
      }),
    ]);
  });
});

describe('notifications.md', () => {
  it('"Usage Threshold" and "Subscription End" payloads carry the examples\' fields (threshold on USAGE_THRESHOLD, as the tables say)', async () => {
    const done = await order(pages, newEsim(prepaid));
    const { iccid, subscription_id } = done.output;
    for (const type of ['USAGE_THRESHOLD', 'SUBSCRIPTION_END']) {
      expect((await send(pages, 'POST', `/v1/sim/${iccid}/preferences/notifications/${type}`, JSON.stringify({ webhook_url: hook }))).statusCode).toBe(200);
    }
    await use(iccid, 314572800, `notified-${iccid}`);
    h.workers!.webhooks.wake();
    const mine = () => received.filter((n) => n.subscription_id === subscription_id);
    await until('both notifications did not arrive', () => mine().length >= 2);
    const threshold = mine().find((n) => n.type === 'USAGE_THRESHOLD');
    const end = mine().find((n) => n.type === 'SUBSCRIPTION_END');
    // The examples: {id, type, iccid, subscription_id}; the USAGE_THRESHOLD table's threshold (its example
    // omits it; the SUBSCRIPTION_END example prints it, its table does not). cellhub adds the balance and the expiry.
    expect(threshold).toEqual({ id: expect.any(String), type: 'USAGE_THRESHOLD', iccid, subscription_id, threshold: 80, current_balance: '0', expiration_date: PAGE_DATE });
    expect(end).toEqual({ id: expect.any(String), type: 'SUBSCRIPTION_END', iccid, subscription_id, current_balance: '0', expiration_date: PAGE_DATE });
  });
});
