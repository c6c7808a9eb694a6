// A console session's token on the APIs (docs/console.md): an enterprise admin reads
// /enterprise, a reseller admin /connect-api/v1, operator staff /operator; a viewer is
// refused every change, operator support everything but retries and redeliveries; a
// member never reads another organization's subscription.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { consoleToken, createPerson, logIn } from '../support/console.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';
import { updateOrder } from '../../src/domain/orders/orders.store.ts';

let h: Harness;
let orgA: string;
let orgB: string;
let subscriptionB: string;
let subscriptionA: string;
let setupA: Awaited<ReturnType<typeof catalog>>;
const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };

/** A token of a new person's console session. */
async function tokenOf(input: Parameters<typeof createPerson>[1]) {
  const person = await createPerson(h, input);
  return consoleToken(h, await logIn(h, person.email));
}

beforeAll(async () => {
  h = await startHarness({ WORKERS: 'off' });
  orgA = (await h.tenant({ name: 'Org A' })).organizationId;
  orgB = (await h.tenant({ name: 'Org B' })).organizationId;
  setupA = await catalog(h.platform.db, orgA, { sims: 2 });
  [subscriptionA] = (await subscriptionsFor(h.platform.db, orgA, setupA, 1)).map((p) => p.subscription.id);
  [subscriptionB] = (await subscriptionsFor(h.platform.db, orgB, await catalog(h.platform.db, orgB, { sims: 2 }), 1)).map((p) => p.subscription.id);
});
afterAll(() => h.close());

describe('an enterprise member', () => {
  it('gets a 300 s token for /enterprise that reads their organization', async () => {
    const token = await tokenOf({ role: 'admin', organizationId: orgA });
    expect(token).toMatchObject({ api: 'enterprise', base_path: '/enterprise' });
    for (const url of ['/enterprise/subscriptions', '/enterprise/accounts', `/enterprise/subscriptions/${subscriptionA}`]) {
      expect((await h.app.inject({ url, headers: token })).statusCode, url).toBe(200);
    }
  });

  it("never reads another organization's subscription", async () => {
    const token = await tokenOf({ role: 'admin', organizationId: orgA });
    const res = await h.app.inject({ url: `/enterprise/subscriptions/${subscriptionB}`, headers: token });
    expect(res.statusCode).toBe(404);
    const list = await h.app.inject({ url: '/enterprise/subscriptions?limit=100', headers: token });
    expect(list.body).not.toContain(subscriptionB);
  });

  it('as a viewer reads but is refused placing an order (403), where an admin gets past the guard', async () => {
    const viewer = await tokenOf({ role: 'viewer', organizationId: orgA });
    expect((await h.app.inject({ url: '/enterprise/subscriptions', headers: viewer })).statusCode).toBe(200);
    const order = { method: 'POST' as const, url: '/enterprise/orders', payload: { type: 'suspend', subscription_id: subscriptionA } };
    const refused = await h.app.inject({ ...order, headers: viewer });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ type: 'ACCESS_DENIED', messages: ['a console viewer may only read'] });
    const admin = await tokenOf({ role: 'admin', organizationId: orgA });
    expect((await h.app.inject({ ...order, headers: admin })).statusCode).not.toBe(403);
  });

  it('is not accepted on /connect-api or /operator', async () => {
    const token = await tokenOf({ role: 'admin', organizationId: orgA });
    expect((await h.app.inject({ url: '/connect-api/v1/subscriptions', headers: token })).statusCode).toBe(401);
    expect((await h.app.inject({ url: '/operator/organizations', headers: token })).statusCode).toBe(401);
  });

  it('loses the token when disabled', async () => {
    const person = await createPerson(h, { role: 'admin', organizationId: orgA });
    const token = await consoleToken(h, await logIn(h, person.email));
    expect((await h.app.inject({ method: 'PATCH', url: `/operator/people/${person.id}`, payload: { disabled: true }, headers: op })).statusCode).toBe(200);
    expect((await h.app.inject({ url: '/enterprise/subscriptions', headers: token })).statusCode).toBe(401);
  });
});

