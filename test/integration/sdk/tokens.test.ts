// Tokens as the SDK handles them against a real server, for both families: one
// client-credentials grant, then refresh-token grants shortly before each access token
// expires (the clock is the SDK's, moved by the test), a new client-credentials grant
// once the refresh token is spent or refused, one grant for many concurrent calls, and a
// token the server refuses replaced once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCellhub, CellhubError, type Realm } from '@cellhub/sdk';
import { startHarness, type Harness } from '../../support/harness.ts';
import { refreshTokens } from '../../../src/db/schema.ts';
import { listening, recordingFetch, reseller } from '../../support/sdk.ts';

let h: Harness;
let baseUrl: string;
beforeAll(async () => {
  h = await startHarness({ WORKERS: 'off' });
  baseUrl = await listening(h);
});
afterAll(() => h.close());

const SECOND = 1000;
/** The server's access token lives 300 s; the SDK renews 30 s before. */
const RENEW_AT = (300 - 30) * SECOND;

interface Family {
  name: string;
  realm: Realm;
  client: () => Promise<{ clientId: string; secret: string }>;
  read: '/enterprise/accounts' | '/connect-api/v1/products';
}

const families: Family[] = [
  { name: 'an Enterprise client', realm: 'enterprise-apis', client: () => h.tenant(), read: '/enterprise/accounts' },
  { name: 'a Connect client', realm: 'tru-staff', client: () => reseller(h), read: '/connect-api/v1/products' },
];

async function sdkFor(family: Family) {
  const { clientId, secret } = await family.client();
  const clock = { now: Date.now() };
  const recorder = recordingFetch();
  const sdk = createCellhub({ baseUrl, fetch: recorder.fetch, credentials: { realm: family.realm, clientId, clientSecret: secret, now: () => clock.now } });
  const read = () => sdk.get(family.read);
  const bearers = () => recorder.calls().map((c) => c.headers.authorization);
  return { sdk, clock, recorder, read, bearers, clientId };
}

describe.each(families)('$name', (family) => {
  it('gets one token, keeps it, and refreshes it shortly before it expires', async () => {
    const { clock, recorder, read, bearers } = await sdkFor(family);
    await read();
    await read();
    clock.now += RENEW_AT - SECOND;
    await read();
    expect(recorder.grants()).toEqual(['client_credentials']);
    expect(new Set(bearers()).size).toBe(1);

    clock.now += 2 * SECOND;
    await read();
    expect(recorder.grants()).toEqual(['client_credentials', 'refresh_token']);
    // The refresh token rotated: the next refresh presents the new one (the old would revoke the family).
    clock.now += RENEW_AT + SECOND;
    await read();
    expect(recorder.grants()).toEqual(['client_credentials', 'refresh_token', 'refresh_token']);
    expect(new Set(bearers()).size).toBe(3);
    const [first, second] = recorder.sent.filter((s) => s.body.includes('refresh_token=')).map((s) => new URLSearchParams(s.body).get('refresh_token'));
    expect(first).not.toBe(second);
  });

  it('shares one refresh among concurrent calls', async () => {
    const { clock, recorder, read } = await sdkFor(family);
    await read();
    clock.now += RENEW_AT + SECOND;
    await Promise.all(Array.from({ length: 5 }, read));
    expect(recorder.grants()).toEqual(['client_credentials', 'refresh_token']);
  });

  it('starts over with client credentials once the refresh token has expired', async () => {
    const { clock, recorder, read } = await sdkFor(family);
    await read();
    clock.now += 1800 * SECOND;
    await read();
    expect(recorder.grants()).toEqual(['client_credentials', 'client_credentials']);
  });
});

describe('a refused token', () => {
  it('is renewed once when the server refuses it, and the call succeeds', async () => {
    const tenant = await h.tenant();
    let spoiled = false;
    // The first API call carries a token the server cannot verify.
    const recorder = recordingFetch((request) => {
      if (spoiled || request.url.endsWith('/openid-connect/token')) return request;
      spoiled = true;
      const headers = new Headers(request.headers);
      headers.set('authorization', 'Bearer not-a-token');
      return new Request(request, { headers });
    });
    const sdk = createCellhub({ baseUrl, fetch: recorder.fetch, credentials: { realm: 'enterprise-apis', clientId: tenant.clientId, clientSecret: tenant.secret } });
    const accounts = await sdk.get('/enterprise/accounts');
    expect(accounts._embedded.accounts).toEqual([]);
    expect(recorder.calls().map((c) => c.headers.authorization)).toEqual(['Bearer not-a-token', expect.stringMatching(/^Bearer ey/)]);
    expect(recorder.grants()).toEqual(['client_credentials', 'refresh_token']);
  });

  it('falls back to client credentials when the server refuses the refresh token', async () => {
    const { clock, recorder, read } = await sdkFor(families[0]);
    await read();
    await h.platform.db.delete(refreshTokens); // revoked, as far as the server knows
    clock.now += RENEW_AT + SECOND;
    await read();
    expect(recorder.grants()).toEqual(['client_credentials', 'refresh_token', 'client_credentials']);
  });

  it('a wrong secret is a CellhubError from the token endpoint, and nothing is retried', async () => {
    const tenant = await h.tenant();
    const recorder = recordingFetch();
    const sdk = createCellhub({ baseUrl, fetch: recorder.fetch, credentials: { realm: 'enterprise-apis', clientId: tenant.clientId, clientSecret: 'wrong' } });
    const error = await sdk.get('/enterprise/accounts').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CellhubError);
    expect(error).toMatchObject({ status: 401, type: 'UNAUTHORISED', messages: ['client_id: unknown client or wrong client_secret'], correlationId: expect.any(String) });
    expect(recorder.grants()).toEqual(['client_credentials']);
    expect(recorder.calls()).toEqual([]);
  });
});
