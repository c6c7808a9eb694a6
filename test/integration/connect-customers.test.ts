// The Connect customer API (reference/customer.md) over real HTTP: the page's examples
// replayed as printed (only the host and the ids changed), every rule of the page
// refused naming the field, payment methods that never hold card data, and the
// isolation of customers: an ACCOUNT_MANAGER's orders, SIMs and subscriptions are its
// customer's alone; another customer's are ACCESS_DENIED, another reseller's too.
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchToken, OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { stockUp } from '../support/fixtures.ts';
import { until } from '../support/wait.ts';
import { buildApp } from '../../src/app.ts';
import type { App } from '../../src/http/app-type.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { createResellerProduct } from '../../src/domain/catalog/reseller-products.service.ts';
import { holdsCardNumber } from '../../src/domain/customers/card-data.ts';
import { passesLuhn } from '../../src/domain/telecom.ts';

let h: Harness;
let app: App;
let base: string;
const logLines: string[] = [];

interface Client {
  org: string;
  clientId: string;
  token: string;
  product: string;
}
const am1 = {} as Client; // ACCOUNT_MANAGER of reseller A
const am2 = {} as Client; // another ACCOUNT_MANAGER of reseller A
const am3 = {} as Client; // an ACCOUNT_MANAGER of reseller A that never creates its customer
const reseller = {} as Client; // RESELLER of reseller A
const rivalAm = {} as Client; // ACCOUNT_MANAGER of reseller B

async function connectClient(target: Client, org: string, role: string, product: string) {
  const { client, secret } = await createClient(h.platform.db, org, { name: `${role} client`, family: 'connect', role });
  Object.assign(target, { org, clientId: client.clientId, product, token: await fetchToken(h.app, 'tru-staff', client.clientId, secret) });
}

beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '100000' });
  await stockUp(h.platform.db, { sims: 10, numbers: 0 });
  // An app of its own that logs everything to a buffer: card data must never reach a log line.
  const stream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await buildApp(h.platform, { operatorToken: OPERATOR_TOKEN, logStream: stream, workers: h.workers });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const plan = { period: 30, period_unit: 'DAYS' as const, footprint: ['PT', 'US'], region: 'world', data: { value: 1, units: 'GB' as const } };
  const a = await createOrganization(h.platform.db, { name: 'Reseller A', licences: [] });
  const aProduct = (await createResellerProduct(h.platform.db, a.id, { ...plan, name: 'World 1 GB', pricing: { EUR: 5, USD: 6 } })).id;
  const b = await createOrganization(h.platform.db, { name: 'Reseller B', licences: [] });
  const bProduct = (await createResellerProduct(h.platform.db, b.id, { ...plan, name: 'World 1 GB', pricing: { EUR: 5 } })).id;
  await connectClient(am1, a.id, 'ACCOUNT_MANAGER', aProduct);
  await connectClient(am2, a.id, 'ACCOUNT_MANAGER', aProduct);
  await connectClient(am3, a.id, 'ACCOUNT_MANAGER', aProduct);
  await connectClient(reseller, a.id, 'RESELLER', aProduct);
  await connectClient(rivalAm, b.id, 'ACCOUNT_MANAGER', bProduct);
});
afterAll(async () => {
  await app.close();
  await h.close();
});

