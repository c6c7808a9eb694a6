// The role matrix of the provider's roles.md, on every Connect route: a RESELLER is
// entitled to order, products, sim, subscriptions and notifications; an
// ACCOUNT_MANAGER to those and customer. Every route the app serves under
// /connect-api (and again under its deprecated base /esim) must appear in the table
// below, so a new route is tested too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchToken, startHarness, type Harness } from '../support/harness.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';

/** roles.md, "Entitled API resources", as printed. */
const ENTITLED: Record<string, string[]> = {
  RESELLER: ['order', 'products', 'sim', 'subscriptions', 'notifications'],
  ACCOUNT_MANAGER: ['order', 'products', 'sim', 'subscriptions', 'customer', 'notifications'],
};

/** Each Connect route and the resource it serves. */
const CURRENT: Record<string, string> = {
  'GET /connect-api/v1/products': 'products',
  'GET /connect-api/v1/products/{id}': 'products',
  'GET /connect-api/v1/product': 'products',
  'GET /connect-api/v1/product/{id}': 'products',
  'POST /connect-api/v1/order': 'order',
  'GET /connect-api/v1/order': 'order',
  'GET /connect-api/v1/order/{id}': 'order',
  'GET /connect-api/v1/sim': 'sim',
  'GET /connect-api/v1/sim/{iccid}': 'sim',
  'DELETE /connect-api/v1/sim/{iccid}': 'sim',
  'PUT /connect-api/v1/sim/{iccid}': 'sim',
  'GET /connect-api/v1/sim/{iccid}/subscriptions': 'sim',
  'GET /connect-api/v1/sim/{iccid}/preferences': 'notifications',
  'POST /connect-api/v1/sim/{iccid}/preferences/notifications/{type}': 'notifications',
  'PUT /connect-api/v1/sim/{iccid}/preferences/notifications/{type}': 'notifications',
  'DELETE /connect-api/v1/sim/{iccid}/preferences/notifications/{type}': 'notifications',
  'GET /connect-api/v1/subscriptions': 'subscriptions',
  'GET /connect-api/v1/subscriptions/{id}': 'subscriptions',
  'POST /connect-api/v1/subscriptions/{id}/activate': 'subscriptions',
  'GET /connect-api/v1/subscription': 'subscriptions',
  'GET /connect-api/v1/subscription/{id}': 'subscriptions',
  'POST /connect-api/v1/subscription/{id}/activate': 'subscriptions',
  'POST /connect-api/v1/customer': 'customer',
  'GET /connect-api/v1/customer': 'customer',
  'PATCH /connect-api/v1/customer': 'customer',
  'PATCH /connect-api/v1/customer/{id}': 'customer',
  'GET /connect-api/v1/customer/{customerId}/payment-method': 'customer',
  'POST /connect-api/v1/customer/{customerId}/payment-method': 'customer',
  'DELETE /connect-api/v1/customer/{customerId}/payment-method/{id}': 'customer',
  // Deprecated paths subscriptions.md still lists.
  'GET /connect-api/v1/status/subscriptions': 'subscriptions',
  'POST /connect-api/v1/status/subscription/{id}/activate': 'subscriptions',
};

/** Every route again under the deprecated base URL /esim (environments.md). */
const ROUTES: Record<string, string> = {
  ...CURRENT,
  ...Object.fromEntries(Object.entries(CURRENT).map(([route, resource]) => [route.replace(' /connect-api/', ' /esim/'), resource])),
};

let h: Harness;
const tokens: Record<string, string> = {};
let served: string[] = [];

beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '100000' });
  const org = await createOrganization(h.platform.db, { name: 'Roles', licences: [] });
  for (const role of Object.keys(ENTITLED)) {
    const { client, secret } = await createClient(h.platform.db, org.id, { name: role, family: 'connect', role });
    tokens[role] = await fetchToken(h.app, 'tru-staff', client.clientId, secret);
  }
  const doc = (await h.app.inject({ url: '/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
  served = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/connect-api/') || path.startsWith('/esim/'))
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
});
afterAll(() => h.close());

describe('the Connect role matrix', () => {
  it('knows every Connect route the app serves, and no other', () => {
    expect([...served].sort()).toEqual(Object.keys(ROUTES).sort());
  });

  const cases = Object.entries(ROUTES).flatMap(([route, resource]) =>
    Object.keys(ENTITLED).map((role) => ({ route, resource, role, entitled: ENTITLED[role].includes(resource) })),
  );

  it.each(cases)('$role on $route ($resource): entitled $entitled', async ({ route, role, entitled, resource }) => {
    const [method, path] = route.split(' ');
    const url = path.replace('{type}', 'USAGE_THRESHOLD').replace(/\{[^}]+\}/g, 'x0');
    const res = await h.app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
      payload: method === 'GET' || method === 'DELETE' ? undefined : '{}',
    });
    if (entitled) {
      expect(res.statusCode, res.body).not.toBe(403);
      expect(res.statusCode, res.body).toBeLessThan(500);
    } else {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ type: 'ACCESS_DENIED', messages: [`a ${role} role is not entitled to the ${resource} resource`] });
    }
  });
});
