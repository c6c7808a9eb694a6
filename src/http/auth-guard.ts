// The guard in front of every partner route: a valid bearer token of the family's realm,
// from a client that still exists; then the client's rate limit; then, per route, the
// licence (enterprise) or role (Connect) it needs.
import type { FastifyReply, FastifyRequest, onRequestAbortHookHandler, onRequestHookHandler, onResponseHookHandler } from 'fastify';
import type { Principal } from '../auth/clients.service.ts';
import { connectResourceOf, entitled, type ConnectResource, type Licence } from '../auth/licences.ts';
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

/**
 * The guard. A token this process verified before (and not expired since) and a client
 * it looked up lately are taken from their caches without waiting; so is a free slot of
 * the tenant gate. Such a request passes the guard synchronously, with no promise made:
 * the checks are the same, only the waiting goes.
 */
export function authenticate(platform: Platform, realm: RealmName): onRequestHookHandler {
  const family = REALMS[realm].family;

  /** A token not verified here before, and a client not looked up lately. */
  const verify = async (request: FastifyRequest, token: string, source: string[]): Promise<Principal | undefined> => {
    const clientId = await platform.tokens.verifyAccessToken(token, realm).catch((error) => {
      platform.authFailures.record(source);
      recordAuthFailure('bearer');
      throw error;
    });
    return platform.clients.principal(clientId);
  };

  /** Admits the principal: its rate limit, then its organization's slot in the tenant gate. */
  const admit = (request: FastifyRequest, reply: FastifyReply, principal: Principal | undefined): Promise<void> | undefined => {
    if (!principal || principal.family !== family) throw unauthorised('token: its client is unknown or disabled');
    if (principal.readOnly && !isRead(request.method)) throw accessDenied('a console viewer may only read');
    request.principal = principal;
    ownWork(principal.organizationId);
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const limit = platform.rateLimiter.check(`${principal.clientId} ${route}`);
    reply.headers(limit.headers);
    if (limit.exceeded) throw limit.exceeded;
    const expensive = request.routeOptions.config.expensive;
    const now = platform.tenantGate.admitNow(principal.organizationId, expensive);
    if (now) return void holdSlot(request, now);
    return platform.tenantGate.enter(principal.organizationId, expensive).then((leave) => holdSlot(request, leave));
  };

  const guard = (request: FastifyRequest, reply: FastifyReply): Promise<void> | undefined => {
    // Tokens that do not verify count against their source, which is refused cheaply once it has spent its budget.
    const source = [`bearer ip:${request.ip}`];
    platform.authFailures.check(source, BEARER_FAILURE_SCALE);
    const token = bearerToken(request);
    const clientId = platform.tokens.verifiedClientId(token, realm);
    const known = clientId === undefined ? undefined : platform.clients.known(clientId);
    if (known) return admit(request, reply, known.principal);
    return verify(request, token, source).then((principal) => admit(request, reply, principal));
  };

  return (request, reply, done) => {
    let pending: Promise<void> | undefined;
    try {
      pending = guard(request, reply);
    } catch (error) {
      return done(error as Error);
    }
    if (!pending) return done();
    pending.then(() => done(), done);
  };
}

/** Keeps the request's tenant slot until it finishes; one that finished already gives it straight back. */
function holdSlot(request: FastifyRequest, leave: () => void): void {
  if (request.finished) return leave();
  request.leaveTenantGate = leave;
}

/** Gives a finished request's tenant slot back, once, whether it was answered or aborted. */
export function leaveTenantGate(request: FastifyRequest): void {
  request.finished = true;
  const leave = request.leaveTenantGate;
  request.leaveTenantGate = undefined;
  leave?.();
}

/** leaveTenantGate as an onResponse hook. */
export const leaveTenantGateOnResponse: onResponseHookHandler = (request, _reply, done) => {
  leaveTenantGate(request);
  done();
};

/** leaveTenantGate as an onRequestAbort hook. */
export const leaveTenantGateOnAbort: onRequestAbortHookHandler = (request, done) => {
  leaveTenantGate(request);
  done();
};

/** The authenticated principal; routes behind the guard always have one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorised('authorization: a bearer token is required');
  return request.principal;
}

export function requireLicence(licence: Licence): onRequestHookHandler {
  const api = licence.replace('_', ' ');
  return (request, _reply, done) => {
    const principal = request.principal;
    if (!principal) return done(unauthorised('authorization: a bearer token is required'));
    if (!principal.licences.includes(licence)) return done(accessDenied(`this client holds no licence for the ${api} API`));
    done();
  };
}

/** Each Connect route pattern's resource, worked out on its first request (the patterns are few). */
const connectResources = new Map<string, ConnectResource | undefined>();

function connectResourceOfRoute(url: string): ConnectResource | undefined {
  if (!connectResources.has(url)) connectResources.set(url, connectResourceOf(url));
  return connectResources.get(url);
}

/**
 * The Connect role matrix (roles.md), in front of every Connect route: the route's
 * resource must be one the client's role is entitled to.
 */
export const requireEntitlement: onRequestHookHandler = (request, _reply, done) => {
  const principal = request.principal;
  if (!principal) return done(unauthorised('authorization: a bearer token is required'));
  const resource = connectResourceOfRoute(request.routeOptions.url ?? '');
  const role = principal.role;
  if (!resource || !entitled(role, resource)) {
    return done(accessDenied(`a ${role ?? 'client without a'} role is not entitled to the ${resource ?? 'requested'} resource`));
  }
  done();
};
