// Logs carry the correlation id of every request, and never a token or a secret.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { buildApp } from '../../src/app.ts';
import type { App } from '../../src/http/app-type.ts';
import { createPerson, PASSWORD } from '../support/console.ts';

let h: Harness;
let app: App;
const lines: string[] = [];
beforeAll(async () => {
  h = await startHarness({ LOG_LEVEL: 'trace' });
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  app = await buildApp(h.platform, { operatorToken: OPERATOR_TOKEN, logStream: stream, workers: h.workers });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await h.close();
});

describe('logs', () => {
  it('hold the correlation id and no credentials', async () => {
    const t = await h.tenant();
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: t.clientId, client_secret: t.secret }).toString();
    const tokenRes = await app.inject({
      method: 'POST',
      url: '/auth/realms/enterprise-apis/protocol/openid-connect/token',
      payload: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-correlation-id': 'log-test-1' },
    });
    const token = tokenRes.json().access_token;
    const basic = Buffer.from(`${t.clientId}:${t.secret}`).toString('base64');
    await app.inject({
      method: 'POST',
      url: '/auth/realms/enterprise-apis/protocol/openid-connect/token',
      payload: 'grant_type=client_credentials',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
    });
    await app.inject({ url: '/enterprise/accounts', headers: { authorization: `Bearer ${token}`, 'x-correlation-id': 'log-test-2' } });
    await app.inject({ url: '/operator/organizations', headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
    const log = lines.join('');
    expect(log).toContain('"correlation_id":"log-test-1"');
    expect(log).toContain('"correlation_id":"log-test-2"');
    for (const secret of [t.secret, token, t.token, basic, OPERATOR_TOKEN]) expect(log).not.toContain(secret);
  });

  it('hold no console password, session id, CSRF token or console token', async () => {
    const person = await createPerson(h, { role: 'admin' });
    const login = await app.inject({
      method: 'POST',
      url: '/console/api/session',
      payload: { email: person.email, password: PASSWORD },
      headers: { 'x-correlation-id': 'log-console-1' },
    });
    const sessionId = login.cookies[0].value;
    const csrfToken = login.json().csrfToken as string;
    const headers = { cookie: `cellhub_session=${sessionId}`, 'x-csrf-token': csrfToken };
    const consoleToken = (await app.inject({ method: 'POST', url: '/console/api/session/token', headers })).json().access_token as string;
    await app.inject({ url: '/operator/people', headers: { authorization: `Bearer ${consoleToken}` } });
    await app.inject({ method: 'DELETE', url: '/console/api/session', headers });
    const log = lines.join('');
    expect(log).toContain('"correlation_id":"log-console-1"');
    for (const secret of [PASSWORD, sessionId, csrfToken, consoleToken]) expect(log).not.toContain(secret);
  });
});
