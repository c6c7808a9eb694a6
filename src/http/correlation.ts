// X-Correlation-ID: taken from the request when it is sane, generated otherwise, echoed
// on every response and written on every log line (it is the request id).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CORRELATION_HEADER = 'x-correlation-id';
const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

export function correlationIdOf(request: IncomingMessage): string {
  const given = request.headers[CORRELATION_HEADER];
  return typeof given === 'string' && SANE.test(given) ? given : randomUUID();
}
