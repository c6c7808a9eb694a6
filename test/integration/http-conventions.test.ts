import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { createAccount } from '../../src/domain/accounts/accounts.service.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';

type HalPage = { _links: { next?: { href: string } }; _embedded: Record<string, { id: string }[]> };

let h: Harness;
let tenant: Tenant;
beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '1000' });
  tenant = await h.tenant();
});
afterAll(() => h.close());

describe('error model', () => {
  it('answers an unknown route with NOT_FOUND', async () => {
    const res = await h.app.inject({ url: '/enterprise/nothing-here', headers: tenant.auth });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ type: 'NOT_FOUND', messages: ['no route GET /enterprise/nothing-here'] });
  });

  it('answers unparseable JSON with INVALID_HTTP_MESSAGE', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/operator/organizations',
      payload: '{"name": ',
      headers: { authorization: 'Bearer test-operator-token-0123456789abcdef', 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ type: 'INVALID_HTTP_MESSAGE', messages: ['body: is not valid JSON'] });
  });

  it('answers a wrong content type with INVALID_HTTP_MESSAGE', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/operator/organizations',
      payload: 'name=x',
      headers: { authorization: 'Bearer test-operator-token-0123456789abcdef', 'content-type': 'text/plain' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().type).toBe('INVALID_HTTP_MESSAGE');
    expect(res.json().messages[0]).toMatch(/^content-type: /);
  });

  it('answers a field of the wrong JSON type with INVALID_HTTP_MESSAGE naming it', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/operator/organizations',
      payload: { name: 42 },
      headers: { authorization: 'Bearer test-operator-token-0123456789abcdef' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ type: 'INVALID_HTTP_MESSAGE', messages: ['name: must be string'] });
  });

  it('answers a missing field and a bad nested item with INVALID_REQUEST_PARAMS naming them', async () => {
    const op = { authorization: 'Bearer test-operator-token-0123456789abcdef' };
    const missing = await h.app.inject({ method: 'POST', url: '/operator/organizations', payload: {}, headers: op });
    expect(missing.json()).toEqual({ type: 'INVALID_REQUEST_PARAMS', messages: ['name: is required'] });
    const nested = await h.app.inject({ method: 'POST', url: '/operator/organizations', payload: { name: 'x', licences: ['accounts', 'telepathy'] }, headers: op });
    expect(nested.json().messages[0]).toMatch(/^licences\[1\]: must be one of accounts, /);
  });

  it('names out-of-range and malformed query parameters', async () => {
    const cases: [string, string][] = [
      ['limit=0', 'limit: must be >= 1'],
      ['limit=101', 'limit: must be <= 100'],
      ['limit=ten', 'limit: must be integer'],
      [`cursor=${'x'.repeat(129)}`, 'cursor: must NOT have more than 128 characters'],
      ['cursor=%7B', 'cursor: is not a cursor this API issued'],
    ];
    for (const [query, message] of cases) {
      const res = await h.app.inject({ url: `/enterprise/accounts?${query}`, headers: tenant.auth });
      expect(res.statusCode, query).toBe(400);
      expect(res.json(), query).toEqual({ type: 'INVALID_REQUEST_PARAMS', messages: [message] });
    }
  });

  it('hides internal failures behind the correlation id', async () => {
    const broken = await startHarness();
    const t = await broken.tenant();
    await broken.app.inject({ url: '/enterprise/accounts', headers: t.auth }); // caches the principal
    await broken.platform.database.close(); // the database goes away
    const res = await broken.app.inject({ url: '/enterprise/accounts', headers: { ...t.auth, 'x-correlation-id': 'corr-500' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ type: 'INTERNAL_ERROR', messages: ['internal error; correlation id corr-500'] });
    await broken.app.close();
  });
});

