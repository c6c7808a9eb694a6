// The one error model of both API families (contract §1): {type, messages[]}.
// The domain throws DomainError; this is where its kinds become types and statuses.
// The HTTP layer's own refusals (framework errors, rate limits) are ApiErrors from the
// start; the error handler turns anything else into one too.
import { DomainError, type DomainErrorKind } from '../domain/errors.ts';

export const ERROR_STATUS = {
  INVALID_HTTP_MESSAGE: 400,
  INVALID_REQUEST_PARAMS: 400,
  UNAUTHORISED: 401,
  ACCESS_DENIED: 403,
  NOT_FOUND: 404,
  UNACCEPTABLE: 406,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
} as const;

export type ErrorType = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  readonly status: number;
  readonly messages: string[];
  /** Extra response headers (WWW-Authenticate, Retry-After). */
  readonly headers: Record<string, string>;

  /** `status` overrides the type's for the framework's own answers (413, 414, 431). */
  constructor(
    readonly type: ErrorType,
    messages: string | string[],
    headers: Record<string, string> = {},
    status?: number,
  ) {
    const list = Array.isArray(messages) ? messages : [messages];
    super(list.join('; '));
    this.status = status ?? ERROR_STATUS[type];
    this.messages = list;
    this.headers = headers;
  }

  body() {
    return { type: this.type, messages: this.messages };
  }
}

const TYPE_OF_KIND: Record<DomainErrorKind, ErrorType> = {
  invalid: 'INVALID_REQUEST_PARAMS',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'ACCESS_DENIED',
  unauthenticated: 'UNAUTHORISED',
  unprocessable: 'UNACCEPTABLE',
  rate_limited: 'TOO_MANY_REQUESTS',
};

function headersOf(error: DomainError): Record<string, string> {
  if (error.kind === 'unauthenticated') return { 'www-authenticate': 'Bearer' };
  if (error.kind === 'rate_limited') return { 'retry-after': String(error.retryAfterSeconds ?? 1) };
  return {};
}

/** The error model's answer to a refusal, the domain's or HTTP's own; undefined for anything else (a fault). */
export function apiErrorOf(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) return new ApiError(TYPE_OF_KIND[error.kind], error.messages, headersOf(error));
  return undefined;
}