/** A request the way the page's curl lines send it: these headers, this body text. */
async function curl(who: Client, method: string, path: string, body?: string) {
  const res = await fetch(`${base}/connect-api${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${who.token}`,
      'Cache-Control': 'no-cache',
      'Content-Type': 'application/json',
      'X-Correlation-ID': 'unique-id-from-requester-123',
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
}
const send = (who: Client, method: string, path: string, body?: object) => curl(who, method, path, body === undefined ? undefined : JSON.stringify(body));

// The page's examples, as printed (reference/customer.md). The create example ends its
// object with a comma after shippingAddress, which is not JSON.
const CREATE_AS_PRINTED = `{
        "email": "john@doe.com",
        "firstName": "John",
        "lastName": "Doe",
        "countryOfResidence": "US",
        "language": "EN",
        "phoneNumber": "0044102938120",
        "defaultCurrency": "EUR",
        "type": "BUSINESS",
        "companyName": "TruExample",
        "companyNumber": "123456789",
        "jobTitle": "Software Engineer",
        "billingAddress" : {
          "streetAddress1" : "25 Cobbleton Square Appartments",
          "streetAddress2" : "Cupertino",
          "city": "San Jose",
          "state": "California",
          "postCode": "12345",
          "country": "United States"
        },
        "shippingAddress" : {
          "streetAddress1" : "25 Cobbleton Square Appartments",
          "streetAddress2" : "Cupertino",
          "city": "San Jose",
          "state": "California",
          "postCode": "12345",
          "country": "United States"
        },
      }`;

const GET_RESPONSE_AS_PRINTED = {
  id: '29asdaA3801b4789asdA235=',
  email: 'john@doe.com',
  firstName: 'John',
  lastName: 'Doe',
  countryOfResidence: 'US',
  language: 'EN',
  phoneNumber: '0044102938120',
  defaultCurrency: 'EUR',
  type: 'BUSINESS',
  companyName: 'TruExample',
  companyNumber: '123456789',
  jobTitle: 'Software Engineer',
  billingAddress: {
    streetAddress1: '25 Cobbleton Square Appartments',
    streetAddress2: 'Cupertino',
    city: 'San Jose',
    state: 'California',
    postCode: '12345',
    country: 'United States',
  },
  shippingAddress: {
    streetAddress1: '25 Cobbleton Square Appartments',
    streetAddress2: 'Cupertino',
    city: 'San Jose',
    state: 'California',
    postCode: '12345',
    country: 'United States',
  },
};

const PATCH_PERSONAL_AS_PRINTED = `{
        "email": "john@doe.com",
        "firstName": "John",
        "lastName": "Doe",
        "countryOfResidence": "US",
        "language": "EN",
        "phoneNumber": "0044102938120",
        "defaultCurrency": "EUR",
        "type": "PERSONAL",
        "verified": true,
        "billingAddress" : {
          "streetAddress1" : "Rua das flores",
          "streetAddress2" : "Primeiro Esquerdo",
          "city": "Lisboa",
          "state": "Lisboa",
          "postCode": "1234-567",
          "country": "Portugal"
        },
        "shippingAddress" : {
          "streetAddress1" : "Rua das flores",
          "streetAddress2" : "Primeiro Esquerdo",
          "city": "Lisboa",
          "state": "Lisboa",
          "postCode": "1234-567",
          "country": "Portugal"
        }
      }`;

const PATCH_BUSINESS_AS_PRINTED = `{
        "email": "john@doe.com",
        "firstName": "John",
        "lastName": "Doe",
        "countryOfResidence": "US",
        "language": "EN",
        "phoneNumber": "0044102938120",
        "defaultCurrency": "EUR",
        "type": "BUSINESS",
        "verified": true,
        "companyName": "TruExample",
        "companyNumber": "123456789",
        "jobTitle": "Software Engineer",
        "billingAddress" : {
          "streetAddress1" : "Rua das flores",
          "streetAddress2" : "Primeiro Esquerdo",
          "city": "Lisboa",
          "state": "Lisboa",
          "postCode": "1234-567",
          "country": "Portugal"
        },
        "shippingAddress" : {
          "streetAddress1" : "Rua das flores",
          "streetAddress2" : "Primeiro Esquerdo",
          "city": "Lisboa",
          "state": "Lisboa",
          "postCode": "1234-567",
          "country": "Portugal"
        }
      }`;

const PAYMENT_METHOD_AS_PRINTED = `{
        "token" : "1238",
        "name" : "John Doe",
        "type" : "VISA",
        "last_digits" : "1234",
        "expiry_month" : "12",
        "expiry_year" : "1234",
        "gateway" : "TRUPHONE"
       }`;

const NEXT_YEAR = String(new Date().getUTCFullYear() + 1);
let johnId = '';

describe("the page's examples, replayed", () => {
  it('creates the customer (the printed body is not JSON: its trailing comma is refused as the provider refuses it; without it, created)', async () => {
    const printed = await curl(am1, 'POST', '/v1/customer', CREATE_AS_PRINTED);
    expect(printed.status).toBe(400);
    expect(printed.json).toEqual({ type: 'INVALID_HTTP_MESSAGE', messages: ['body: is not valid JSON'] });

    const created = await curl(am1, 'POST', '/v1/customer', CREATE_AS_PRINTED.replace(/},\s*}$/, '}\n      }'));
    expect(created.status).toBe(201);
    expect(created.headers.get('x-correlation-id')).toBe('unique-id-from-requester-123');
    johnId = created.json.id;
    expect(johnId).toMatch(/^[A-Za-z0-9_-]{22}==$/);
    expect(created.json).toEqual({ ...GET_RESPONSE_AS_PRINTED, id: johnId, verified: false });
  });

  it('retrieves it by email, as the example response shows it (plus verified)', async () => {
    const got = await curl(am1, 'GET', '/v1/customer?email=john@doe.com');
    expect(got.status).toBe(200);
    expect(got.json).toEqual({ ...GET_RESPONSE_AS_PRINTED, id: johnId, verified: false });
    expect((await curl(am1, 'GET', '/v1/customer?email=JOHN@doe.com')).json.id).toBe(johnId);
  });

  it('updates it with the Personal example (PATCH ?id=): a PERSONAL customer keeps no business fields', async () => {
    const res = await curl(am1, 'PATCH', `/v1/customer?id=${johnId}`, PATCH_PERSONAL_AS_PRINTED);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: johnId, type: 'PERSONAL', verified: true, billingAddress: { city: 'Lisboa', postCode: '1234-567', country: 'Portugal' } });
    expect(res.json).not.toHaveProperty('companyName');
    expect(res.json).not.toHaveProperty('jobTitle');
  });

  it('updates it with the Business example, by either URL', async () => {
    for (const path of [`/v1/customer?id=${johnId}`, `/v1/customer/${johnId}`]) {
      const res = await curl(am1, 'PATCH', path, PATCH_BUSINESS_AS_PRINTED);
      expect(res.status, path).toBe(200);
      expect(res.json).toMatchObject({ type: 'BUSINESS', companyName: 'TruExample', companyNumber: '123456789', jobTitle: 'Software Engineer', verified: true });
    }
  });

  it('adds a payment method: the printed expiry (1234) has passed and is refused; a card valid next year is added, listed and deleted', async () => {
    const printed = await curl(am1, 'POST', `/v1/customer/${johnId}/payment-method`, PAYMENT_METHOD_AS_PRINTED);
    expect(printed.status).toBe(400);
    expect(printed.json).toEqual({ type: 'INVALID_REQUEST_PARAMS', messages: ['expiry_year: the card expired in 1234'] });

    const added = await curl(am1, 'POST', `/v1/customer/${johnId}/payment-method`, PAYMENT_METHOD_AS_PRINTED.replace('"expiry_year" : "1234"', `"expiry_year" : "${NEXT_YEAR}"`));
    expect(added.status).toBe(201);
    expect(Object.keys(added.json)).toEqual(['id']);

    const listed = await curl(am1, 'GET', `/v1/customer/${johnId}/payment-method`);
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual([
      { id: added.json.id, token: '1238', name: 'John Doe', type: 'VISA', last_digits: '1234', expiry_month: '12', expiry_year: NEXT_YEAR, gateway: 'TRUPHONE' },
    ]);

    // DELETE as printed: Content-Type: application/json and no body.
    const removed = await curl(am1, 'DELETE', `/v1/customer/${johnId}/payment-method/${added.json.id}`);
    expect(removed.status).toBe(204);
    expect((await curl(am1, 'GET', `/v1/customer/${johnId}/payment-method`)).json).toEqual([]);
    expect((await curl(am1, 'DELETE', `/v1/customer/${johnId}/payment-method/${added.json.id}`)).status).toBe(404);
  });
});

