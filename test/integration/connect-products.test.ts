// The Connect catalogue: the operator sets it up; a reseller reads its own, through
// both spellings of the path, a page at a time, with the neighbouring pages' URLs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchToken, OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';

let h: Harness;
const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
const reseller = { org: '', auth: { authorization: '' } };
const other = { org: '', auth: { authorization: '' } };

async function connectTenant(name: string, role: 'RESELLER' | 'ACCOUNT_MANAGER') {
  const org = await createOrganization(h.platform.db, { name, licences: [] });
  const { client, secret } = await createClient(h.platform.db, org.id, { name: 'store', family: 'connect', role });
  return { org: org.id, auth: { authorization: `Bearer ${await fetchToken(h.app, 'tru-staff', client.clientId, secret)}` } };
}

const product = (n: number, overrides: object = {}) => ({
  name: `Europe ${n} GB`,
  description: `${n} GB for 30 days`,
  period: 30,
  period_unit: 'DAYS',
  data: { value: n, units: 'GB' },
  footprint: ['FR', 'DE'],
  pricing: { EUR: 5 + n },
  region: 'europe',
  ...overrides,
});
const addProduct = (org: string, body: object) => h.app.inject({ method: 'POST', url: `/operator/organizations/${org}/connect-products`, headers: op, payload: body });

beforeAll(async () => {
  h = await startHarness({ WORKERS: 'off' });
  Object.assign(reseller, await connectTenant('Roam Store', 'RESELLER'));
  Object.assign(other, await connectTenant('Other Store', 'ACCOUNT_MANAGER'));
  for (let n = 1; n <= 5; n++) expect((await addProduct(reseller.org, product(n))).statusCode).toBe(201);
  expect((await addProduct(reseller.org, product(9, { plan_id: 'partners', activeCountries: ['FR'] }))).statusCode).toBe(201);
  expect((await addProduct(other.org, product(7))).statusCode).toBe(201);
});
afterAll(() => h.close());

describe('GET /connect-api/v1/products', () => {
  it("lists the reseller's own products in the provider's shape, under both spellings", async () => {
    for (const path of ['/connect-api/v1/products', '/connect-api/v1/product']) {
      const res = await h.app.inject({ url: path, headers: reseller.auth });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const list = res.json();
      expect(list.map((p: { name: string }) => p.name)).toEqual(['Europe 1 GB', 'Europe 2 GB', 'Europe 3 GB', 'Europe 4 GB', 'Europe 5 GB', 'Europe 9 GB']);
      expect(list[0]).toEqual({
        id: expect.stringMatching(/^[A-Za-z0-9_-]{43}=$/),
        name: 'Europe 1 GB',
        description: '1 GB for 30 days',
        period: 30,
        period_unit: 'DAYS',
        data: { value: 1, units: 'GB' },
        footprint: ['FR', 'DE'],
        activeCountries: ['ALL'],
        pricing: { EUR: 6 },
        region: 'europe',
        plan_id: 'default',
      });
    }
    const partners = (await h.app.inject({ url: '/connect-api/v1/products?plan_id=partners', headers: reseller.auth })).json();
    expect(partners.map((p: { name: string }) => p.name)).toEqual(['Europe 9 GB']);
    expect(partners[0].activeCountries).toEqual(['FR']);
  });

  it('pages with page and size (or page_size), naming the neighbouring pages', async () => {
    const first = await h.app.inject({ url: '/connect-api/v1/products?size=2', headers: reseller.auth });
    expect(first.json()).toHaveLength(2);
    expect(first.headers['x-next-page']).toBe('http://cellhub.test/connect-api/v1/products?size=2&page=2');
    expect(first.headers['x-previous-page']).toBeUndefined();
    const last = await h.app.inject({ url: '/connect-api/v1/products?page_size=2&page=3', headers: reseller.auth });
    expect(last.json().map((p: { name: string }) => p.name)).toEqual(['Europe 5 GB', 'Europe 9 GB']);
    expect(last.headers['x-next-page']).toBeUndefined();
    expect(last.headers['x-previous-page']).toBe('http://cellhub.test/connect-api/v1/products?page_size=2&page=2');
    expect((await h.app.inject({ url: '/connect-api/v1/products?page=9', headers: reseller.auth })).json()).toEqual([]);
    for (const [query, field] of [
      ['page=0', 'page'],
      ['size=0', 'size'],
      ['size=101', 'size'],
      ['page=x', 'page'],
      ['size=2&page_size=3', 'size'],
    ]) {
      const bad = await h.app.inject({ url: `/connect-api/v1/products?${query}`, headers: reseller.auth });
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json()).toMatchObject({ type: 'INVALID_REQUEST_PARAMS' });
      expect(bad.json().messages[0], query).toMatch(new RegExp(`^${field}`));
    }
  });

  it("gets one product under both spellings, and never another reseller's", async () => {
    const [mine] = (await h.app.inject({ url: '/connect-api/v1/products', headers: reseller.auth })).json();
    const [theirs] = (await h.app.inject({ url: '/connect-api/v1/products', headers: other.auth })).json();
    for (const path of ['products', 'product']) {
      const res = await h.app.inject({ url: `/connect-api/v1/${path}/${encodeURIComponent(mine.id)}`, headers: reseller.auth });
      expect(res.json()).toEqual(mine);
      const foreign = await h.app.inject({ url: `/connect-api/v1/${path}/${encodeURIComponent(theirs.id)}`, headers: reseller.auth });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().type).toBe('NOT_FOUND');
    }
    expect((await h.app.inject({ url: '/connect-api/v1/products', headers: other.auth })).json()).toHaveLength(1);
  });

  it('needs a Connect token', async () => {
    expect((await h.app.inject({ url: '/connect-api/v1/products' })).statusCode).toBe(401);
    const enterprise = await h.tenant();
    const res = await h.app.inject({ url: '/connect-api/v1/products', headers: enterprise.auth });
    expect(res.statusCode).toBe(401);
    expect(res.json().type).toBe('UNAUTHORISED');
  });
});

describe("the operator's catalogue", () => {
  it('refuses a bad product, naming the field', async () => {
    const cases: [object, RegExp][] = [
      [product(1, { period_unit: 'WEEKS' }), /^period_unit/],
      [product(1, { data: { value: 1, units: 'TB' } }), /^data\.units/],
      [product(1, { footprint: ['France'] }), /^footprint\[0\]/],
      [product(1, { pricing: {} }), /^pricing: at least one currency/],
      [product(1, { pricing: { euro: 5 } }), /^pricing\.euro: is not an ISO 4217/],
      [product(1, { name: '' }), /^name/],
    ];
    for (const [body, message] of cases) {
      const res = await addProduct(reseller.org, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().messages[0]).toMatch(message);
    }
    expect((await addProduct('org_01JBCG33BC2PS4J76JN685GN56', product(1))).statusCode).toBe(404);
    const listed = (await h.app.inject({ url: `/operator/organizations/${other.org}/connect-products`, headers: op })).json();
    expect(listed.items.map((p: { name: string }) => p.name)).toEqual(['Europe 7 GB']);
  });
});
