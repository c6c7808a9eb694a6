// Safe retries: a create carries an automatic Idempotency-Key, so when its answer is
// lost (the connection drops, or the answer never comes) the SDK sends it again and the
// server replays the first answer: exactly one order. A 429 is retried after its
// Retry-After. A request the server would not replay is never sent twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCellhub, CellhubError } from '@cellhub/sdk';
import { OPERATOR_TOKEN, startHarness, type Harness, type Tenant } from '../../support/harness.ts';
import { catalog } from '../../support/fixtures.ts';
import { faultProxy, listening, type Action, type Seen } from '../../support/sdk.ts';

let h: Harness;
let baseUrl: string;
beforeAll(async () => {
  h = await startHarness({ WORKERS: 'off' });
  baseUrl = await listening(h);
});
afterAll(() => h.close());

/** The first request matching `which` meets `action`; every other request passes. */
function once(which: (r: Seen) => boolean, action: Action) {
  let done = false;
  return (request: Seen): Action => {
    if (done || !which(request)) return 'pass';
    done = true;
    return action;
  };
}

const isOrder = (r: Seen) => r.method === 'POST' && r.url === '/enterprise/orders';

async function enterprise() {
  const tenant = await h.tenant();
  const setup = await catalog(h.platform.db, tenant.organizationId, { sims: 5 });
  const order = {
    type: 'activate_subscription' as const,
    account_id: setup.account.id,
    template_id: setup.template.id,
    subscriber: { first_name: 'Ada', last_name: 'Lovelace', email: `ada.${tenant.organizationId}@example.com` },
    sim_profile: { sim_type: 'esim' as const, delivery: { type: 'api' as const } },
  };
  return { tenant, order };
}

const sdkVia = (url: string, tenant: Tenant, extra: object = {}) =>
  createCellhub({ baseUrl: url, credentials: { realm: 'enterprise-apis', clientId: tenant.clientId, clientSecret: tenant.secret }, ...extra });

async function ordersOf(tenant: Tenant) {
  const sdk = sdkVia(baseUrl, tenant);
  const ids = [];
  for await (const order of sdk.items('/enterprise/orders')) ids.push(order.id);
  return ids;
}