describe('correlation id', () => {
  it('echoes a given X-Correlation-ID and makes one otherwise, on success and error', async () => {
    const given = await h.app.inject({ url: '/enterprise/accounts', headers: { ...tenant.auth, 'x-correlation-id': 'abc-123' } });
    expect(given.headers['x-correlation-id']).toBe('abc-123');
    const made = await h.app.inject({ url: '/enterprise/accounts' });
    expect(made.statusCode).toBe(401);
    expect(made.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await h.app.inject({ url: '/enterprise/accounts', headers: { 'x-correlation-id': 'bad value\twith tab' } });
    expect(unsafe.headers['x-correlation-id']).not.toContain(' ');
  });
});

describe('rate limits', () => {
  it('counts per client and endpoint, then answers 429 with Retry-After', async () => {
    const limited = await startHarness({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const t = await limited.tenant();
      // Budgets are per minute: start well inside a window, so all four requests share it.
      await expect.poll(() => 60_000 - (Date.now() % 60_000), { interval: 100 }).toBeGreaterThanOrEqual(5_000);
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({ url: '/enterprise/accounts', headers: t.auth });
        statuses.push(res.statusCode);
        expect(res.headers['x-rate-limit-limit']).toBe('3');
        expect(res.headers['x-rate-limit-remaining']).toBe(String(Math.max(0, 2 - i)));
        expect(Number(res.headers['x-rate-limit-reset'])).toBeGreaterThan(0);
        if (res.statusCode === 429) {
          expect(res.json().type).toBe('TOO_MANY_REQUESTS');
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      // Another endpoint has its own budget; another client too.
      expect((await limited.app.inject({ url: '/enterprise/subscribers', headers: t.auth })).statusCode).toBe(200);
      const other = await limited.tenant();
      expect((await limited.app.inject({ url: '/enterprise/accounts', headers: other.auth })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('cursor pagination', () => {
  it('walks hundreds of accounts with no gap, no duplicate and no next on the last page', async () => {
    const t = await h.tenant();
    const made = new Set<string>();
    for (let i = 0; i < 250; i++) made.add((await createAccount(h.platform.db, t.organizationId, { name: `Unit ${i}`, country: 'GB' })).id);
    const seen: string[] = [];
    let url: string | undefined = '/enterprise/accounts?limit=7';
    let pages = 0;
    while (url) {
      const res = await h.app.inject({ url, headers: t.auth });
      expect(res.statusCode).toBe(200);
      const body: HalPage = res.json();
      seen.push(...body._embedded.accounts.map((a) => a.id));
      url = body._links.next?.href;
      pages++;
      if (url) expect(body._embedded.accounts).toHaveLength(7);
    }
    expect(pages).toBe(Math.ceil(250 / 7));
    expect(seen).toHaveLength(250);
    expect(new Set(seen)).toEqual(made);
    expect([...seen].sort().reverse()).toEqual(seen); // newest first
  });

  it('walks subscriptions under a filter and refuses a cursor used with other filters', async () => {
    const t = await h.tenant();
    const setup = await catalog(h.platform.db, t.organizationId, { sims: 120 });
    await subscriptionsFor(h.platform.db, t.organizationId, setup, 105);
    await subscriptionsFor(h.platform.db, t.organizationId, setup, 10, 'suspended');
    const seen = new Set<string>();
    let url: string | undefined = '/enterprise/subscriptions?status=active&limit=20';
    let cursorUrl = '';
    while (url) {
      const body: HalPage = (await h.app.inject({ url, headers: t.auth })).json();
      for (const s of body._embedded.subscriptions) seen.add(s.id);
      if (body._links.next) cursorUrl = body._links.next.href;
      url = body._links.next?.href;
    }
    expect(seen.size).toBe(105);
    const cursor = new URL(cursorUrl, 'http://x').searchParams.get('cursor')!;
    const mixed = await h.app.inject({ url: `/enterprise/subscriptions?status=suspended&cursor=${cursor}`, headers: t.auth });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().messages[0]).toMatch(/^cursor: was issued for other filters/);
    const unfiltered = await h.app.inject({ url: `/enterprise/subscriptions?cursor=${cursor}`, headers: t.auth });
    expect(unfiltered.statusCode).toBe(400);
  });
});
