// The one logger of a process: the HTTP app logs through it (each request's lines carry
// its correlation_id) and so does background work (a job's lines carry the correlation
// id of the request that caused it). Readable in a terminal, JSON lines otherwise; never
// a token or a secret (errors pass through redactError, credentials are redacted).
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { redactError } from '../http/log-redaction.ts';

export type { Logger };

export type LogFormat = 'auto' | 'json' | 'pretty';

/**
 * Where credentials may appear in a logged request or object. Bodies are not logged;
 * should one ever be, neither are what a payment method carries (the gateway's token;
 * card data is refused before any use).
 */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'req.body.client_secret',
  'req.body.refresh_token',
  'req.body.token',
  'req.body.cvv',
  'req.body.cvc',
  'req.body.card_number',
  'req.body.cardNumber',
  'req.body.pan',
  '*.client_secret',
  '*.refresh_token',
  '*.access_token',
  '*.secret',
  '*.password',
  '*.csrfToken',
];

export interface LoggerOptions {
  level: string;
  /** auto: readable when the output is a terminal, JSON otherwise. */
  format?: LogFormat;
  /** Where lines go (default stdout); tests read them. */
  stream?: NodeJS.WritableStream;
}

export function createLogger({ level, format = 'auto', stream }: LoggerOptions): Logger {
  const options = { level, redact: REDACTED, serializers: { err: redactError } };
  const output = stream ?? process.stdout;
  const readable = format === 'pretty' || (format === 'auto' && !stream && Boolean(process.stdout.isTTY));
  if (readable) return pino(options, pretty({ destination: output, colorize: format === 'auto' || Boolean((output as { isTTY?: boolean }).isTTY), sync: true }));
  return stream ? pino(options, stream) : pino(options);
}

/** A logger that writes nothing (tests that do not read logs). */
export const silentLogger = (): Logger => pino({ level: 'silent' });
