// Sends one webhook over HTTP, signed per Standard Webhooks (signing.ts): `webhook-id`
// (the same on every attempt), `webhook-timestamp` and `webhook-signature` (HMAC-SHA256
// with the organization's `whsec_` secret). Connections are kept alive, several per
// receiver. Sent through undici's dispatch API: an attempt only needs the status, so no
// response stream is made and the answer's body is read and dropped; one timer bounds
// the whole attempt.
import { Agent, type Dispatcher } from 'undici';
import { WebhookSigner } from './signing.ts';
import { guardedLookup, OutboundRefused, refusedUrl, type OutboundPolicy } from '../outbound/guard.ts';

export interface WebhookMessage {
  id: string;
  url: string;
  /** The JSON body, exactly as signed. */
  body: string;
  secret: string;
  /** Also signs, during a rotation's overlap. */
  previousSecret?: string;
}

/** What one attempt got: the receiver's status, or why there was none. */
export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** The outbound guard refused the address: trying again would reach the same place. */
  refused?: boolean;
}

/** A receiver's answer is read up to this much, then the connection is dropped (its status stands). */
const MAX_ANSWER_BYTES = 64 * 1024;
/** URLs whose parse and check are remembered (a receiver's URL is used over and over). */
const KNOWN_URLS = 10_000;

/** Where a URL goes, or why it may not be called (what can be known without DNS). */
type Target = { origin: string; path: string } | { refusal: string };

export class WebhookSender {
  private readonly agent: Agent;
  private readonly signer = new WebhookSigner();
  private readonly targets = new Map<string, Target>();

  constructor(
    readonly timeoutMs: number,
    private readonly policy: OutboundPolicy,
  ) {
    this.agent = new Agent({
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connectTimeout: timeoutMs,
      connections: 64,
      // Every connection's address is checked as it is resolved.
      connect: { lookup: guardedLookup(policy) },
    });
  }

  send(message: WebhookMessage): Promise<AttemptOutcome> {
    const target = this.target(message.url);
    if ('refusal' in target) return Promise.resolve({ ok: false, statusCode: null, error: `refused: ${target.refusal}`, durationMs: 0, refused: true });
    return new Promise((resolve) => {
      const attempt = new Attempt(this.timeoutMs, resolve);
      try {
        this.agent.dispatch(
          {
            origin: target.origin,
            path: target.path,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'user-agent': 'cellhub-webhooks',
              ...this.signer.headers(message),
            },
            body: message.body,
          },
          attempt,
        );
      } catch (error) {
        attempt.onResponseError(undefined, error as Error);
      }
    });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** The URL parsed and checked once, then remembered: an address written in it is never looked up, so it is checked here. */
  private target(url: string): Target {
    let target = this.targets.get(url);
    if (target) return target;
    const refusal = refusedUrl(url, this.policy);
    if (refusal) target = { refusal };
    else {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
    }
    if (this.targets.size >= KNOWN_URLS) this.targets.clear();
    this.targets.set(url, target);
    return target;
  }
}

/** One attempt's handler: settles once, with the status when the answer has been read, or with what went wrong. */
class Attempt implements Dispatcher.DispatchHandler {
  private readonly started = performance.now();
  private readonly timer: NodeJS.Timeout;
  private controller?: Dispatcher.DispatchController;
  private statusCode: number | null = null;
  private answerBytes = 0;
  private settled = false;

  constructor(
    private readonly timeoutMs: number,
    private readonly resolve: (outcome: AttemptOutcome) => void,
  ) {
    this.timer = setTimeout(() => this.timedOut(), timeoutMs);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.settled) controller.abort(new Error('the attempt is over'));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    this.statusCode = statusCode;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.answerBytes += chunk.length;
    if (this.answerBytes <= MAX_ANSWER_BYTES) return;
    this.answered();
    controller.abort(new Error('the answer is too long'));
  }

  onResponseEnd(): void {
    this.answered();
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    const refused = causes(error).find((e) => e instanceof OutboundRefused);
    if (refused) return this.settle({ ok: false, statusCode: null, error: refused.message, refused: true });
    const timedOut = error.name === 'TimeoutError' || error.name === 'AbortError' || /timeout/i.test(error.message);
    this.settle({ ok: false, statusCode: null, error: timedOut ? this.noAnswer() : error.message || error.name });
  }

  private answered(): void {
    const statusCode = this.statusCode!;
    const ok = statusCode >= 200 && statusCode < 300;
    this.settle({ ok, statusCode, error: ok ? null : `HTTP ${statusCode}` });
  }

  private timedOut(): void {
    this.settle({ ok: false, statusCode: null, error: this.noAnswer() });
    this.controller?.abort(new Error(this.noAnswer()));
  }

  private noAnswer(): string {
    return `no answer within ${this.timeoutMs} ms`;
  }

  private settle(outcome: Omit<AttemptOutcome, 'durationMs'>): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.resolve({ ...outcome, durationMs: Math.round(performance.now() - this.started) });
  }
}

/** The error and the errors it wraps (undici wraps connection failures). */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}
