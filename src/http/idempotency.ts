// Idempotency-Key on POST (contract §1): the same key and body within 24 h replay the
// first answer and do nothing twice; the same key with another body is a 409; a retry
// while the first request still runs is a 409 too. Keys are per API client, and the
// operator's (/operator) are its own.
//
// The key is written in the transaction of the change it protects, so the two commit
// together or not at all: a process that dies mid-request leaves neither, and the
// client's retry simply runs again. While it runs, a transaction-scoped advisory lock
// on the key tells a concurrent retry that the first is still being processed.
import { createHash } from 'node:crypto';
import stableStringify from 'safe-stable-stringify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../db/database.ts';
import { apiErrorOf, type ApiError } from './errors.ts';
import { conflict, invalidParams } from '../domain/errors.ts';
import { principalOf } from './auth-guard.ts';
import type { KeyEncryption } from '../auth/key-encryption.ts';
import { clientKeySpace, holdKey, operatorKeySpace, type KeyAnswer, type KeySpace } from './idempotency.store.ts';

const KEEP_SECONDS = 24 * 3600;
const HEADER = 'idempotency-key';

export interface Answer<T> {
  status: number;
  body: T;
}

// The same request written with its keys in another order is the same request. The URL's
// parameters are part of it (the same body for another customer is another request);
// a route without any hashes as it did before they were counted.
export function hashOf(request: FastifyRequest): string {
  const params = request.params && typeof request.params === 'object' && Object.keys(request.params).length > 0 ? ` ${stableStringify(request.params)}` : '';
  return createHash('sha256')
    .update(`${request.method} ${request.routeOptions.url}${params}\n${stableStringify(request.body ?? null)}`)
    .digest('base64url');
}

/** The request's key, checked; undefined without one. */
function keyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers[HEADER];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw invalidParams('idempotency-key: must be 1 to 255 visible ASCII characters');
  return key;
}

/**
 * Runs `run` once per key of the request's API client. With a key, `run` gets a
 * transaction and must make its change through it alone (on the embedded database, a
 * statement on any other handle would wait for this transaction forever).
 */
export async function idempotent<T>(db: Executor, request: FastifyRequest, reply: FastifyReply, run: (db: Executor) => Promise<Answer<T>>): Promise<T> {
  const key = keyOf(request);
  if (key === undefined) return answer(reply, await run(db));
  const { organizationId, clientId } = principalOf(request);
  return once(db, clientKeySpace({ organizationId, clientId, key }), request, reply, run);
}

/** The same for the operator (/operator), whose keys are its own and stored sealed. */
export async function operatorIdempotent<T>(
  db: Executor,
  sealing: KeyEncryption,
  request: FastifyRequest,
  reply: FastifyReply,
  run: (db: Executor) => Promise<Answer<T>>,
): Promise<T> {
  const key = keyOf(request);
  if (key === undefined) return answer(reply, await run(db));
  return once(db, operatorKeySpace(key, sealing), request, reply, run);
}

async function once<T>(db: Executor, space: KeySpace, request: FastifyRequest, reply: FastifyReply, run: (db: Executor) => Promise<Answer<T>>): Promise<T> {
  const requestHash = hashOf(request);
  const route = request.routeOptions.url ?? request.url;
  const earlier = await space.find(db, KEEP_SECONDS);
  if (earlier) return replay(reply, earlier, requestHash);
  try {
    const outcome = await db.transaction(async (tx) => {
      if (!(await holdKey(tx, space))) throw conflict('idempotency-key: the first request with this key is still being processed');
      // A key older than 24 hours is free again; one answered since the look above is replayed.
      await space.expire(tx, KEEP_SECONDS);
      const answered = await space.find(tx, KEEP_SECONDS);
      if (answered) return { answered };
      const first = await run(tx);
      await space.record(tx, { route, requestHash, statusCode: first.status, body: first.body });
      return { first };
    });
    if (outcome.answered) return replay(reply, outcome.answered, requestHash);
    return answer(reply, outcome.first);
  } catch (error) {
    // A refusal changed nothing and is this key's answer; anything else leaves the key free for a retry.
    const refusal = apiErrorOf(error);
    if (refusal && refusal.status < 500 && !isKeyConflict(refusal)) {
      await space.record(db, { route, requestHash, statusCode: refusal.status, body: refusal.body() });
    }
    throw error;
  }
}

function answer<T>(reply: FastifyReply, { status, body }: Answer<T>): T {
  reply.code(status);
  return body;
}

function replay<T>(reply: FastifyReply, earlier: KeyAnswer, requestHash: string): T {
  if (earlier.requestHash !== requestHash) throw conflict('idempotency-key: was already used with another request');
  const status = earlier.statusCode;
  reply.code(status).header('idempotent-replayed', 'true');
  if (status >= 400) reply.type('application/json');
  return earlier.body as T;
}

const isKeyConflict = (error: ApiError) => error.status === 409 && error.body().messages.some((m) => m.startsWith('idempotency-key:'));
