// The API's errors as the pages show them: each message next to the field it names, the rest above the form.
import { CellhubError } from '@cellhub/sdk';

/** A refusal (4xx) is not retried: asking again gets the same answer. */
export function retryable(error: unknown): boolean {
  if (error instanceof CellhubError) return error.status >= 500 || error.status === 429;
  return true;
}

export function messagesOf(error: unknown): string[] {
  if (error instanceof CellhubError) return error.messages.length ? error.messages : [error.message];
  if (error instanceof Error) return [error.message];
  return [String(error)];
}

export function isNotFound(error: unknown): boolean {
  return error instanceof CellhubError && (error.status === 404 || (error.status === 403 && error.type === 'ACCESS_DENIED' && /another|not found/i.test(error.messages.join(' '))));
}

export interface FieldErrors {
  /** Messages by the field they name (`subscriber.email`), as the API writes it. */
  fields: Record<string, string>;
  /** Messages that name none of the form's fields. */
  general: string[];
}

/** Splits the API's messages (`to[3]: must match …`) by the form's fields; a message naming `to[3]` belongs to `to`. */
export function fieldErrors(error: unknown, fields: string[]): FieldErrors {
  const result: FieldErrors = { fields: {}, general: [] };
  if (!error) return result;
  for (const message of messagesOf(error)) {
    const named = fields
      .filter((field) => message.startsWith(field + ':') || message.startsWith(field + '[') || message.startsWith(field + '.'))
      .sort((a, b) => b.length - a.length)[0];
    if (named) result.fields[named] = result.fields[named] ? `${result.fields[named]}; ${message}` : message;
    else result.general.push(message);
  }
  return result;
}
