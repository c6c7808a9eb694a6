// The operator surface is guarded by one bearer token (OPERATOR_TOKEN), compared in
// constant time through digests so its length does not leak either. The operator API
// also takes the short-lived token of an operator person's console session
// (console/session-tokens.ts), within what the person's role may do (console/roles.ts).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { accessDenied, unauthorised } from '../../domain/errors.ts';
import type { Platform } from '../../platform.ts';
import { activePerson, personIdOf } from '../../auth/person-principals.ts';
import { operatorMay, type OperatorRole } from '../../console/roles.ts';
import { recordAuthFailure } from '../../observability/metrics.ts';

/** As for the partner APIs' bearer tokens (http/auth-guard.ts): verifying one is cheap, so a source may send more bad ones. */
const BEARER_FAILURE_SCALE = 5;

const digest = (value: string) => createHash('sha256').update(value).digest();

declare module 'fastify' {
  interface FastifyRequest {
    /** Who called the operator API: the operator token, or an operator person with a role. */
    operator?: { kind: 'token' } | { kind: 'person'; personId: string; role: OperatorRole };
  }
}

const bearerOf = (request: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];

export function operatorGuard(token: string): onRequestAsyncHookHandler {
  const expected = digest(token);
  return async (request) => {
    const bearer = bearerOf(request);
    if (!bearer || !timingSafeEqual(digest(bearer), expected)) {
      throw unauthorised('authorization: the operator token is required');
    }
  };
}

/** A bearer of the operator token, or of an active operator person's console token whose role allows the route. */
export function operatorApiGuard(platform: Platform, token: string): onRequestAsyncHookHandler {
  const expected = digest(token);
  return async (request) => {
    const bearer = bearerOf(request);
    if (!bearer) throw unauthorised('authorization: the operator token or an operator console token is required');
    if (timingSafeEqual(digest(bearer), expected)) {
      request.operator = { kind: 'token' };
      return;
    }
    const source = [`bearer ip:${request.ip}`];
    platform.authFailures.check(source, BEARER_FAILURE_SCALE);
    const clientId = await platform.tokens.verifyOperatorAccessToken(bearer).catch((error) => {
      platform.authFailures.record(source);
      recordAuthFailure('bearer');
      throw error;
    });
    const personId = personIdOf(clientId);
    const person = personId ? await activePerson(platform.db, personId) : undefined;
    if (!person || person.organizationId) throw unauthorised('token: its person is unknown, disabled or not operator staff');
    const role = person.role as OperatorRole;
    if (!operatorMay(role, request.method, request.routeOptions.url ?? '')) {
      throw accessDenied(`role: operator ${role} staff may not ${request.method} ${request.routeOptions.url ?? request.url}`);
    }
    request.operator = { kind: 'person', personId: person.id, role };
  };
}