describe('customer rules', () => {
  const valid = { email: 'ana@example.pt', firstName: 'Ana', lastName: 'Silva', type: 'PERSONAL' };

  it('refuses a second customer for the same client', async () => {
    const res = await send(am1, 'POST', '/v1/customer', { ...valid });
    expect(res.status).toBe(409);
    expect(res.json.type).toBe('CONFLICT');
  });

  it.each([
    ['a missing email', { ...valid, email: undefined }, 'INVALID_REQUEST_PARAMS', 'email: is required'],
    ['a malformed email', { ...valid, email: 'not-an-email' }, 'INVALID_REQUEST_PARAMS', 'email: must match format "email"'],
    ['a missing type', { ...valid, type: undefined }, 'INVALID_REQUEST_PARAMS', 'type: is required'],
    ['an unknown type', { ...valid, type: 'CORPORATE' }, 'INVALID_REQUEST_PARAMS', 'type: must be one of PERSONAL, BUSINESS, BUSSINESS'],
    ['a missing first name', { ...valid, firstName: undefined }, 'INVALID_REQUEST_PARAMS', 'firstName: is required'],
    [
      'a BUSINESS customer without a company name',
      { ...valid, type: 'BUSINESS', companyNumber: '1', jobTitle: 'CEO' },
      'INVALID_REQUEST_PARAMS',
      'companyName: is required for a BUSINESS customer',
    ],
    [
      'a BUSINESS customer without a job title',
      { ...valid, type: 'BUSINESS', companyName: 'A', companyNumber: '1' },
      'INVALID_REQUEST_PARAMS',
      'jobTitle: is required for a BUSINESS customer',
    ],
    ['a PERSONAL customer with a company', { ...valid, companyName: 'A' }, 'INVALID_REQUEST_PARAMS', 'companyName: only a BUSINESS customer has one'],
    ['an unknown country of residence', { ...valid, countryOfResidence: 'XX' }, 'INVALID_REQUEST_PARAMS', 'countryOfResidence: XX is not an ISO 3166-1 alpha-2 country code'],
    ['a country of residence that is no code', { ...valid, countryOfResidence: 'Portugal' }, 'INVALID_REQUEST_PARAMS', 'countryOfResidence: must match ^[A-Za-z]{2}$'],
    ['a phone number that cannot be one', { ...valid, phoneNumber: '+351 12' }, 'INVALID_REQUEST_PARAMS', 'phoneNumber: is not a possible phone number'],
    ['a phone number of letters', { ...valid, phoneNumber: 'call me' }, 'INVALID_REQUEST_PARAMS', 'phoneNumber: must match ^[0-9+()./ -]+$'],
    [
      'a currency the reseller does not sell in',
      { ...valid, defaultCurrency: 'GBP' },
      'INVALID_REQUEST_PARAMS',
      'defaultCurrency: GBP is not a currency this reseller sells in (EUR, USD)',
    ],
    ['a currency that is no code', { ...valid, defaultCurrency: 'euro' }, 'INVALID_REQUEST_PARAMS', 'defaultCurrency: must match ^[A-Z]{3}$'],
    ['an address without a city', { ...valid, billingAddress: { streetAddress1: 'Rua', country: 'Portugal' } }, 'INVALID_REQUEST_PARAMS', 'billingAddress.city: is required'],
    [
      'an address field of the wrong type',
      { ...valid, shippingAddress: { streetAddress1: 'Rua', city: 'Porto', country: 'Portugal', postCode: 4000 } },
      'INVALID_HTTP_MESSAGE',
      'shippingAddress.postCode: must be string',
    ],
    ['an unknown field', { ...valid, nickname: 'Ana' }, 'INVALID_REQUEST_PARAMS', 'nickname: is not a known field'],
    ['verified that is not a boolean', { ...valid, verified: 'yes' }, 'INVALID_HTTP_MESSAGE', 'verified: must be boolean'],
  ])('refuses %s, naming the field', async (_what, body, type, message) => {
    const res = await send(am2, 'POST', '/v1/customer', body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ type, messages: [message] });
  });

  it("takes the page's misspelling BUSSINESS as BUSINESS, a national phone number in the country of residence, an email already used by another reseller", async () => {
    const res = await send(am2, 'POST', '/v1/customer', {
      ...valid,
      email: 'john@doe.com',
      type: 'BUSSINESS',
      companyName: 'Silva Lda',
      companyNumber: 'PT500',
      jobTitle: 'Owner',
      countryOfResidence: 'PT',
      phoneNumber: '912 345 678',
      defaultCurrency: 'USD',
    });
    expect(res.status).toBe(409); // john@doe.com is am1's customer in this reseller
    expect(res.json).toEqual({ type: 'CONFLICT', messages: ['email: is already in use by another customer'] });
    const ok = await send(am2, 'POST', '/v1/customer', {
      ...valid,
      type: 'BUSSINESS',
      companyName: 'Silva Lda',
      companyNumber: 'PT500',
      jobTitle: 'Owner',
      countryOfResidence: 'PT',
      phoneNumber: '912 345 678',
      defaultCurrency: 'USD',
    });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ type: 'BUSINESS', phoneNumber: '912 345 678', defaultCurrency: 'USD', verified: false });
    const rival = await send(rivalAm, 'POST', '/v1/customer', { ...valid, email: 'john@doe.com', defaultCurrency: 'EUR' });
    expect(rival.status).toBe(201);
  });

  it('updates partially: fields not sent keep their value, null deletes one, a required one cannot be deleted', async () => {
    const ana = (await send(am2, 'GET', '/v1/customer?email=ana@example.pt')).json;
    const renamed = await send(am2, 'PATCH', `/v1/customer/${ana.id}`, {
      lastName: 'Santos',
      phoneNumber: null,
      shippingAddress: { streetAddress1: 'Rua A', city: 'Porto', country: 'Portugal' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({
      firstName: 'Ana',
      lastName: 'Santos',
      type: 'BUSINESS',
      companyName: 'Silva Lda',
      defaultCurrency: 'USD',
      shippingAddress: { streetAddress1: 'Rua A', city: 'Porto', country: 'Portugal' },
    });
    expect(renamed.json).not.toHaveProperty('phoneNumber');
    for (const [body, message] of [
      [{ email: null }, 'email: is required and cannot be deleted'],
      [{ jobTitle: null }, 'jobTitle: is required for a BUSINESS customer'],
      [{ defaultCurrency: 'JPY' }, 'defaultCurrency: JPY is not a currency this reseller sells in (EUR, USD)'],
      [{ email: 'john@doe.com' }, 'email: is already in use by another customer'],
    ] as const) {
      const res = await send(am2, 'PATCH', `/v1/customer/${ana.id}`, body);
      expect(res.json.messages, JSON.stringify(body)).toEqual([message]);
    }
    const personal = await send(am2, 'PATCH', `/v1/customer/${ana.id}`, { type: 'PERSONAL', verified: true });
    expect(personal.json).toMatchObject({ type: 'PERSONAL', verified: true, lastName: 'Santos' });
    expect(personal.json).not.toHaveProperty('companyName');
    expect((await send(am2, 'GET', '/v1/customer?email=ana@example.pt')).json).toEqual(personal.json);
  });

  it('creates one customer for a client even when two creations race', async () => {
    const racer = {} as Client;
    await connectClient(racer, am1.org, 'ACCOUNT_MANAGER', am1.product);
    const results = await Promise.all([1, 2].map((i) => send(racer, 'POST', '/v1/customer', { ...valid, email: `racer${i}@example.com` })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.json.type).toBe('CONFLICT');
  });

  it('answers GET without an email, or with an unknown one, in the error model', async () => {
    expect((await send(am1, 'GET', '/v1/customer')).json).toEqual({ type: 'INVALID_REQUEST_PARAMS', messages: ['email: is required'] });
    const none = await send(am1, 'GET', '/v1/customer?email=nobody@example.com');
    expect(none.status).toBe(404);
    expect(none.json.type).toBe('NOT_FOUND');
  });
});

describe('payment methods', () => {
  const card = () => ({ token: 'tok_9f8e7d', name: 'John Doe', type: 'VISA', last_digits: '4242', expiry_month: '09', expiry_year: NEXT_YEAR, gateway: 'CYBERSOURCE' });
  const PAN = '4111111111111111';
  const GROUPED = '5500 0000 0000 0004';

  it('knows a card number when it sees one', () => {
    expect(passesLuhn(PAN)).toBe(true);
    expect(holdsCardNumber(`tok-${PAN}-x`)).toBe(true);
    expect(holdsCardNumber(GROUPED)).toBe(true);
    expect(holdsCardNumber('4111-1111-1111-1111')).toBe(true);
    expect(holdsCardNumber('4111111111111112')).toBe(false); // fails Luhn
    expect(holdsCardNumber('411111111111')).toBe(false); // 12 digits
    expect(holdsCardNumber('1238')).toBe(false);
  });

  it.each([
    ['a card number as the token', { ...card(), token: PAN }, 'token: looks like a full card number'],
    ['a card number inside the token', { ...card(), token: `tok_${PAN}` }, 'token: looks like a full card number'],
    ['a grouped card number as the name', { ...card(), name: GROUPED }, 'name: looks like a full card number'],
    ['a cvv field', { ...card(), cvv: '123' }, 'cvv: card security codes are never accepted'],
    ['a CVC field', { ...card(), CVC: '123' }, 'CVC: card security codes are never accepted'],
    ['a security_code field', { ...card(), security_code: '123' }, 'security_code: card security codes are never accepted'],
    ['a card_number field', { ...card(), card_number: '4111' }, 'card_number: card numbers are never accepted'],
    ['a card number in an unknown field', { ...card(), extra: { pan_hint: PAN } }, 'extra.pan_hint: looks like a full card number'],
    ['a card number as a JSON number', { ...card(), reference: Number(PAN) }, 'reference: looks like a full card number'],
  ])('refuses %s, naming the field and never the value, and stores nothing', async (_what, body, message) => {
    const res = await send(am1, 'POST', `/v1/customer/${johnId}/payment-method`, body);
    expect(res.status).toBe(400);
    expect(res.json.type).toBe('INVALID_REQUEST_PARAMS');
    expect(res.json.messages).toEqual([`${message}; send the payment gateway's token and the card's last digits only`]);
    expect((await send(am1, 'GET', `/v1/customer/${johnId}/payment-method`)).json).toEqual([]);
  });

  it('refuses an expired card, naming the field, and takes one valid until the end of this month', async () => {
    const now = new Date();
    const lastYear = await send(am1, 'POST', `/v1/customer/${johnId}/payment-method`, { ...card(), expiry_year: String(now.getUTCFullYear() - 1) });
    expect(lastYear.json.messages).toEqual([`expiry_year: the card expired in ${now.getUTCFullYear() - 1}`]);
    if (now.getUTCMonth() > 0) {
      const lastMonth = await send(am1, 'POST', `/v1/customer/${johnId}/payment-method`, {
        ...card(),
        expiry_month: String(now.getUTCMonth()),
        expiry_year: String(now.getUTCFullYear()),
      });
      expect(lastMonth.json.messages[0]).toMatch(/^expiry_month: the card expired in /);
    }
    const thisMonth = await send(am1, 'POST', `/v1/customer/${johnId}/payment-method`, {
      ...card(),
      expiry_month: String(now.getUTCMonth() + 1),
      expiry_year: String(now.getUTCFullYear()),
    });
    expect(thisMonth.status).toBe(201);
    await send(am1, 'DELETE', `/v1/customer/${johnId}/payment-method/${thisMonth.json.id}`);
  });

  it.each([
    ['five last digits', { last_digits: '12345' }, 'last_digits: must match ^[0-9]{4}$'],
    ['month 13', { expiry_month: '13' }, 'expiry_month: must match ^(0?[1-9]|1[0-2])$'],
    ['a two-digit year', { expiry_year: '29' }, 'expiry_year: must match ^[0-9]{4}$'],
    ['no token', { token: undefined }, 'token: is required'],
    ['no gateway', { gateway: undefined }, 'gateway: is required'],
  ])('refuses %s', async (_what, change, message) => {
    const res = await send(am1, 'POST', `/v1/customer/${johnId}/payment-method`, { ...card(), ...change });
    expect(res.status).toBe(400);
    expect(res.json.messages).toEqual([message]);
  });

  it('never writes card data to the log', () => {
    const log = logLines.join('');
    expect(log).toContain('unique-id-from-requester-123'); // the log is there
    for (const secret of [PAN, GROUPED, GROUPED.replace(/ /g, '')]) expect(log).not.toContain(secret);
  });

  it('is replayed, not added twice, for the same Idempotency-Key', async () => {
    const headers = { authorization: `Bearer ${am1.token}`, 'content-type': 'application/json', 'idempotency-key': 'pm-1' };
    const url = `${base}/connect-api/v1/customer/${johnId}/payment-method`;
    const first = await (await fetch(url, { method: 'POST', headers, body: JSON.stringify(card()) })).json();
    const again = await fetch(url, { method: 'POST', headers, body: JSON.stringify(card()) });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(first);
    expect((await send(am1, 'GET', `/v1/customer/${johnId}/payment-method`)).json.map((p: { id: string }) => p.id)).toEqual([first.id]);
  });
});

describe('isolation', () => {
  let methodId = '';
  beforeAll(async () => {
    methodId = (await send(am1, 'GET', `/v1/customer/${johnId}/payment-method`)).json[0].id;
  });

  it('refuses another customer of the same reseller, and of another reseller, as ACCESS_DENIED; an unknown one is NOT_FOUND', async () => {
    const rivalJohn = (await send(rivalAm, 'GET', '/v1/customer?email=john@doe.com')).json;
    expect(rivalJohn.id).not.toBe(johnId);
    for (const who of [am2, rivalAm]) {
      for (const [method, path, body] of [
        ['PATCH', `/v1/customer/${johnId}`, { firstName: 'Mallory' }],
        ['PATCH', `/v1/customer?id=${johnId}`, { firstName: 'Mallory' }],
        ['GET', `/v1/customer/${johnId}/payment-method`, undefined],
        ['POST', `/v1/customer/${johnId}/payment-method`, { token: 't', type: 'VISA', last_digits: '1111', expiry_month: '1', expiry_year: NEXT_YEAR, gateway: 'G' }],
        ['DELETE', `/v1/customer/${johnId}/payment-method/${methodId}`, undefined],
      ] as const) {
        const res = await send(who, method, path, body);
        expect({ status: res.status, type: res.json?.type }, `${who === am2 ? 'same reseller' : 'other reseller'}: ${method} ${path}`).toEqual({
          status: 403,
          type: 'ACCESS_DENIED',
        });
      }
    }
    // By email, within the reseller: another client's customer is refused; another reseller's is not even found.
    expect((await send(am2, 'GET', '/v1/customer?email=john@doe.com')).status).toBe(403);
    expect((await send(am1, 'GET', '/v1/customer?email=ana@example.pt')).status).toBe(403);
    expect((await send(rivalAm, 'GET', '/v1/customer?email=ana@example.pt')).status).toBe(404);
    expect((await send(am1, 'PATCH', '/v1/customer/nobody==', { firstName: 'X' })).status).toBe(404);
    expect((await send(am1, 'GET', `/v1/customer/${johnId}/payment-method`)).json).toHaveLength(1);
    expect((await send(am1, 'GET', '/v1/customer?email=john@doe.com')).json.firstName).toBe('John');
  });

  it('refuses the customer API to a RESELLER', async () => {
    for (const [method, path] of [
      ['GET', '/v1/customer?email=john@doe.com'],
      ['POST', '/v1/customer'],
      ['PATCH', `/v1/customer/${johnId}`],
      ['GET', `/v1/customer/${johnId}/payment-method`],
    ] as const) {
      const res = await send(reseller, method, path, method === 'GET' ? undefined : { firstName: 'X' });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.json.type).toBe('ACCESS_DENIED');
    }
  });

  it("keeps an ACCOUNT_MANAGER's orders, SIMs and subscriptions its customer's alone", async () => {
    const order = (who: Client, extra: object = {}) =>
      send(who, 'POST', '/v1/order', {
        input: {
          operationType: 'NEW_ESIM',
          countryCode: 'PT',
          customer: { email: 'john@doe.com' },
          device: { id: 'phone-1', type: 'ios' },
          subscriptions: [{ product_id: who.product }],
          ...extra,
        },
      });
    const completed = (who: Client, id: string) =>
      until(`order ${id} never completed`, async () => {
        const o = (await send(who, 'GET', `/v1/order/${id}`)).json;
        return o.status === 'COMPLETED' && o;
      });

    // An ACCOUNT_MANAGER that has no customer yet cannot order, and sees nothing.
    const early = await order(am3);
    expect(early.status).toBe(409);
    expect(early.json.messages[0]).toMatch(/create it first/);

    const johns = await completed(am1, (await order(am1)).json.id);
    const anas = await completed(am2, (await order(am2)).json.id);
    const resellers = await completed(reseller, (await order(reseller)).json.id);
    const [johnSim, anaSim, resellerSim] = [johns, anas, resellers].map((o) => o.output.iccid as string);
    const [johnSub, anaSub] = [johns, anas].map((o) => o.output.subscription_id as string);

    // Lists: each ACCOUNT_MANAGER its own; the RESELLER all of its organization's; a client with no customer none.
    expect((await send(am1, 'GET', '/v1/order')).json.map((o: { id: string }) => o.id)).toEqual([johns.id]);
    expect((await send(am1, 'GET', '/v1/sim')).json.map((s: { id: string }) => s.id)).toEqual([johnSim]);
    expect((await send(am1, 'GET', '/v1/subscriptions')).json.map((s: { id: string }) => s.id)).toEqual([johnSub]);
    expect((await send(am2, 'GET', '/v1/sim')).json.map((s: { id: string }) => s.id)).toEqual([anaSim]);
    expect((await send(am3, 'GET', '/v1/order')).json).toEqual([]);
    expect((await send(am3, 'GET', '/v1/sim')).json).toEqual([]);
    expect((await send(am3, 'GET', '/v1/subscription')).json).toEqual([]);
    expect((await send(reseller, 'GET', '/v1/sim')).json.map((s: { id: string }) => s.id).sort()).toEqual([johnSim, anaSim, resellerSim].sort());
    expect((await send(reseller, 'GET', `/v1/subscriptions/${johnSub}`)).status).toBe(200);

    // One by one: another customer's (or the reseller's own) is ACCESS_DENIED, on every route.
    for (const [who, sim, sub, orderId] of [
      [am2, johnSim, johnSub, johns.id],
      [am1, anaSim, anaSub, anas.id],
      [am3, johnSim, johnSub, johns.id],
      [am1, resellerSim, resellers.output.subscription_id, resellers.id],
      [rivalAm, johnSim, johnSub, johns.id],
    ] as const) {
      for (const [method, path, body] of [
        ['GET', `/v1/order/${orderId}`, undefined],
        ['GET', `/v1/sim/${sim}`, undefined],
        ['GET', `/v1/sim/${sim}/subscriptions`, undefined],
        ['GET', `/v1/sim/${sim}/preferences`, undefined],
        ['POST', `/v1/sim/${sim}/preferences/notifications/USAGE_THRESHOLD`, { webhook_url: 'https://hooks.example.com/x' }],
        ['DELETE', `/v1/sim/${sim}/preferences/notifications/USAGE_THRESHOLD`, undefined],
        ['PUT', `/v1/sim/${sim}`, { eid: '8'.repeat(32) }],
        ['DELETE', `/v1/sim/${sim}`, undefined],
        ['GET', `/v1/subscriptions/${sub}`, undefined],
        ['POST', `/v1/subscriptions/${sub}/activate`, undefined],
        ['POST', '/v1/order', { input: { operationType: 'TOPUP', countryCode: 'PT', esim: { iccid: sim }, subscriptions: [{ product_id: who.product }] } }],
      ] as const) {
        const res = await send(who, method, path, body);
        // A client without a customer orders nothing at all (not even a top-up of another's SIM).
        const expected = who === am3 && path === '/v1/order' ? { status: 409, type: 'CONFLICT' } : { status: 403, type: 'ACCESS_DENIED' };
        expect({ status: res.status, type: res.json?.type }, `${method} ${path}`).toEqual(expected);
      }
    }
    // Its own: served.
    expect((await send(am1, 'GET', `/v1/sim/${johnSim}`)).status).toBe(200);
    const topUp = await send(am1, 'POST', '/v1/order', {
      input: { operationType: 'TOPUP', countryCode: 'PT', esim: { iccid: johnSim }, subscriptions: [{ product_id: am1.product }] },
    });
    expect(topUp.status).toBe(201);
    await completed(am1, topUp.json.id);
    expect((await send(am1, 'GET', `/v1/sim/${johnSim}/subscriptions`)).json).toHaveLength(2);
  });

  it("lists each reseller's customers to the operator (and only its own)", async () => {
    const list = await fetch(`${base}/operator/organizations/${am1.org}/customers`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
    expect(list.status).toBe(200);
    const items = (await list.json()).items;
    expect(items.map((c: { email: string; client_id: string }) => [c.email, c.client_id]).slice(0, 2)).toEqual([
      ['john@doe.com', am1.clientId],
      ['ana@example.pt', am2.clientId],
    ]);
    expect(items).toHaveLength(3); // and the racer's
    const rival = await (await fetch(`${base}/operator/organizations/${rivalAm.org}/customers`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })).json();
    expect(rival.items.map((c: { client_id: string }) => c.client_id)).toEqual([rivalAm.clientId]);
  });
});
