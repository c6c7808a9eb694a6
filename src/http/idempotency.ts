// Idempotency-Key on POST (contract §1): the same key and body within 24 h replay the
// first answer and do nothing twice; the same key with another body is a 409; a retry
// while the first request still runs is a 409 too. Keys are per API client. A claim
// left by a process that died mid-request is given up after a few minutes.
import { createHash } from 'node:crypto';
import stableStringify from 'safe-stable-stringify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../db/database.ts';
import { ApiError, conflict, invalidParams } from './errors.ts';
import { principalOf } from './auth-guard.ts';
import { claimKey, completeKey, expireKey, findKey, forgetKey } from './idempotency.store.ts';

const KEEP_SECONDS = 24 * 3600;
const ABANDONED_SECONDS = 300;
const HEADER = 'idempotency-key';

// The same request written with its keys in another order is the same request.
const hashOf = (request: FastifyRequest) =>
  createHash('sha256').update(`${request.method} ${request.routeOptions.url}\n${stableStringify(request.body ?? null)}`).digest('base64url');

export async function idempotent<T>(
  db: Executor,
  request: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<{ status: number; body: T }>,
): Promise<T> {
  const raw = request.headers[HEADER];
  const answer = async () => {
    const { status, body } = await run();
    reply.code(status);
    return body;
  };
  if (raw === undefined) return answer();
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw invalidParams('idempotency-key: must be 1 to 255 visible ASCII characters');
  const clientId = principalOf(request).clientId;
  const requestHash = hashOf(request);
  const claim = { clientId, key, route: request.routeOptions.url ?? request.url, requestHash };
  let claimed = await claimKey(db, claim);
  if (!claimed) {
    // A key older than 24 hours is free again.
    await expireKey(db, clientId, key, KEEP_SECONDS);
    claimed = await claimKey(db, claim);
  }
  if (!claimed) return replay(db, reply, clientId, key, requestHash);
  try {
    const { status, body } = await run();
    await completeKey(db, clientId, key, status, body);
    reply.code(status);
    return body;
  } catch (error) {
    // A refusal is the answer to this key; anything else did nothing, so the client may retry.
    if (error instanceof ApiError && error.status < 500) await completeKey(db, clientId, key, error.status, error.body());
    else await forgetKey(db, clientId, key);
    throw error;
  }
}

async function replay<T>(db: Executor, reply: FastifyReply, clientId: string, key: string, requestHash: string): Promise<T> {
  const existing = await findKey(db, clientId, key);
  if (!existing) throw conflict('idempotency-key: is being reused; retry in a moment');
  if (existing.requestHash !== requestHash) throw conflict('idempotency-key: was already used with another request');
  if (existing.state !== 'completed') {
    await expireKey(db, clientId, key, ABANDONED_SECONDS);
    throw conflict('idempotency-key: the first request with this key is still being processed');
  }
  reply.code(existing.statusCode ?? 200).header('idempotent-replayed', 'true');
  if ((existing.statusCode ?? 200) >= 400) reply.type('application/json');
  return existing.body as T;
}
