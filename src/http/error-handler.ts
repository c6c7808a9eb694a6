// Every error leaves in the contract's model, whether it was ours or the framework's:
// unknown routes, unparseable JSON, wrong content types, schema violations, bad URLs,
// oversized bodies and headers, broken framing. A 500 names the correlation id and
// nothing else; the stack goes to the log only. No answer echoes more than a short
// excerpt of what the client sent.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, apiErrorOf } from './errors.ts';
import { uniqueViolation } from '../db/database.ts';

const MALFORMED_MESSAGE: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'body: is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body: is empty but the content type is application/json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'content-type: is not supported here; send application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'content-length: does not match the body',
  FST_ERR_BAD_URL: 'path: is not a valid URL (bad percent-encoding)',
};

/** Framework refusals with a status of their own. */
const SIZED_MESSAGE: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body: is larger than this operation takes'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'path: a path parameter is longer than any id'],
};

const EXCERPT = 80;

/** A short, single-line excerpt of client input, for messages that must quote it. */
export function excerpt(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it replaces
  const flat = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat;
}

export function toApiError(error: FastifyError | Error, correlationId: string): ApiError {
  const refusal = apiErrorOf(error);
  if (refusal) return refusal;
  const fastifyError = error as FastifyError;
  const sized = fastifyError.code && SIZED_MESSAGE[fastifyError.code];
  if (sized) return new ApiError('INVALID_HTTP_MESSAGE', sized[1], {}, sized[0]);
  const known = fastifyError.code && MALFORMED_MESSAGE[fastifyError.code];
  if (known) return new ApiError('INVALID_HTTP_MESSAGE', known);
  // A second row where one must be unique: the request names something already in use.
  const duplicate = uniqueViolation(error);
  if (duplicate) return new ApiError('CONFLICT', `${duplicate}: is already in use`);
  // Framework errors below 500 are malformed requests (bad JSON inside form bodies, …).
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    return new ApiError('INVALID_HTTP_MESSAGE', excerpt(fastifyError.message));
  }
  return new ApiError('INTERNAL_ERROR', `internal error; correlation id ${correlationId}`);
}

function send(reply: FastifyReply, error: ApiError) {
  return reply.code(error.status).headers(error.headers).type('application/json').send(error.body());
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error as FastifyError, request.id);
    if (apiError.type === 'INTERNAL_ERROR') request.log.error({ err: error }, 'request failed');
    return send(reply, apiError);
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new ApiError('NOT_FOUND', `no route ${request.method} ${excerpt(request.url.split('?')[0])}`);
    return send(reply, error);
  });
}

/** The router's refusals (bad percent-encoding, over-long parameters), before any route runs. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void send(reply, toApiError(error, request.id));
}

/** Requests Node's HTTP parser refuses (oversized headers, broken framing): answered on the socket, in the model. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'headers: are larger than 16 KB']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'request: did not arrive in time']
        : [400, 'Bad Request', 'request: is not a well-formed HTTP message'];
  const body = JSON.stringify({ type: 'INVALID_HTTP_MESSAGE', messages: [message] });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
