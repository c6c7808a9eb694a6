// Idempotency-Key on POST (contract §1): the same key and body within 24 h replay the
// first answer and do nothing twice; the same key with another body is a 409; a retry
// while the first request still runs is a 409 too. Keys are per API client.
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
import { expireKey, findKey, holdKey, recordKey, type IdempotencyRecord } from './idempotency.store.ts';

const KEEP_SECONDS = 24 * 3600;
const HEADER = 'idempotency-key';

export interface Answer<T> {
  status: number;
  body: T;
}

// The same request written with its keys in another order is the same request.
export const hashOf = (request: FastifyRequest) =>
  createHash('sha256')
    .update(`${request.method} ${request.routeOptions.url}\n${stableStringify(request.body ?? null)}`)
    .digest('base64url');

/**
 * Runs `run` once per key. With a key, `run` gets a transaction and must make its
 * change through it alone (on the embedded database, a statement on any other handle
 * would wait for this transaction forever).
 */
export async function idempotent<T>(db: Executor, request: FastifyRequest, reply: FastifyReply, run: (db: Executor) => Promise<Answer<T>>): Promise<T> {
  const raw = request.headers[HEADER];
  if (raw === undefined) return answer(reply, await run(db));
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw invalidParams('idempotency-key: must be 1 to 255 visible ASCII characters');
  const { organizationId, clientId } = principalOf(request);
  const record = { organizationId, clientId, key, route: request.routeOptions.url ?? request.url, requestHash: hashOf(request) };

  const earlier = await findKey(db, record, KEEP_SECONDS);
  if (earlier) return replay(reply, earlier, record.requestHash);
  try {
    const outcome = await db.transaction(async (tx) => {
      if (!(await holdKey(tx, record.clientId, key))) throw conflict('idempotency-key: the first request with this key is still being processed');
      // A key older than 24 hours is free again; one answered since the look above is replayed.
      await expireKey(tx, record, KEEP_SECONDS);
      const answered = await findKey(tx, record, KEEP_SECONDS);
      if (answered) return { answered };
      const first = await run(tx);
      await recordKey(tx, { ...record, statusCode: first.status, body: first.body });
      return { first };
    });
    if (outcome.answered) return replay(reply, outcome.answered, record.requestHash);
    return answer(reply, outcome.first);
  } catch (error) {
    // A refusal changed nothing and is this key's answer; anything else leaves the key free for a retry.
    const refusal = apiErrorOf(error);
    if (refusal && refusal.status < 500 && !isKeyConflict(refusal)) {
      await recordKey(db, { ...record, statusCode: refusal.status, body: refusal.body() });
    }
    throw error;
  }
}

function answer<T>(reply: FastifyReply, { status, body }: Answer<T>): T {
  reply.code(status);
  return body;
}

function replay<T>(reply: FastifyReply, earlier: IdempotencyRecord, requestHash: string): T {
  if (earlier.requestHash !== requestHash) throw conflict('idempotency-key: was already used with another request');
  const status = earlier.statusCode ?? 200;
  reply.code(status).header('idempotent-replayed', 'true');
  if (status >= 400) reply.type('application/json');
  return earlier.body as T;
}

const isKeyConflict = (error: ApiError) => error.status === 409 && error.body().messages.some((m) => m.startsWith('idempotency-key:'));
