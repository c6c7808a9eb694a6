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

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field',
  401: 'UNAUTHORISED: token missing, malformed, expired or of another realm',
  403: 'ACCESS_DENIED: no licence or role for this API',
  404: 'NOT_FOUND',
  406: 'UNACCEPTABLE: a quota of the organization is exhausted',
  409: 'CONFLICT: not allowed in the resource\'s current state',
  429: 'TOO_MANY_REQUESTS, with Retry-After',
};

/** Response schemas for the given error statuses, for the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(
    statuses.map((s) => [s, Type.Ref('Error', { description: ERROR_DESCRIPTIONS[s] })]),
  );
}

/** A value or null, as the contract writes absent optional fields. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
