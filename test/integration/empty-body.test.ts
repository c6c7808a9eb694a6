// The provider's documented curl lines send `Content-Type: application/json` on every
// request, also on a DELETE or a POST …/activate that carries nothing. An empty body
// with that content type is no body: on every route of every family, over real HTTP,
// the answer is the one given to the same request sent with no body and no content type.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchToken, OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';

let h: Harness;
let base: URL;
const auth: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '100000' });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = new URL(`http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`);
  auth.enterprise = (await h.tenant()).token;
  const org = await createOrganization(h.platform.db, { name: 'Empty Bodies', licences: [] });
  const { client, secret } = await createClient(h.platform.db, org.id, { name: 'am', family: 'connect', role: 'ACCOUNT_MANAGER' });
  auth.connect = await fetchToken(h.app, 'tru-staff', client.clientId, secret);
  auth.operator = OPERATOR_TOKEN;
});
afterAll(() => h.close());

/** A raw request, so that the headers are exactly these (Content-Length: 0, no body). */
function send(method: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const fill = (path: string) => path.replace(/\{[^}]+\}/g, (name) => (name === '{realm}' ? 'tru-staff' : 'x0'));

describe('an empty JSON body', () => {
  it('is no body, on every route that takes or may take one', async () => {
    const doc = (await h.app.inject({ url: '/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item).map((m) => m.toUpperCase())) {
        if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
        const family = path.startsWith('/connect-api') ? 'connect' : path.startsWith('/operator') ? 'operator' : 'enterprise';
        const url = fill(path);
        const headers = { authorization: `Bearer ${auth[family]}`, 'x-correlation-id': 'unique-id-from-requester-123' };
        const none = await send(method, url, { ...headers, 'content-length': '0' });
        const empty = await send(method, url, { ...headers, 'content-type': 'application/json', 'content-length': '0' });
        const emptyChunked = await send(method, url, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-cache' });
        expect(empty.body, `${method} ${path}`).not.toMatch(/is empty/);
        // A success that changed something may answer differently the second time (the
        // demo answers created: false): there the status must agree; a refusal must agree whole.
        const answer = (a: { status: number; body: string }) => (none.status < 300 ? { status: a.status } : a);
        expect(answer(empty), `${method} ${path} with an empty JSON body`).toEqual(answer(none));
        expect(answer(emptyChunked), `${method} ${path} as curl sends it`).toEqual(answer(none));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('lets POST /v1/subscriptions/{id}/activate and DELETE /v1/sim/{iccid} through to their own answers', async () => {
    const headers = { authorization: `Bearer ${auth.connect}`, 'content-type': 'application/json', 'content-length': '0' };
    const activate = await send('POST', '/connect-api/v1/subscriptions/no-such-subscription/activate', headers);
    expect(activate.status).toBe(404);
    expect(JSON.parse(activate.body).type).toBe('NOT_FOUND');
    const remove = await send('DELETE', '/connect-api/v1/sim/8900000000000000000', headers);
    expect(remove.status).toBe(404);
  });

  it('still answers a route that needs a body by naming it', async () => {
    const res = await send('POST', '/connect-api/v1/order', { authorization: `Bearer ${auth.connect}`, 'content-type': 'application/json', 'content-length': '0' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).messages[0]).toMatch(/^body: /);
  });
});
