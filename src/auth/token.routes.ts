// The Keycloak-compatible realm endpoints (contract §1): token, JWKS, discovery.
// Errors keep the contract's model and add OAuth2's `error` field, so both a client of
// the provider's API and a stock OAuth2 library understand them.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Platform } from '../platform.ts';
import type { App } from '../http/app-type.ts';
import { ApiError } from '../http/errors.ts';
import { invalidParams, notFound } from '../domain/errors.ts';
import { errorResponses } from '../http/schemas.ts';
import { authenticateClient } from './clients.service.ts';
import { isRealm, REALMS, type RealmName } from './realms.ts';
import { InvalidGrant } from './tokens.ts';
import { recordAuthFailure } from '../observability/metrics.ts';

const RealmParams = Type.Object({ realm: Type.String() });

const TokenBody = Type.Object(
  {
    grant_type: Type.Enum(['client_credentials', 'refresh_token']),
    client_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    client_secret: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    refresh_token: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
    scope: Type.Optional(Type.String()),
  },
  {
    examples: [
      { grant_type: 'client_credentials', client_id: 'demo-acme-enterprise', client_secret: '<secret>' },
      { grant_type: 'refresh_token', client_id: 'demo-acme-enterprise', client_secret: '<secret>', refresh_token: '<refresh token from the last answer>' },
    ],
  },
);

const TokenAnswer = Type.Object(
  {
    access_token: Type.String(),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer(),
    refresh_token: Type.String(),
    refresh_expires_in: Type.Integer(),
    scope: Type.String(),
  },
  {
    examples: [
      {
        access_token: 'eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6IjEifQ.eyJzdWIiOiJkZW1vLWFjbWUtZW50ZXJwcmlzZSJ9.c2lnbmF0dXJl',
        token_type: 'Bearer',
        expires_in: 300,
        refresh_token: 'rt_01JBCG33BC2PS4J76JN685GN56.c2VjcmV0',
        refresh_expires_in: 1800,
        scope: '',
      },
    ],
  },
);

const OAuthErrorFields = {
  type: Type.String(),
  messages: Type.Array(Type.String()),
  error: Type.Optional(Type.String({ description: 'RFC 6749 error code' })),
  error_description: Type.Optional(Type.String()),
};

const OAuthError400 = Type.Object(OAuthErrorFields, {
  description:
    '`INVALID_REQUEST_PARAMS` with OAuth2 `invalid_request` (a missing client_id, client_secret or refresh_token, an unknown grant_type) or `invalid_grant` (a refresh token unknown, expired, of another client, or used before: its family is then revoked).',
  examples: [
    {
      type: 'INVALID_REQUEST_PARAMS',
      messages: ['refresh_token: was used before; every token of its family is revoked'],
      error: 'invalid_grant',
      error_description: 'refresh_token: was used before; every token of its family is revoked',
    },
  ],
});

const OAuthError401 = Type.Object(OAuthErrorFields, {
  description:
    '`UNAUTHORISED` with OAuth2 `invalid_client`: no client authentication, an unknown client or a wrong secret (the same answer), a disabled client, or a client of the other realm.',
  examples: [
    {
      type: 'UNAUTHORISED',
      messages: ['client_id: unknown client or wrong client_secret'],
      error: 'invalid_client',
      error_description: 'client_id: unknown client or wrong client_secret',
    },
  ],
});

class OAuthError extends ApiError {
  constructor(
    readonly oauthError: string,
    message: string,
    type: 'UNAUTHORISED' | 'INVALID_REQUEST_PARAMS' = 'UNAUTHORISED',
  ) {
    super(type, message);
  }
  override body() {
    return { ...super.body(), error: this.oauthError, error_description: this.messages[0] };
  }
}

function realmOf(name: string): RealmName {
  if (!isRealm(name)) throw notFound(`realm ${name}`);
  return name;
}

/** client_id and client_secret from HTTP Basic (RFC 6749 §2.3.1) or the form body. */
function clientCredentials(request: FastifyRequest, body: { client_id?: string; client_secret?: string }) {
  const header = request.headers.authorization;
  const basic = header && /^Basic\s+(\S+)$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new OAuthError('invalid_client', 'authorization: Basic credentials must be client_id:client_secret');
    try {
      return { clientId: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
    } catch {
      throw new OAuthError('invalid_client', 'authorization: Basic credentials are not valid percent-encoding');
    }
  }
  if (body.client_id === undefined && body.client_secret === undefined) return undefined;
  if (!body.client_id) throw new OAuthError('invalid_request', 'client_id: is required', 'INVALID_REQUEST_PARAMS');
  if (!body.client_secret) throw new OAuthError('invalid_request', 'client_secret: is required', 'INVALID_REQUEST_PARAMS');
  return { clientId: body.client_id, secret: body.client_secret };
}

