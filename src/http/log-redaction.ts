// Errors are logged with their statement and code, never their parameters: a failed
// query's parameters hold what clients sent (SMS text, names, client ids).

const MAX_DEPTH = 4;
/** Driver fields that quote the values of a failed statement. */
const QUOTING = new Set(['params', 'parameters', 'detail', 'where']);

/**
 * A failed query's message is "Failed query: <sql>\nparams: <values>": keep the first
 * part. PostgreSQL's own messages quote the value they choke on ("invalid input syntax
 * for type integer: \"…\""): drop what is quoted.
 */
const scrub = (text: string, fromDriver: boolean) => {
  const kept = text.replace(/\nparams:[^\n]*/g, '\nparams: [redacted]');
  return fromDriver ? kept.replace(/"[^"\n]*"/g, '"[redacted]"') : kept;
};

export interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function redactError(error: Error, depth = 0): LoggedError {
  const fromDriver = typeof (error as { severity?: unknown }).severity === 'string';
  const logged: LoggedError = { type: error.name, message: scrub(error.message, fromDriver), stack: scrub(error.stack ?? '', fromDriver) };
  for (const [key, value] of Object.entries(error)) {
    if (key === 'cause' || key === 'query') continue;
    logged[key] = QUOTING.has(key) ? '[redacted]' : value;
  }
  // drizzle keeps the statement and, as the cause, the driver's error (code, constraint).
  const { query, cause } = error as { query?: unknown; cause?: unknown };
  if (typeof query === 'string') logged.query = query;
  if (cause instanceof Error && depth < MAX_DEPTH) logged.cause = redactError(cause, depth + 1);
  return logged;
}
