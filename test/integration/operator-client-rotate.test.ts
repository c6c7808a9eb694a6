import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
const rotate = (org: string, clientId: string, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'POST', url: `/operator/organizations/${org}/clients/${clientId}/rotate-secret`, headers: { ...op, ...headers } });

const tokenStatus = async (clientId: string, secret: string, extra: Record<string, string> = {}) => {
  const res = await h.app.inject({
    method: 'POST',
    url: '/auth/realms/enterprise-apis/protocol/openid-connect/token',
    payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, ...extra }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return res;
};

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("rotating an API client's secret", () => {
  it('answers a new secret once; the old secret and its refresh tokens stop working, the new one works', async () => {
    const t = await h.tenant();
    const before = await tokenStatus(t.clientId, t.secret);
    expect(before.statusCode).toBe(200);
    expect(before.json().refresh_token).toBeTruthy();

    const res = await rotate(t.organizationId, t.clientId);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ client_id: t.clientId, organization_id: t.organizationId, disabled: false });
    expect(body.client_secret).not.toBe(t.secret);
    expect(body.client_secret.length).toBeGreaterThan(20);

    expect((await tokenStatus(t.clientId, t.secret)).statusCode).toBe(401);
    expect((await tokenStatus(t.clientId, body.client_secret)).statusCode).toBe(200);
    const refreshed = await tokenStatus(t.clientId, body.client_secret, { grant_type: 'refresh_token', refresh_token: before.json().refresh_token });
    expect(refreshed.statusCode).not.toBe(200);

    const listed = await h.app.inject({ url: `/operator/organizations/${t.organizationId}/clients`, headers: op });
    expect(JSON.stringify(listed.json())).not.toContain(body.client_secret);
  });

  it('replays the same secret for the same Idempotency-Key instead of rotating twice', async () => {
    const t = await h.tenant();
    const first = await rotate(t.organizationId, t.clientId, { 'idempotency-key': 'rotate-1' });
    const again = await rotate(t.organizationId, t.clientId, { 'idempotency-key': 'rotate-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().client_secret).toBe(first.json().client_secret);
    expect((await tokenStatus(t.clientId, first.json().client_secret)).statusCode).toBe(200);
  });

  it("answers 404 for another organization's client and for a disabled client", async () => {
    const a = await h.tenant();
    const b = await h.tenant();
    const crossed = await rotate(b.organizationId, a.clientId);
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json().type).toBe('NOT_FOUND');
    expect((await tokenStatus(a.clientId, a.secret)).statusCode).toBe(200);

    await h.app.inject({ method: 'DELETE', url: `/operator/organizations/${a.organizationId}/clients/${a.clientId}`, headers: op });
    expect((await rotate(a.organizationId, a.clientId)).statusCode).toBe(404);
  });

  it('needs the operator token', async () => {
    const t = await h.tenant();
    const res = await h.app.inject({ method: 'POST', url: `/operator/organizations/${t.organizationId}/clients/${t.clientId}/rotate-secret`, headers: t.auth });
    expect(res.statusCode).toBe(401);
  });
});
