// What went wrong, in the domain's words: a kind and messages that name the field or the
// thing. The domain knows nothing of HTTP; http/errors.ts turns each kind into the error
// model and its status.

export type DomainErrorKind =
  /** The input breaks a rule; the messages name the field. */
  | 'invalid'
  | 'not_found'
  /** The input names something in use, or asks for what the current state forbids. */
  | 'conflict'
  /** The caller may not touch this (another customer's, another client's). */
  | 'forbidden'
  /** The caller did not prove who it is. */
  | 'unauthenticated'
  /** The request is well formed but cannot be carried out (a provisioning failure). */
  | 'unprocessable'
  /** Too many attempts; `retryAfterSeconds` says when to try again. */
  | 'rate_limited';

export class DomainError extends Error {
  readonly messages: string[];

  constructor(
    readonly kind: DomainErrorKind,
    messages: string | string[],
    readonly retryAfterSeconds?: number,
  ) {
    const list = Array.isArray(messages) ? messages : [messages];
    super(list.join('; '));
    this.messages = list;
  }
}

export const invalidParams = (messages: string | string[]) => new DomainError('invalid', messages);
export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const conflict = (message: string) => new DomainError('conflict', message);
export const accessDenied = (message: string) => new DomainError('forbidden', message);
export const unauthorised = (message: string) => new DomainError('unauthenticated', message);
export const tooManyAttempts = (message: string, retryAfterSeconds: number) => new DomainError('rate_limited', message, retryAfterSeconds);
