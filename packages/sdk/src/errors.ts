// The one error of the SDK: any answer outside 2xx, from either API family or the token
// endpoint, becomes a CellhubError carrying the contract's {type, messages} and the
// correlation id to quote when asking the provider what happened.

export interface ErrorFields {
  status: number;
  type: string;
  messages: string[];
  correlationId?: string;
  /** Seconds the server asked to wait before trying again (429). */
  retryAfterSeconds?: number;
}

export class CellhubError extends Error {
  override readonly name = 'CellhubError';
  readonly status: number;
  /** The contract's error type (`NOT_FOUND`, `INVALID_REQUEST_PARAMS`, …), or `HTTP_<status>` for a body without one. */
  readonly type: string;
  readonly messages: string[];
  /** The X-Correlation-ID of the failed request, as the server echoed it. */
  readonly correlationId?: string;
  readonly retryAfterSeconds?: number;

  constructor(fields: ErrorFields) {
    const where = fields.correlationId ? ` (correlation id ${fields.correlationId})` : '';
    super(`${fields.status} ${fields.type}: ${fields.messages.join('; ')}${where}`);
    this.status = fields.status;
    this.type = fields.type;
    this.messages = fields.messages;
    this.correlationId = fields.correlationId;
    this.retryAfterSeconds = fields.retryAfterSeconds;
  }

  /** The error of a failed response whose body was already read (JSON parsed, or text). */
  static of(response: Response, body: unknown): CellhubError {
    const modelled = isErrorBody(body);
    const text = typeof body === 'string' && body ? body : response.statusText || 'no error body';
    const retryAfter = Number(response.headers.get('retry-after'));
    return new CellhubError({
      status: response.status,
      type: modelled ? body.type : `HTTP_${response.status}`,
      messages: modelled ? body.messages : [text],
      correlationId: response.headers.get('x-correlation-id') ?? undefined,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
    });
  }

  /** The error of a failed response whose body is still unread. */
  static async from(response: Response): Promise<CellhubError> {
    const text = await response.text().catch(() => '');
    return CellhubError.of(response, parsed(text));
  }
}

function isErrorBody(body: unknown): body is { type: string; messages: string[] } {
  const b = body as { type?: unknown; messages?: unknown } | null;
  return typeof b?.type === 'string' && Array.isArray(b.messages) && b.messages.every((m) => typeof m === 'string');
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The data of an openapi-fetch result, or its failure as a CellhubError. */
export function dataOf<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) throw CellhubError.of(result.response, result.error);
  return result.data as T;
}
