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

const TokenBody = Type.Object({
  grant_type: Type.Enum(['client_credentials', 'refresh_token']),
  client_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  client_secret: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  refresh_token: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
  scope: Type.Optional(Type.String()),
});

const TokenAnswer = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
  refresh_token: Type.String(),
  refresh_expires_in: Type.Integer(),
  scope: Type.String(),
});

const OAuthErrorBody = Type.Object({
  type: Type.String(),
  messages: Type.Array(Type.String()),
  error: Type.Optional(Type.String({ description: 'RFC 6749 error code' })),
  error_description: Type.Optional(Type.String()),
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
  app.get('/auth/realms/:realm/.well-known/openid-configuration', {
    schema: { tags: ['auth'], summary: 'OpenID discovery document', params: RealmParams, response: errorResponses(404) },
  }, async (request) => {
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
  });

  if (platform.tokens.external) return; // an external issuer serves tokens and keys

  app.get('/auth/realms/:realm/protocol/openid-connect/certs', {
    schema: { tags: ['auth'], summary: 'The realm\'s token signing keys (JWKS)', params: RealmParams, response: errorResponses(404) },
  }, async (request) => {
    realmOf(request.params.realm);
    return platform.keys.jwks();
  });

  app.post('/auth/realms/:realm/protocol/openid-connect/token', {
    schema: {
      tags: ['auth'],
      summary: 'Issue an access token (client credentials or refresh token grant)',
      consumes: ['application/x-www-form-urlencoded'],
      params: RealmParams,
      body: TokenBody,
      response: { 200: TokenAnswer, 400: OAuthErrorBody, 401: OAuthErrorBody, ...errorResponses(404, 429) },
    },
    onRequest: async (request, reply) => {
      const limit = platform.rateLimiter.check(`ip:${request.ip} token`);
      reply.headers(limit.headers);
      if (limit.exceeded) throw limit.exceeded;
    },
  }, async (request, reply) => {
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
  });
}
