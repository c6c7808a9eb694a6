// Answers serialized earlier (a cached read) go out as they are. Kept as bytes, so that
// sending one again only writes it: no encoding, no measuring of a string per request.
import type { FastifyReply } from 'fastify';

/** A route's answer, serialized by its response schema, as bytes. */
export function serialized(reply: FastifyReply, body: unknown): Buffer {
  return Buffer.from(reply.serialize(body) as string);
}

/** Sends serialized JSON as the route's serializer would have: its content type (HAL for Enterprise) with the charset. */
export function sendSerialized(reply: FastifyReply, json: Buffer): FastifyReply {
  const type = String(reply.getHeader('content-type') ?? 'application/json');
  return reply.type(type.includes('charset') ? type : `${type}; charset=utf-8`).send(json);
}
