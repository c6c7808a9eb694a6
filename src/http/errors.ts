// The one error model of both API families (contract §1): {type, messages[]}.
// Services throw ApiError; the error handler turns anything else into one too.

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
  constructor(readonly type: ErrorType, messages: string | string[], headers: Record<string, string> = {}, status?: number) {
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

export const invalidParams = (messages: string | string[]) => new ApiError('INVALID_REQUEST_PARAMS', messages);
export const notFound = (what: string) => new ApiError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string) => new ApiError('CONFLICT', message);
export const accessDenied = (message: string) => new ApiError('ACCESS_DENIED', message);
export const unauthorised = (message: string) =>
  new ApiError('UNAUTHORISED', message, { 'www-authenticate': 'Bearer' });
