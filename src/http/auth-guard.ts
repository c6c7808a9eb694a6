// The guard in front of every partner route: a valid bearer token of the family's realm,
// from a client that still exists; then the client's rate limit; then, per route, the
// licence (enterprise) or role (Connect) it needs.
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Principal } from '../auth/clients.service.ts';
import { connectResourceOf, entitled, type Licence } from '../auth/licences.ts';
import type { RealmName } from '../auth/realms.ts';
import { REALMS } from '../auth/realms.ts';
import type { Platform } from '../platform.ts';
import { accessDenied, unauthorised } from '../domain/errors.ts';
import { recordAuthFailure } from '../observability/metrics.ts';
import { ownWork } from '../db/turns.ts';
import { isRead } from '../console/roles.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** Gives the organization's slot in the tenant gate back; set while the request holds one. */
    leaveTenantGate?: () => void;
    /** The request has finished (answered or aborted): a slot it gets now goes straight back. */
    finished?: boolean;
  }
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (!header) throw unauthorised('authorization: a bearer token is required');
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorised('authorization: must be "Bearer <access token>"');
  return match[1];
}

/** A source may send this many times more bad bearer tokens than wrong secrets: verifying one is cheap. */
const BEARER_FAILURE_SCALE = 5;

export function authenticate(platform: Platform, realm: RealmName): onRequestAsyncHookHandler {
  const family = REALMS[realm].family;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    // Tokens that do not verify count against their source, which is refused cheaply once it has spent its budget.
    const source = [`bearer ip:${request.ip}`];
    platform.authFailures.check(source, BEARER_FAILURE_SCALE);
    const clientId = await platform.tokens.verifyAccessToken(bearerToken(request), realm).catch((error) => {
      platform.authFailures.record(source);
      recordAuthFailure('bearer');
      throw error;
    });
    const principal = await platform.clients.principal(clientId);
    if (!principal || principal.family !== family) throw unauthorised('token: its client is unknown or disabled');
    if (principal.readOnly && !isRead(request.method)) throw accessDenied('a console viewer may only read');
    request.principal = principal;
    ownWork(principal.organizationId);
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const limit = platform.rateLimiter.check(`${principal.clientId} ${route}`);
    reply.headers(limit.headers);
    if (limit.exceeded) throw limit.exceeded;
    const leave = await platform.tenantGate.enter(principal.organizationId, request.routeOptions.config.expensive);
    if (request.finished) return leave();
    request.leaveTenantGate = leave;
  };
}

/** Gives a finished request's tenant slot back, once, whether it was answered or aborted. */
export async function leaveTenantGate(request: FastifyRequest): Promise<void> {
  request.finished = true;
  const leave = request.leaveTenantGate;
  request.leaveTenantGate = undefined;
  leave?.();
}

/** The authenticated principal; routes behind the guard always have one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorised('authorization: a bearer token is required');
  return request.principal;
}

export function requireLicence(licence: Licence): onRequestAsyncHookHandler {
  const api = licence.replace('_', ' ');
  return async (request: FastifyRequest) => {
    if (!principalOf(request).licences.includes(licence)) {
      throw accessDenied(`this client holds no licence for the ${api} API`);
    }
  };
}

/**
 * The Connect role matrix (roles.md), in front of every Connect route: the route's
 * resource must be one the client's role is entitled to.
 */
export async function requireEntitlement(request: FastifyRequest): Promise<void> {
  const resource = connectResourceOf(request.routeOptions.url ?? '');
  const role = principalOf(request).role;
  if (!resource || !entitled(role, resource)) {
    throw accessDenied(`a ${role ?? 'client without a'} role is not entitled to the ${resource ?? 'requested'} resource`);
  }
}
