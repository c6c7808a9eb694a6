// ISSUER_URL: cellhub trusts tokens of an external issuer (a Keycloak) through its
// JWKS, served here by a real HTTP server standing in for the Keycloak.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { startHarness, type Harness } from '../support/harness.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';

let keycloak: Server;
let base: string;
let privateKey: CryptoKey;
let h: Harness;
let clientId: string;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'kc-1', alg: 'RS256', use: 'sig' };
  keycloak = createServer((req, res) => {
    if (req.url?.endsWith('/protocol/openid-connect/certs')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => keycloak.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(keycloak.address() as AddressInfo).port}`;
  h = await startHarness({ ISSUER_URL: `${base}/auth/realms/{realm}` });
  const org = await createOrganization(h.platform.db, { name: 'SSO Org', licences: ['accounts'] });
  clientId = (await createClient(h.platform.db, org.id, { name: 'kc', family: 'enterprise', licences: ['accounts'] })).client.clientId;
});
afterAll(async () => {
  await h.close();
  keycloak.close();
});

const keycloakToken = (issuer: string, claims: Record<string, unknown> = {}) =>
  new SignJWT({ azp: clientId, typ: 'Bearer', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'kc-1', typ: 'JWT' })
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime('5m')
    .setSubject('service-account')
    .sign(privateKey);

describe('external issuer', () => {
  it('accepts a token of the external issuer for a registered client', async () => {
    const token = await keycloakToken(`${base}/auth/realms/enterprise-apis`);
    const res = await h.app.inject({ url: '/enterprise/accounts', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
  });

  it('refuses its token for the other realm, and a token for an unregistered client', async () => {
    const otherRealm = await keycloakToken(`${base}/auth/realms/tru-staff`);
    expect((await h.app.inject({ url: '/enterprise/accounts', headers: { authorization: `Bearer ${otherRealm}` } })).statusCode).toBe(401);
    const stranger = await keycloakToken(`${base}/auth/realms/enterprise-apis`, { azp: 'not-registered' });
    expect((await h.app.inject({ url: '/enterprise/accounts', headers: { authorization: `Bearer ${stranger}` } })).statusCode).toBe(401);
  });

  it('turns the built-in token endpoint off and points discovery at the issuer', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/auth/realms/enterprise-apis/protocol/openid-connect/token',
      payload: 'grant_type=client_credentials',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(404);
    const discovery = (await h.app.inject({ url: '/auth/realms/enterprise-apis/.well-known/openid-configuration' })).json();
    expect(discovery.issuer).toBe(`${base}/auth/realms/enterprise-apis`);
  });
});
