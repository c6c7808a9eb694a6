// Which copy of the database a list read may use (db/replica.ts): a client's reads stay
// on the primary for a while after its own write, and whenever it asks for the primary
// with `X-Read-From: primary`. The answer says which copy served it, in `X-Read-From`.
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import type { ReadChoice, ReadRouter, ReadSource } from '../db/replica.ts';
import type { Db } from '../db/database.ts';
import type { TenantCache } from '../domain/tenant-cache.ts';

export const READ_FROM_HEADER = 'x-read-from';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

const clientOf = (request: FastifyRequest) => (request.principal ? `${request.principal.organizationId}/${request.principal.clientId}` : undefined);

export function readChoice(request: FastifyRequest): ReadChoice {
  return { client: clientOf(request), primaryAsked: request.headers[READ_FROM_HEADER] === 'primary' };
}

/**
 * Notes a client's successful write before its answer leaves, so the read it sends next
 * already sees the primary, and no cached read of its organization: the announcement of
 * the change (domain/tenant-cache.ts) may arrive after that next read.
 */
export function notingWrites(reads: ReadRouter, cache: TenantCache): onSendHookHandler {
  return (request, reply, payload, done) => {
    if (!READS.has(request.method) && reply.statusCode < 400 && request.principal) {
      reads.wrote(clientOf(request)!);
      cache.invalidate(request.principal.organizationId);
    }
    done(null, payload);
  };
}

/** Runs a list read where it may go, and says in the answer where it went. */
export function readList<T>(reads: ReadRouter, request: FastifyRequest, reply: FastifyReply, read: (db: Db, source: ReadSource) => Promise<T>): Promise<T> {
  return reads.list(readChoice(request), async (db, source) => {
    const result = await read(db, source);
    reply.header(READ_FROM_HEADER, source);
    return result;
  });
}