describe('a lost answer to an order', () => {
  it('is recovered by sending the order again with the same key: one order', async () => {
    const { tenant, order } = await enterprise();
    const proxy = await faultProxy(baseUrl, once(isOrder, 'drop'));
    try {
      const placed = await sdkVia(proxy.url, tenant).post('/enterprise/orders', { body: order });
      const posts = proxy.seen.filter(isOrder);
      expect(posts).toHaveLength(2);
      expect(posts[0].headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      expect(posts[1].headers['idempotency-key']).toBe(posts[0].headers['idempotency-key']);
      expect(posts[1].headers['x-correlation-id']).toBe(posts[0].headers['x-correlation-id']);
      expect(posts.map((p) => p.upstream?.status)).toEqual([201, 201]);
      expect(posts[1].upstream?.headers.get('idempotent-replayed')).toBe('true');
      expect(await ordersOf(tenant)).toEqual([placed.id]);
    } finally {
      await proxy.close();
    }
  });

  it('that never comes is abandoned after the timeout and asked again: one order', async () => {
    const { tenant, order } = await enterprise();
    const proxy = await faultProxy(baseUrl, once(isOrder, 'hold'));
    try {
      // Retries to spare: on a busy machine a retry's real answer may outlast the timeout too.
      const placed = await sdkVia(proxy.url, tenant, { timeoutMs: 3_000, retry: { retries: 10 } }).post('/enterprise/orders', { body: order });
      const posts = proxy.seen.filter(isOrder);
      expect(posts.length).toBeGreaterThanOrEqual(2);
      expect(new Set(posts.map((p) => p.headers['idempotency-key'])).size).toBe(1);
      expect(await ordersOf(tenant)).toEqual([placed.id]);
    } finally {
      await proxy.close();
    }
  });

  it('is not recovered without an Idempotency-Key: the order is not sent twice', async () => {
    const { tenant, order } = await enterprise();
    const proxy = await faultProxy(baseUrl, once(isOrder, 'drop'));
    try {
      const error = await sdkVia(proxy.url, tenant, { idempotencyKeys: false })
        .post('/enterprise/orders', { body: order })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect(proxy.seen.filter(isOrder)).toHaveLength(1);
      expect(proxy.seen[0].headers['idempotency-key']).toBeUndefined();
      expect(await ordersOf(tenant)).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('to a create the server does not replay is not sent twice, key or not', async () => {
    // The usage ingest takes no Idempotency-Key (records are de-duplicated by their own ids instead).
    const isCreate = (r: Seen) => r.method === 'POST' && r.url === '/operator/usage/records';
    const proxy = await faultProxy(baseUrl, once(isCreate, 'drop'));
    try {
      const operator = createCellhub({ baseUrl: proxy.url, bearer: OPERATOR_TOKEN });
      const error = await operator.post('/operator/usage/records', { body: { records: [] } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      const creates = proxy.seen.filter(isCreate);
      expect(creates).toHaveLength(1);
      expect(creates[0].headers['idempotency-key']).toBeDefined();
    } finally {
      await proxy.close();
    }
  });
});

describe('429 with Retry-After', () => {
  const tooMany = (seconds: string): Action => ({
    status: 429,
    headers: { 'retry-after': seconds, 'x-correlation-id': 'proxy-429' },
    body: { type: 'TOO_MANY_REQUESTS', messages: [`retry in ${seconds} s`] },
  });
  const isRead = (r: Seen) => r.method === 'GET' && r.url.startsWith('/enterprise/accounts');

  it('is waited out and retried', async () => {
    const { tenant } = await enterprise();
    const proxy = await faultProxy(baseUrl, once(isRead, tooMany('1')));
    try {
      const started = performance.now();
      const accounts = await sdkVia(proxy.url, tenant).get('/enterprise/accounts');
      expect(performance.now() - started).toBeGreaterThanOrEqual(950);
      expect(accounts._embedded.accounts).toHaveLength(1);
      expect(proxy.seen.filter(isRead).map((r) => r.upstream?.status)).toEqual([undefined, 200]);
    } finally {
      await proxy.close();
    }
  });

  it('longer than the SDK will wait is answered as the error at once', async () => {
    const { tenant } = await enterprise();
    const proxy = await faultProxy(baseUrl, once(isRead, tooMany('3600')));
    try {
      const error = await sdkVia(proxy.url, tenant)
        .get('/enterprise/accounts')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CellhubError);
      expect(error).toMatchObject({ status: 429, type: 'TOO_MANY_REQUESTS', messages: ['retry in 3600 s'], correlationId: 'proxy-429', retryAfterSeconds: 3600 });
      expect(proxy.seen.filter(isRead)).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});

describe('a retry that finds the first attempt still running', () => {
  it('waits for it and answers its replay', async () => {
    // The server's refusal while the key's first request still runs (src/http/idempotency.ts).
    const stillRunning = { type: 'CONFLICT', messages: ['idempotency-key: the first request with this key is still being processed'] };
    const replay = { type: 'activate_subscription', status: 'pending' };
    const keys: (string | null)[] = [];
    const answers = [
      () => Promise.reject(new TypeError('fetch failed')),
      () => Promise.resolve(Response.json(stillRunning, { status: 409 })),
      () => Promise.resolve(Response.json(replay, { status: 201 })),
    ];
    const sdk = createCellhub({
      baseUrl: 'http://cellhub.invalid',
      bearer: 'token',
      fetch: (request) => (keys.push(request.headers.get('idempotency-key')), answers[keys.length - 1]()),
    });
    const answer = await sdk.post('/enterprise/orders', { body: {} as never });
    expect(answer).toEqual(replay);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it('but a conflict on the first attempt is the answer', async () => {
    const sdk = createCellhub({
      baseUrl: 'http://cellhub.invalid',
      bearer: 'token',
      fetch: async () => Response.json({ type: 'CONFLICT', messages: ['idempotency-key: the first request with this key is still being processed'] }, { status: 409 }),
    });
    await expect(sdk.post('/enterprise/orders', { body: {} as never })).rejects.toMatchObject({ status: 409, type: 'CONFLICT' });
  });
});
