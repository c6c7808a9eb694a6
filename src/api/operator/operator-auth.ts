// The operator surface is guarded by one bearer token (OPERATOR_TOKEN), compared in
// constant time through digests so its length does not leak either.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { onRequestAsyncHookHandler } from 'fastify';
import { unauthorised } from '../../domain/errors.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function operatorGuard(token: string): onRequestAsyncHookHandler {
  const expected = digest(token);
  return async (request) => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match || !timingSafeEqual(digest(match[1]), expected)) {
      throw unauthorised('authorization: the operator token is required');
    }
  };
}