describe('a reseller (Connect) member', () => {
  it('gets a token for /connect-api/v1 with role RESELLER', async () => {
    const token = await tokenOf({ role: 'admin', organizationId: orgA, family: 'connect' });
    expect(token).toMatchObject({ api: 'connect', base_path: '/connect-api/v1' });
    expect((await h.app.inject({ url: '/connect-api/v1/subscriptions', headers: token })).statusCode).toBe(200);
    expect((await h.app.inject({ url: '/connect-api/v1/sim', headers: token })).statusCode).toBe(200);
    // RESELLER is not entitled to customers (roles.md).
    expect((await h.app.inject({ url: '/connect-api/v1/customer', headers: token })).json().type).toBe('ACCESS_DENIED');
    expect((await h.app.inject({ url: '/enterprise/subscriptions', headers: token })).statusCode).toBe(401);
  });

  it('as a viewer is refused an order with ACCESS_DENIED', async () => {
    const token = await tokenOf({ role: 'viewer', organizationId: orgA, family: 'connect' });
    const res = await h.app.inject({ method: 'POST', url: '/connect-api/v1/order', payload: { type: 'ACTIVATION' }, headers: token });
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toBe('ACCESS_DENIED');
  });
});

describe('operator staff', () => {
  it('admin: a token for /operator that may create an organization', async () => {
    const token = await tokenOf({ role: 'admin' });
    expect(token).toMatchObject({ api: 'operator', base_path: '/operator' });
    expect((await h.app.inject({ url: '/operator/organizations', headers: token })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'POST', url: '/operator/organizations', payload: { name: 'By admin' }, headers: token })).statusCode).toBe(201);
  });

  it('support: reads, may retry orders and redeliver webhooks, but may not create or change anything else', async () => {
    const token = await tokenOf({ role: 'support' });
    for (const url of ['/operator/organizations', '/operator/orders', '/operator/people', '/operator/mail']) {
      expect((await h.app.inject({ url, headers: token })).statusCode, url).toBe(200);
    }
    const refused = [
      { method: 'POST' as const, url: '/operator/organizations', payload: { name: 'By support' } },
      { method: 'PUT' as const, url: `/operator/organizations/${orgA}/licences`, payload: { licences: [] } },
      { method: 'POST' as const, url: `/operator/organizations/${orgA}/clients`, payload: { name: 'x', family: 'enterprise' } },
      { method: 'POST' as const, url: '/operator/people', payload: { email: 'x@example.test', name: 'X', role: 'admin' } },
      { method: 'POST' as const, url: '/operator/sims', payload: {} },
    ];
    for (const request of refused) {
      const res = await h.app.inject({ ...request, headers: token });
      expect(res.statusCode, request.url).toBe(403);
      expect(res.json().type).toBe('ACCESS_DENIED');
    }
    expect((await h.app.inject({ url: `/operator/organizations/${orgA}`, headers: op })).json().licences.length).toBeGreaterThan(0);
    // A failed order (placed by a member's console, failed by hand: the workers are off here) is retried.
    const member = await tokenOf({ role: 'admin', organizationId: orgA });
    const placed = await h.app.inject({
      method: 'POST',
      url: '/enterprise/orders',
      payload: {
        type: 'activate_subscription',
        account_id: setupA.account.id,
        template_id: setupA.template.id,
        subscriber: { first_name: 'Mo', last_name: 'Ops', email: 'mo@example.test' },
        sim_profile: { sim_type: 'esim', delivery: { type: 'api' } },
      },
      headers: member,
    });
    expect(placed.statusCode, placed.body).toBe(201);
    await updateOrder(h.platform.db, placed.json().id, { status: 'failed', failureReason: 'failed for this test' });
    const retried = await h.app.inject({ method: 'POST', url: `/operator/orders/${placed.json().id}/retry`, headers: token });
    expect(retried.statusCode, retried.body).toBe(202);
    // Allowed through the role check: an unknown order is the retry's own 404, not 403.
    const retry = await h.app.inject({ method: 'POST', url: '/operator/orders/order_01HTJA47C93ABKKR58T05JBAJB/retry', headers: token });
    expect(retry.statusCode).toBe(404);
    const redeliver = await h.app.inject({ method: 'POST', url: '/operator/webhooks/deliveries/msg_01HTJA47C93ABKKR58T05JBAJB/redeliver', headers: token });
    expect(redeliver.statusCode).toBe(404);
  });

  it("a member's session token is refused by /operator and an operator's by the partner APIs", async () => {
    const operator = await tokenOf({ role: 'admin' });
    expect((await h.app.inject({ url: '/enterprise/subscriptions', headers: operator })).statusCode).toBe(401);
    expect((await h.app.inject({ url: '/connect-api/v1/subscriptions', headers: operator })).statusCode).toBe(401);
  });
});
