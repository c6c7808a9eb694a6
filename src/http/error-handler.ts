// Every error leaves in the contract's model, whether it was ours or the framework's:
// unknown routes, unparseable JSON, wrong content types, schema violations. A 500 names
// the correlation id and nothing else; the stack goes to the log only.
import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError } from './errors.ts';

const MALFORMED_MESSAGE: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'body: is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body: is empty but the content type is application/json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'content-type: is not supported here; send application/json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body: is too large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'content-length: does not match the body',
};

export function toApiError(error: FastifyError | Error, correlationId: string): ApiError {
  if (error instanceof ApiError) return error;
  const fastifyError = error as FastifyError;
  const known = fastifyError.code && MALFORMED_MESSAGE[fastifyError.code];
  if (known) return new ApiError('INVALID_HTTP_MESSAGE', known);
  // Framework errors below 500 are malformed requests (bad JSON inside form bodies, …).
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    return new ApiError('INVALID_HTTP_MESSAGE', fastifyError.message);
  }
  return new ApiError('INTERNAL_ERROR', `internal error; correlation id ${correlationId}`);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error as FastifyError, request.id);
    if (apiError.type === 'INTERNAL_ERROR') request.log.error({ err: error }, 'request failed');
    return reply.code(apiError.status).headers(apiError.headers).type('application/json').send(apiError.body());
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new ApiError('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
    return reply.code(404).type('application/json').send(error.body());
  });
}
