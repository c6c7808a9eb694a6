// Idempotency-Key on every POST that creates or changes something, in every family: the
// same key and request replay the first answer and do nothing twice; the same key with
// another request is 409; another caller's same key is its own. (The Enterprise family's
// behaviour in depth: test/orders-reliability.test.ts; Connect orders and payment
// methods: test/connect.test.ts, test/connect-customers.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { fetchToken, OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { stockUp } from '../support/fixtures.ts';
import { until } from '../support/wait.ts';
import { queryRows } from '../../src/db/database.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { createResellerProduct } from '../../src/domain/catalog/reseller-products.service.ts';
import { iccidWithCheckDigit } from '../../src/domain/telecom.ts';

/** The POSTs that take no key, and why each needs none. */
const WITHOUT_KEY: Record<string, string> = {
  'POST /auth/realms/{realm}/protocol/openid-connect/token': 'OAuth2 token endpoint: each grant is a new token by design (RFC 6749); a retry only gets another',
  'POST /es2plus/gsma/rsp2/es2plus/handleDownloadProgressInfo': 'the SM-DP+ callback, not a client: it carries its own call identifier and applying an event twice changes nothing',
  'POST /console/api/session': 'logging in: each is a new session by design, like a token grant; a retry only opens another',
  'POST /console/api/session/token': "a session's short-lived API token: each call is a new token by design; a retry only gets another",
  'POST /console/api/invitations/accept': "the invitation's token is used once: a retry is refused naming the token and changes nothing",
  'POST /console/api/members': "a person's email is unique: a retry invites no one twice (409 naming the email)",
  'POST /operator/demo': 'seeds the demo world once (under a lock); every call answers the same credentials',
  'POST /operator/usage/records':
    "each record is keyed by its source_record_id, so a re-sent batch rates nothing twice; the ingest runs transactions of its own (partitions are made outside the rating transaction), which a key's transaction cannot hold",
};

let h: Harness;
const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
const operator = (url: string, payload: unknown, key?: string) =>
  h.app.inject({ method: 'POST', url: `/operator${url}`, payload: payload as object, headers: { ...op, ...(key ? { 'idempotency-key': key } : {}) } });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('Idempotency-Key', () => {
  it('is declared by every POST but the few named with the reason they need none', async () => {
    const doc = (await h.app.inject({ url: '/openapi.json' })).json<{ paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> }>();
    const withoutKey = Object.entries(doc.paths).flatMap(([path, item]) =>
      item.post && !item.post.parameters?.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key') ? [`POST ${path}`] : [],
    );
    expect(withoutKey.sort()).toEqual(Object.keys(WITHOUT_KEY).sort());
  });
});