const INVALID_CLIENT = () => new OAuthError('invalid_client', 'client_id: unknown client or wrong client_secret');

export function registerTokenRoutes(app: App, platform: Platform): void {
  app.get(
    '/auth/realms/:realm/.well-known/openid-configuration',
    {
      schema: {
        tags: ['auth'],
        summary: 'OpenID discovery document',
        description:
          "The realm's OpenID Connect discovery document: issuer, token endpoint, JWKS URI and the grants served (client_credentials, refresh_token). Realms: `enterprise-apis` (Enterprise API) and `tru-staff` (Connect API); any other realm answers 404.",
        params: RealmParams,
        response: errorResponses(404),
      },
    },
    async (request) => {
      const realm = realmOf(request.params.realm);
      const issuer = platform.tokens.issuer(realm);
      return {
        issuer,
        token_endpoint: `${issuer}/protocol/openid-connect/token`,
        jwks_uri: `${issuer}/protocol/openid-connect/certs`,
        grant_types_supported: ['client_credentials', 'refresh_token'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        response_types_supported: ['token'],
        id_token_signing_alg_values_supported: ['RS256'],
        subject_types_supported: ['public'],
      };
    },
  );

  if (platform.tokens.external) return; // an external issuer serves tokens and keys

  app.get(
    '/auth/realms/:realm/protocol/openid-connect/certs',
    {
      schema: {
        tags: ['auth'],
        summary: "The realm's token signing keys (JWKS)",
        description:
          "The public keys (RS256) that sign the realm's access tokens, to verify them offline. Keys rotate: verify by `kid`. Off when an external issuer (`ISSUER_URL`) serves tokens.",
        params: RealmParams,
        response: errorResponses(404),
      },
    },
    async (request) => {
      realmOf(request.params.realm);
      return platform.keys.jwks();
    },
  );

  app.post(
    '/auth/realms/:realm/protocol/openid-connect/token',
    {
      schema: {
        tags: ['auth'],
        summary: 'Issue an access token (client credentials or refresh token grant)',
        description:
          "OAuth2 token endpoint (Keycloak-compatible path), form-encoded. `grant_type=client_credentials` with `client_id` and `client_secret` in HTTP Basic or the body answers an access token (a JWT, 300 s) and a refresh token (1800 s). `grant_type=refresh_token` with the `refresh_token` and the client's credentials answers new ones; a refresh token works once, and presenting a used one again revokes its whole family. A client's credentials work only in its own realm. Errors keep the error model and add OAuth2's `error` (`invalid_client`, `invalid_request`, `invalid_grant`).",
        consumes: ['application/x-www-form-urlencoded'],
        params: RealmParams,
        body: TokenBody,
        response: { 200: TokenAnswer, 400: OAuthError400, 401: OAuthError401, ...errorResponses(404, 429) },
      },
      onRequest: async (request, reply) => {
        const limit = platform.rateLimiter.check(`ip:${request.ip} token`);
        reply.headers(limit.headers);
        if (limit.exceeded) throw limit.exceeded;
      },
    },
    async (request, reply) => {
      const realm = realmOf(request.params.realm);
      const body = request.body;
      // Both grants authenticate the client (RFC 6749 §6): a refresh token alone is not enough.
      const credentials = clientCredentials(request, body);
      if (!credentials) throw new OAuthError('invalid_client', 'client_id: client authentication is required');
      const attempt = [`ip:${request.ip}`, `client:${credentials.clientId}`];
      platform.authFailures.check(attempt);
      const principal = await authenticateClient(platform.db, credentials.clientId, credentials.secret);
      if (!principal) {
        platform.authFailures.record(attempt);
        recordAuthFailure('client');
      }
      if (!principal || REALMS[realm].family !== principal.family) throw INVALID_CLIENT();
      reply.header('cache-control', 'no-store');
      if (body.grant_type === 'client_credentials') return platform.tokens.issue(principal, realm);
      if (!body.refresh_token) throw invalidParams('refresh_token: is required for grant_type refresh_token');
      try {
        const family = await platform.tokens.redeem(body.refresh_token, realm, principal.clientId);
        return await platform.tokens.issue(principal, realm, family);
      } catch (error) {
        if (error instanceof InvalidGrant) throw new OAuthError('invalid_grant', error.messages[0], 'INVALID_REQUEST_PARAMS');
        throw error;
      }
    },
  );
}
