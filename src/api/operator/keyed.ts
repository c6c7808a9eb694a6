// The operator's creating POSTs honour Idempotency-Key as the partner APIs' do: the
// change runs in the transaction that writes the key with its answer (http/idempotency.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../../db/database.ts';
import type { Platform } from '../../platform.ts';
import { operatorIdempotent, type Answer } from '../../http/idempotency.ts';

/**
 * Runs `run` once per Idempotency-Key; `run` must make its change through the database
 * it is given alone (a transaction when the request has a key).
 */
export function keyed(platform: Platform) {
  return <T>(request: FastifyRequest, reply: FastifyReply, run: (db: Executor) => Promise<Answer<T>>): Promise<T> =>
    operatorIdempotent(platform.db, platform.sealing, request, reply, run);
}

export const created = <T>(body: T): Answer<T> => ({ status: 201, body });
export const ok = <T>(body: T): Answer<T> => ({ status: 200, body });
