import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('OpenAPI', () => {
  it('documents every route with its error responses', async () => {
    const res = await h.app.inject({ url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.Error.properties).toHaveProperty('messages');
    const documented = new Set<string>();
    for (const [path, item] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        documented.add(`${method.toUpperCase()} ${path}`);
        const statuses = Object.keys(op.responses);
        // The liveness probe has no error to document: it answers whenever the process does.
        if (path === '/healthz') continue;
        expect(statuses.some((s) => s.startsWith('4') || s.startsWith('5')), `${method} ${path} documents no error`).toBe(true);
      }
    }
    const expected = [
      'GET /enterprise/accounts', 'GET /enterprise/accounts/{id}',
      'GET /enterprise/subscribers', 'GET /enterprise/subscribers/{id}',
      'GET /enterprise/subscriptions', 'GET /enterprise/subscriptions/{id}',
      'GET /enterprise/subscriptions/{id}/phone-numbers', 'GET /enterprise/subscriptions/{id}/services',
      'GET /enterprise/subscriptions/{id}/sim-profile',
      'GET /enterprise/order-templates', 'GET /enterprise/order-templates/{id}',
      'GET /enterprise/products', 'GET /enterprise/products/{id}',
      'POST /auth/realms/{realm}/protocol/openid-connect/token',
      'GET /auth/realms/{realm}/protocol/openid-connect/certs',
      'POST /operator/organizations', 'POST /operator/sims', 'POST /operator/number-pools/{id}/numbers',
      'POST /enterprise/orders', 'GET /enterprise/orders', 'GET /enterprise/orders/{id}',
      'GET /enterprise/subscriptions/{id}/sim-profile/qr-code.png', 'GET /enterprise/subscriptions/{id}/sim-profile/qr-code.svg',
      'GET /operator/orders', 'POST /operator/orders/{id}/retry', 'GET /operator/mail', 'POST /operator/sims/{iccid}/events',
      'POST /es2plus/gsma/rsp2/es2plus/handleDownloadProgressInfo',
      'GET /healthz', 'GET /readyz', 'GET /metrics',
      'POST /connect-api/v1/customer', 'GET /connect-api/v1/customer', 'PATCH /connect-api/v1/customer/{id}', 'PATCH /connect-api/v1/customer',
      'GET /connect-api/v1/customer/{customerId}/payment-method', 'POST /connect-api/v1/customer/{customerId}/payment-method',
      'DELETE /connect-api/v1/customer/{customerId}/payment-method/{id}', 'GET /operator/organizations/{org}/customers',
    ];
    for (const route of expected) expect(documented, route).toContain(route);
    const get = doc.paths['/enterprise/subscriptions'].get;
    expect(get.responses['401']).toBeDefined();
    expect(get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/readyz'].get.responses['503']).toBeDefined();
    expect(doc.paths['/metrics'].get.security).toEqual([{ operator: [] }]);
  });

  it('serves the docs UI', async () => {
    const res = await h.app.inject({ url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('swagger');
  });
});
