import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SignJWT, generateKeyPair, decodeJwt, decodeProtectedHeader } from 'jose';
import { fetchToken, startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { createClient } from '../../src/auth/clients.service.ts';

const TOKEN_URL = '/auth/realms/enterprise-apis/protocol/openid-connect/token';
const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

let h: Harness;
let tenant: Tenant;
beforeAll(async () => {
  h = await startHarness();
  tenant = await h.tenant();
});
afterAll(() => h.close());

describe('token endpoint', () => {
  it('issues an RFC 9068 access token for client credentials in the body', async () => {
    const res = await h.app.inject({ method: 'POST', url: TOKEN_URL, ...form({ grant_type: 'client_credentials', client_id: tenant.clientId, client_secret: tenant.secret }) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300, refresh_expires_in: 1800 });
    expect(decodeProtectedHeader(body.access_token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const claims = decodeJwt(body.access_token);
    expect(claims).toMatchObject({
      iss: 'http://cellhub.test/auth/realms/enterprise-apis',
      sub: tenant.clientId,
      aud: 'http://cellhub.test/enterprise',
      client_id: tenant.clientId,
      organization_id: tenant.organizationId,
    });
    expect(claims.jti).toBeTypeOf('string');
    expect(claims.exp! - claims.iat!).toBe(300);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('accepts HTTP Basic credentials', async () => {
    const basic = Buffer.from(`${tenant.clientId}:${tenant.secret}`).toString('base64');
    const res = await h.app.inject({
      method: 'POST',
      url: TOKEN_URL,
      payload: 'grant_type=client_credentials',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
    });
    expect(res.statusCode).toBe(200);
  });

  it('answers an unknown client and a wrong secret alike', async () => {
    const wrong = await h.app.inject({ method: 'POST', url: TOKEN_URL, ...form({ grant_type: 'client_credentials', client_id: tenant.clientId, client_secret: 'nope' }) });
    const unknown = await h.app.inject({ method: 'POST', url: TOKEN_URL, ...form({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'nope' }) });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ type: 'UNAUTHORISED', error: 'invalid_client' });
  });

  it('refuses credentials in the other realm', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/auth/realms/tru-staff/protocol/openid-connect/token',
      ...form({ grant_type: 'client_credentials', client_id: tenant.clientId, client_secret: tenant.secret }),
    });
    expect(res.statusCode).toBe(401);
  });

  it('names a missing or unknown grant type', async () => {
    const res = await h.app.inject({ method: 'POST', url: TOKEN_URL, ...form({ grant_type: 'password' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ type: 'INVALID_REQUEST_PARAMS' });
    expect(res.json().messages[0]).toMatch(/^grant_type: /);
  });

  it('refreshes with a refresh token, and refuses an access token in its place', async () => {
    const first = await h.app.inject({ method: 'POST', url: TOKEN_URL, ...form({ grant_type: 'client_credentials', client_id: tenant.clientId, client_secret: tenant.secret }) });
    const refreshed = await h.app.inject({
      method: 'POST',
      url: TOKEN_URL,
      ...form({ grant_type: 'refresh_token', refresh_token: first.json().refresh_token, client_id: tenant.clientId, client_secret: tenant.secret }),
    });
    expect(refreshed.statusCode).toBe(200);
    const again = await h.app.inject({ method: 'GET', url: '/enterprise/accounts', headers: { authorization: `Bearer ${refreshed.json().access_token}` } });
    expect(again.statusCode).toBe(200);
    const misuse = await h.app.inject({
      method: 'POST',
      url: TOKEN_URL,
      ...form({ grant_type: 'refresh_token', refresh_token: first.json().access_token, client_id: tenant.clientId, client_secret: tenant.secret }),
    });
    expect(misuse.statusCode).toBe(400);
    expect(misuse.json().error).toBe('invalid_grant');
  });

  it('refuses a refresh token presented by another client', async () => {
    const other = await createClient(h.platform.db, tenant.organizationId, { name: 'other', family: 'enterprise', licences: ['accounts'] });
    const first = await h.app.inject({ method: 'POST', url: TOKEN_URL, ...form({ grant_type: 'client_credentials', client_id: tenant.clientId, client_secret: tenant.secret }) });
    const res = await h.app.inject({
      method: 'POST',
      url: TOKEN_URL,
      ...form({ grant_type: 'refresh_token', refresh_token: first.json().refresh_token, client_id: other.client.clientId, client_secret: other.secret }),
    });
    // RFC 6749 §5.2: a grant issued to another client is invalid_grant, a 400.
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_grant', messages: ['refresh_token: was issued to another client'] });
  });

  it('publishes the JWKS and discovery document', async () => {
    const jwks = (await h.app.inject({ url: '/auth/realms/enterprise-apis/protocol/openid-connect/certs' })).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
    const discovery = (await h.app.inject({ url: '/auth/realms/tru-staff/.well-known/openid-configuration' })).json();
    expect(discovery.token_endpoint).toBe('http://cellhub.test/auth/realms/tru-staff/protocol/openid-connect/token');
    expect((await h.app.inject({ url: '/auth/realms/nope/.well-known/openid-configuration' })).statusCode).toBe(404);
  });
});

describe('token attacks (RFC 6749 §6, RFC 9700)', () => {
  const credentials = () => ({ client_id: tenant.clientId, client_secret: tenant.secret });
  const refresh = (refreshToken: string, auth: Record<string, string> = credentials()) =>
    h.app.inject({ method: 'POST', url: TOKEN_URL, ...form({ grant_type: 'refresh_token', refresh_token: refreshToken, ...auth }) });

  it('will not refresh without client authentication', async () => {
    const first = await h.app.inject({ method: 'POST', url: TOKEN_URL, ...form({ grant_type: 'client_credentials', ...credentials() }) });
    const res = await refresh(first.json().refresh_token, {});
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'invalid_client', messages: ['client_id: client authentication is required'] });
    // Basic works as in the client credentials grant.
    const basic = await h.app.inject({
      method: 'POST',
      url: TOKEN_URL,
      ...form({ grant_type: 'refresh_token', refresh_token: first.json().refresh_token }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${tenant.clientId}:${tenant.secret}`).toString('base64')}` },
    });
    expect(basic.statusCode, basic.body).toBe(200);
  });

  it('rotates refresh tokens, and a token used twice revokes its whole family', async () => {
    const first = (await h.app.inject({ method: 'POST', url: TOKEN_URL, ...form({ grant_type: 'client_credentials', ...credentials() }) })).json();
    const second = await refresh(first.refresh_token);
    expect(second.statusCode).toBe(200);
    expect(second.json().refresh_token).not.toBe(first.refresh_token);
    // The first one again: a stolen copy is in play, so its successors go too.
    const replay = await refresh(first.refresh_token);
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ error: 'invalid_grant', messages: ['refresh_token: was used before; every token of its family is revoked'] });
    expect((await refresh(second.json().refresh_token)).json().error).toBe('invalid_grant');
    // Another family of the same client is untouched.
    const other = (await h.app.inject({ method: 'POST', url: TOKEN_URL, ...form({ grant_type: 'client_credentials', ...credentials() }) })).json();
    expect((await refresh(other.refresh_token)).statusCode).toBe(200);
  });

  it('refuses a token issued in the future', async () => {
    const key = h.platform.keys.signingKey();
    const now = Math.floor(Date.now() / 1000);
    const claims = { client_id: tenant.clientId, organization_id: tenant.organizationId, scope: 'accounts' };
    const mint = (iat: number) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: key.kid })
        .setIssuer('http://cellhub.test/auth/realms/enterprise-apis')
        .setAudience(decodeJwt(tenant.token).aud as string)
        .setSubject(tenant.clientId)
        .setIssuedAt(iat)
        .setExpirationTime(now + 3600)
        .setJti(crypto.randomUUID())
        .sign(key.privateKey);
    const future = await h.app.inject({ url: '/enterprise/accounts', headers: { authorization: `Bearer ${await mint(now + 600)}` } });
    expect(future.statusCode).toBe(401);
    expect(future.json().messages).toEqual(['token: iat claim lies in the future']);
    // A clock a few seconds ahead is tolerated.
    expect((await h.app.inject({ url: '/enterprise/accounts', headers: { authorization: `Bearer ${await mint(now + 5)}` } })).statusCode).toBe(200);
  });

  it('answers malformed percent-encoding in Basic credentials with 401', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: TOKEN_URL,
      ...form({ grant_type: 'client_credentials' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('%E0%A4%A:%zz').toString('base64')}` },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ type: 'UNAUTHORISED', error: 'invalid_client' });
  });

  it('refuses a source or a client that keeps failing before hashing anything, and bad bearer tokens per source', async () => {
    const limited = await startHarness({ AUTH_FAILURES_PER_MINUTE: '3' });
    try {
      const victim = await limited.tenant();
      const attempt = (secret: string, remoteAddress: string) =>
        limited.app.inject({
          method: 'POST',
          url: TOKEN_URL,
          remoteAddress,
          ...form({ grant_type: 'client_credentials', client_id: victim.clientId, client_secret: secret }),
        });
      for (let i = 0; i < 3; i++) expect((await attempt('wrong', '198.51.100.7')).statusCode).toBe(401);
      const refused = await attempt('wrong', '198.51.100.7');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().type).toBe('TOO_MANY_REQUESTS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // The client's budget is spent too, whatever the source: guessing from many addresses gains nothing.
      expect((await attempt('wrong', '203.0.113.9')).statusCode).toBe(429);
      // Another client from another source is not held up.
      const bystander = await limited.tenant();
      const fine = await limited.app.inject({
        method: 'POST',
        url: TOKEN_URL,
        remoteAddress: '203.0.113.10',
        ...form({ grant_type: 'client_credentials', client_id: bystander.clientId, client_secret: bystander.secret }),
      });
      expect(fine.statusCode).toBe(200);
      // Bearer tokens that do not verify: five times the budget per source, then 429.
      const statuses = [];
      for (let i = 0; i < 16; i++) {
        statuses.push((await limited.app.inject({ url: '/enterprise/accounts', remoteAddress: '192.0.2.44', headers: { authorization: 'Bearer not.a.token' } })).statusCode);
      }
      expect(statuses.slice(0, 15).every((s) => s === 401)).toBe(true);
      expect(statuses[15]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('bearer tokens on the API', () => {
  const call = (authorization?: string) => h.app.inject({ url: '/enterprise/accounts', headers: authorization ? { authorization } : {} });

  it('refuses a missing or malformed authorization header', async () => {
    for (const header of [undefined, 'Basic abc', 'Bearer', 'Bearer not.a.jwt']) {
      const res = await call(header);
      expect(res.statusCode).toBe(401);
      expect(res.json().type).toBe('UNAUTHORISED');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('refuses an expired token', async () => {
    const key = h.platform.keys.signingKey();
    const token = await new SignJWT({ client_id: tenant.clientId })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: key.kid })
      .setIssuer('http://cellhub.test/auth/realms/enterprise-apis')
      .setAudience('http://cellhub.test/enterprise')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 300)
      .setJti('x')
      .sign(key.privateKey);
    const res = await call(`Bearer ${token}`);
    expect(res.statusCode).toBe(401);
    expect(res.json().messages[0]).toBe('token: has expired');
  });

  it('refuses a token signed by a key it does not know, and one with a forged signature', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const kid = h.platform.keys.signingKey().kid;
    const forged = await new SignJWT({ client_id: tenant.clientId })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid })
      .setIssuer('http://cellhub.test/auth/realms/enterprise-apis')
      .setAudience('http://cellhub.test/enterprise')
      .setIssuedAt()
      .setExpirationTime('5m')
      .setJti('y')
      .sign(privateKey);
    expect((await call(`Bearer ${forged}`)).json().messages[0]).toBe('token: signature does not verify');
    const tampered = tenant.token.slice(0, -4) + (tenant.token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await call(`Bearer ${tampered}`)).statusCode).toBe(401);
  });

  it('refuses alg none', async () => {
    const claims = decodeJwt(tenant.token);
    const unsigned = [
      Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url'),
      Buffer.from(JSON.stringify({ ...claims, jti: 'none' })).toString('base64url'),
      '',
    ].join('.');
    const res = await call(`Bearer ${unsigned}`);
    expect(res.statusCode).toBe(401);
  });

  it('refuses a token of the other realm', async () => {
    const { client, secret } = await createClient(h.platform.db, tenant.organizationId, { name: 'c', family: 'connect', role: 'RESELLER' });
    const connectToken = await fetchToken(h.app, 'tru-staff', client.clientId, secret);
    const res = await call(`Bearer ${connectToken}`);
    expect(res.statusCode).toBe(401);
    expect(res.json().messages[0]).toMatch(/^token: (iss|aud) claim/);
  });

  it('refuses the token of a disabled client', async () => {
    const other = await h.tenant();
    await h.app.inject({
      method: 'DELETE',
      url: `/operator/organizations/${other.organizationId}/clients/${other.clientId}`,
      headers: { authorization: 'Bearer test-operator-token-0123456789abcdef' },
    });
    h.platform.clients.forget();
    expect((await call(other.auth.authorization)).statusCode).toBe(401);
  });
});

describe('bearer tokens accepted before (verified once, then taken from the cache)', () => {
  const call = (authorization: string) => h.app.inject({ url: '/enterprise/accounts', headers: { authorization } });
  afterEach(() => vi.useRealTimers());

  it('refuses a token once it has expired, though it was accepted before', async () => {
    const key = h.platform.keys.signingKey();
    const exp = Math.floor(Date.now() / 1000) + 60;
    const token = await new SignJWT({ client_id: tenant.clientId })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: key.kid })
      .setIssuer('http://cellhub.test/auth/realms/enterprise-apis')
      .setAudience('http://cellhub.test/enterprise')
      .setIssuedAt()
      .setExpirationTime(exp)
      .setJti('expires-while-cached')
      .sign(key.privateKey);
    expect((await call(`Bearer ${token}`)).statusCode).toBe(200);
    expect((await call(`Bearer ${token}`)).statusCode).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(exp * 1000 + 1000);
    const res = await call(`Bearer ${token}`);
    expect(res.statusCode).toBe(401);
    expect(res.json().messages[0]).toBe('token: has expired');
  });

  it("refuses a token accepted before once its client is disabled, within the client lookup's few seconds", async () => {
    const other = await h.tenant();
    expect((await call(other.auth.authorization)).statusCode).toBe(200);
    expect((await call(other.auth.authorization)).statusCode).toBe(200);
    await h.app.inject({
      method: 'DELETE',
      url: `/operator/organizations/${other.organizationId}/clients/${other.clientId}`,
      headers: { authorization: 'Bearer test-operator-token-0123456789abcdef' },
    });
    // The token itself is still valid for minutes; the client's lookup is kept for 5 s.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 6_000);
    const res = await call(other.auth.authorization);
    expect(res.statusCode).toBe(401);
    expect(res.json().messages[0]).toBe('token: its client is unknown or disabled');
  });

  it("still counts a cached token's requests against its client's rate limit", async () => {
    const first = await call(tenant.auth.authorization);
    const second = await call(tenant.auth.authorization);
    expect(first.statusCode).toBe(200);
    expect(Number(second.headers['x-rate-limit-remaining'])).toBe(Number(first.headers['x-rate-limit-remaining']) - 1);
  });
});

describe('licences', () => {
  it('answers 403 ACCESS_DENIED for an API the client holds no licence for', async () => {
    const limited = await h.tenant({ licences: ['accounts'] });
    expect((await h.app.inject({ url: '/enterprise/accounts', headers: limited.auth })).statusCode).toBe(200);
    const res = await h.app.inject({ url: '/enterprise/subscribers', headers: limited.auth });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ type: 'ACCESS_DENIED', messages: ['this client holds no licence for the subscribers API'] });
  });

  it('needs the licence on the organization too, not only on the client', async () => {
    const t = await h.tenant({ licences: ['accounts'], clientLicences: ['accounts', 'subscribers'] });
    expect((await h.app.inject({ url: '/enterprise/subscribers', headers: t.auth })).statusCode).toBe(403);
  });
});
