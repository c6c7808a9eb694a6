// Sends one webhook over HTTP, signed per Standard Webhooks (signing.ts): `webhook-id`
// (the same on every attempt), `webhook-timestamp` and `webhook-signature` (HMAC-SHA256
// with the organization's `whsec_` secret).
import { Agent, request } from 'undici';
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

export class WebhookSender {
  private readonly agent: Agent;
  private readonly signer = new WebhookSigner();

  constructor(
    private readonly timeoutMs: number,
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

  async send(message: WebhookMessage): Promise<AttemptOutcome> {
    const started = performance.now();
    const durationMs = () => Math.round(performance.now() - started);
    const timestamp = new Date();
    // An address written in the URL is never looked up, so it is checked here.
    const refusal = refusedUrl(message.url, this.policy);
    if (refusal) return { ok: false, statusCode: null, error: `refused: ${refusal}`, durationMs: 0, refused: true };
    try {
      const res = await request(message.url, {
        method: 'POST',
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'cellhub-webhooks',
          ...this.signer.headers(message, timestamp),
        },
        body: message.body,
      });
      await res.body.dump();
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      return { ok, statusCode: res.statusCode, error: ok ? null : `HTTP ${res.statusCode}`, durationMs: durationMs() };
    } catch (error) {
      const refused = causes(error).find((e) => e instanceof OutboundRefused);
      if (refused) return { ok: false, statusCode: null, error: refused.message, durationMs: durationMs(), refused: true };
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError' || /timeout/i.test(error.message));
      const reason = timedOut ? `no answer within ${this.timeoutMs} ms` : error instanceof Error ? error.message || error.name : String(error);
      return { ok: false, statusCode: null, error: reason, durationMs: durationMs() };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/** The error and the errors it wraps (undici wraps connection failures). */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}
