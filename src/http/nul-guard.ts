// NUL characters have no place in any field of these APIs, and PostgreSQL refuses them
// in text. They are refused here, once for every route, naming the field, before any
// validation or handler sees them. JSON can only carry one as the escape \u0000, so a
// JSON body is searched as text when it arrives and walked only when that escape is in
// it: a batch of usage records costs one string search, not a walk of every field.
import type { FastifyInstance, preValidationHookHandler } from 'fastify';
import { invalidParams } from '../domain/errors.ts';
import { fieldPath } from './validation.ts';

const MAX_DEPTH = 32;

/** The path of the first string holding a NUL, in a parsed body, query or params. */
function nulIn(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  for (const [key, child] of Object.entries(value)) {
    // eslint-disable-next-line no-control-regex -- NUL is what it replaces
    if (key.includes('\u0000')) return `${path}/${key.replace(/\u0000/g, '?')}`;
    const found = nulIn(child, `${path}/${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the JSON parser when the raw body holds no \u0000 escape. */
    bodyFreeOfNul?: boolean;
  }
}

/**
 * Fastify's own JSON parser (with its prototype-poisoning checks), noting whether the
 * text could hold a NUL. An empty body is no body, whatever its content type: the
 * provider's documented curl lines send `Content-Type: application/json` on every
 * request, also on a DELETE or an `…/activate` that carries nothing. A route that needs
 * a body then says so naming `body`, as when none was sent at all.
 */
export function parseJsonNotingNul(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.bodyFreeOfNul = !(body as string).includes('\\u0000');
    if ((body as string).length === 0) return done(null, undefined);
    void parse(request, body as string, done); // it answers through `done`
  });
}

/** The preValidation hook: 400 naming the first field that holds a NUL. */
export const refuseNul: preValidationHookHandler = (request, _reply, done) => {
  const path = nulIn(request.params, '') ?? nulIn(request.query, '') ?? (request.bodyFreeOfNul ? undefined : nulIn(request.body, ''));
  done(path === undefined ? undefined : invalidParams(`${fieldPath(path) || 'body'}: must not contain NUL characters`));
};
