// Schemas shared by routes of both families: the error body and list parameters.
import { Type, type TSchema } from 'typebox';
import { ERROR_STATUS } from './errors.ts';

export const ErrorBody = Type.Object(
  {
    type: Type.Enum(Object.keys(ERROR_STATUS)),
    messages: Type.Array(Type.String()),
  },
  { $id: 'Error', description: 'The error model of both API families' },
);

// Each error status with the cases the contract documents for it (contract §1) and a
// typical answer, for the OpenAPI document.
const ERRORS: Record<number, { description: string; example: { type: string; messages: string[] } }> = {
  400: {
    description: [
      '`INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type.',
      '`INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query.',
      'Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`).',
    ].join(' '),
    example: { type: 'INVALID_REQUEST_PARAMS', messages: ['to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$'] },
  },
  401: {
    description:
      '`UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`.',
    example: { type: 'UNAUTHORISED', messages: ['authorization: a bearer token is required'] },
  },
  403: {
    description:
      "`ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization.",
    example: { type: 'ACCESS_DENIED', messages: ['this client holds no licence for the subscriptions API'] },
  },
  404: {
    description: "`NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same).",
    example: { type: 'NOT_FOUND', messages: ['subscription sub_01HTJA47C93ABKKR58T05JBAJB not found'] },
  },
  406: {
    description: '`UNACCEPTABLE`: a quota of the organization is exhausted.',
    example: { type: 'UNACCEPTABLE', messages: ['the organization has no eSIM left in its quota'] },
  },
  409: {
    description: [
      "`CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed),",
      'or an `Idempotency-Key` reused with another body, or sent again while its first request is still running.',
    ].join(' '),
    example: { type: 'CONFLICT', messages: ['idempotency-key: was already used with another request'] },
  },
  429: {
    description:
      "`TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again.",
    example: { type: 'TOO_MANY_REQUESTS', messages: ['rate limit of 1000 requests a minute reached; retry in 12 s'] },
  },
  503: {
    description: 'Not ready: `INTERNAL_ERROR` with status 503 and `Retry-After`, one message per thing that is not ready (database, workers).',
    example: { type: 'INTERNAL_ERROR', messages: ['workers: not running'] },
  },
};

/** A typical answer of an error status, for the document's examples (see http/openapi.ts). */
export const errorExample = (status: number) => ERRORS[status]?.example;

/** Response schemas for the given error statuses, for the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, Type.Ref('Error', { description: ERRORS[s].description })]));
}

/** A value or null, as the contract writes absent optional fields. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** The Idempotency-Key header of a POST that honours it (see http/idempotency.ts). */
export const IdempotencyKeyHeader = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ description: 'Replays the first answer for 24 h; the same key with another request is 409' })),
});