describe('Idempotency-Key on the operator API', () => {
  it('creates one organization for one key, and answers a retry the same; another request with the key is 409', async () => {
    const body = { name: 'Once Ltd', licences: ['accounts'] };
    const first = await operator('/organizations', body, 'org-once');
    const again = await operator('/organizations', body, 'org-once');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const named = await queryRows<{ n: number }>(h.platform.db, sql`SELECT count(*)::int AS n FROM organizations WHERE name = 'Once Ltd'`);
    expect(named[0].n).toBe(1);

    const other = await operator('/organizations', { ...body, name: 'Twice Ltd' }, 'org-once');
    expect(other.statusCode).toBe(409);
    expect(other.json().messages).toEqual(['idempotency-key: was already used with another request']);
    // Without a key, each POST creates.
    expect((await operator('/organizations', body)).json().id).not.toBe(first.json().id);
  });

  it('replays a new client with its secret, which is stored sealed, never in the clear', async () => {
    const org = (await operator('/organizations', { name: 'Client Co', licences: ['accounts'] })).json().id;
    const body = { name: 'erp', family: 'enterprise', licences: ['accounts'] };
    const first = await operator(`/organizations/${org}/clients`, body, 'client-once');
    const again = await operator(`/organizations/${org}/clients`, body, 'client-once');
    expect(first.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const { client_id: clientId, client_secret: secret } = first.json();
    expect(await fetchToken(h.app, 'enterprise-apis', clientId, secret)).toBeTruthy();
    expect((await h.app.inject({ url: `/operator/organizations/${org}/clients`, headers: op })).json()).toHaveLength(1);
    const [stored] = await queryRows<{ body: string }>(h.platform.db, sql`SELECT body::text AS body FROM operator_idempotency_keys WHERE key = 'client-once'`);
    expect(stored.body).toContain('A256GCM');
    expect(stored.body).not.toContain(secret);
    expect(stored.body).not.toContain(clientId);
  });

  it('is part of the request with the URL: the same key and body for another organization is another request', async () => {
    const [a, b] = [(await operator('/organizations', { name: 'Branch A' })).json().id, (await operator('/organizations', { name: 'Branch B' })).json().id];
    const body = { name: 'UK', country: 'GB' };
    expect((await operator(`/organizations/${a}/accounts`, body, 'acc-1')).statusCode).toBe(201);
    const elsewhere = await operator(`/organizations/${b}/accounts`, body, 'acc-1');
    expect(elsewhere.statusCode).toBe(409);
    expect((await h.app.inject({ url: `/operator/organizations/${b}/accounts`, headers: op })).json().items).toEqual([]);
  });

  it("answers an import's retry as the import was answered, not as a batch of duplicates", async () => {
    const iccids = Array.from({ length: 3 }, (_, i) => iccidWithCheckDigit(`89447${String(process.pid % 10_000).padStart(4, '0')}${String(i).padStart(9, '0')}`));
    const first = await operator('/sims', { sim_type: 'esim', iccids }, 'sims-once');
    const again = await operator('/sims', { sim_type: 'esim', iccids }, 'sims-once');
    expect(first.json()).toEqual({ imported: 3, duplicates: 0 });
    expect(again.json()).toEqual({ imported: 3, duplicates: 0 });
    expect(again.headers['idempotent-replayed']).toBe('true');
    // Without the key the same import reports what it found.
    expect((await operator('/sims', { sim_type: 'esim', iccids })).json()).toEqual({ imported: 0, duplicates: 3 });
  });

  it("replays a refusal, and keeps the operator's keys apart from any API client's", async () => {
    const missing = await operator('/organizations/org_00000000000000000000000000/accounts', { name: 'X', country: 'GB' }, 'shared-key');
    expect(missing.statusCode).toBe(404);
    const replayed = await operator('/organizations/org_00000000000000000000000000/accounts', { name: 'X', country: 'GB' }, 'shared-key');
    expect(replayed.statusCode).toBe(404);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    // A partner's client sending the same key gets its own answer.
    const org = await createOrganization(h.platform.db, { name: 'Key Sharer', licences: [] });
    const { client, secret } = await createClient(h.platform.db, org.id, { name: 'am', family: 'connect', role: 'ACCOUNT_MANAGER' });
    const auth = { authorization: `Bearer ${await fetchToken(h.app, 'tru-staff', client.clientId, secret)}` };
    const res = await h.app.inject({
      method: 'POST',
      url: '/connect-api/v1/customer',
      headers: { ...auth, 'idempotency-key': 'shared-key' },
      payload: { type: 'PERSONAL', email: 'sharer@example.com', firstName: 'Kay', lastName: 'Sharer', countryOfResidence: 'GB' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('does not move a sandbox clock twice for one key', async () => {
    const org = (await operator('/organizations', { name: 'Clockwork' })).json().id;
    const first = await operator(`/organizations/${org}/sandbox/advance`, { seconds: 3600 }, 'tick-1');
    const again = await operator(`/organizations/${org}/sandbox/advance`, { seconds: 3600 }, 'tick-1');
    expect(first.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
  });
});

describe('Idempotency-Key on Connect activation', () => {
  const DAY = 86_400_000;

  /** A reseller with a PENDING subscription (a top-up that starts in five days). */
  async function resellerWithPending(name: string) {
    const org = await createOrganization(h.platform.db, { name, licences: [] });
    const { client, secret } = await createClient(h.platform.db, org.id, { name: 'shop', family: 'connect', role: 'RESELLER' });
    const auth = { authorization: `Bearer ${await fetchToken(h.app, 'tru-staff', client.clientId, secret)}` };
    const product = (
      await createResellerProduct(h.platform.db, org.id, {
        name: '3GB',
        period: 30,
        period_unit: 'DAYS',
        data: { value: 3, units: 'GB' },
        footprint: ['PT'],
        pricing: { EUR: 10 },
        region: 'europe',
      })
    ).id;
    const completed = (id: string) =>
      until(`order ${id} never finished`, async () => {
        const order = (await h.app.inject({ url: `/connect-api/v1/order/${id}`, headers: auth })).json();
        return order.status === 'COMPLETED' && order;
      });
    const order = async (input: object) => {
      const res = await h.app.inject({ method: 'POST', url: '/connect-api/v1/order', headers: auth, payload: { input } });
      expect(res.statusCode, res.body).toBe(201);
      return completed(res.json().id);
    };
    const { iccid } = (
      await order({
        operationType: 'NEW_ESIM',
        countryCode: 'PT',
        customer: { email: 'a@b.example' },
        device: { id: 'd-1', type: 'ios' },
        subscriptions: [{ product_id: product }],
      })
    ).output;
    await order({
      operationType: 'TOPUP',
      countryCode: 'PT',
      esim: { iccid },
      subscriptions: [{ product_id: product, activationDate: new Date(Date.now() + 5 * DAY).toISOString() }],
    });
    const subscriptions = (await h.app.inject({ url: `/connect-api/v1/sim/${iccid}/subscriptions`, headers: auth })).json<{ id: string; status: string }[]>();
    return { auth, iccid, pending: subscriptions.filter((s) => s.status === 'PENDING').map((s) => s.id) };
  }

  it("activates once for one key and replays the answer; the key for another subscription is 409; another organization's same key is its own", async () => {
    await stockUp(h.platform.db, { sims: 4, numbers: 0 });
    const shop = await resellerWithPending('Activation Shop');
    const [pending] = shop.pending;
    const activate = (auth: object, id: string) =>
      h.app.inject({ method: 'POST', url: `/connect-api/v1/subscription/${encodeURIComponent(id)}/activate`, headers: { ...auth, 'idempotency-key': 'activate-1' } });
    const first = await activate(shop.auth, pending);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().status).toBe('ACTIVE');
    const again = await activate(shop.auth, pending);
    expect(again.statusCode).toBe(200); // not 409 (no longer PENDING): the first answer
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());

    const elsewhere = await activate(shop.auth, 'sub_00000000000000000000000000');
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().messages).toEqual(['idempotency-key: was already used with another request']);

    const rival = await resellerWithPending('Rival Shop');
    const theirs = await activate(rival.auth, rival.pending[0]);
    expect(theirs.statusCode, theirs.body).toBe(200);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).toBe(rival.pending[0]);
  });

  it('is honoured by POST (not PUT) of a notification preference', async () => {
    const shop = await resellerWithPending('Preference Shop');
    const url = `/connect-api/v1/sim/${shop.iccid}/preferences/notifications/USAGE_THRESHOLD`;
    const set = (webhook: string) => h.app.inject({ method: 'POST', url, headers: { ...shop.auth, 'idempotency-key': 'pref-1' }, payload: { webhook_url: webhook } });
    expect((await set('https://hooks.example.com/a')).statusCode).toBe(200);
    const again = await set('https://hooks.example.com/a');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await set('https://hooks.example.com/b')).statusCode).toBe(409);
  });
});
