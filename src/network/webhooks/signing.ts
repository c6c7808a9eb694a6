// The Standard Webhooks headers of one message: `webhook-id` (the same on every
// attempt), `webhook-timestamp` and `webhook-signature` (HMAC-SHA256 of
// `<id>.<timestamp>.<body>` with the organization's `whsec_` secret, by the reference
// `standardwebhooks` library). The dispatcher signs with it, and so does `cellhub
// listen` when it forwards an event, so a receiver verifies both the same way.
import { Webhook } from 'standardwebhooks';

export interface SignedMessage {
  id: string;
  /** The JSON body, exactly as sent. */
  body: string;
  secret: string;
  /** A second secret that also signs (an endpoint's previous one, during a rotation's overlap). */
  previousSecret?: string;
}

export class WebhookSigner {
  private readonly signers = new Map<string, Webhook>();

  /** The headers that carry the message's signature, made at `at` (default now). */
  headers(message: SignedMessage, at = new Date()): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
    return {
      'webhook-id': message.id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      // Standard Webhooks: several signatures, space-separated; a receiver accepts any that verifies.
      'webhook-signature': [message.secret, message.previousSecret]
        .filter((s): s is string => !!s)
        .map((s) => this.signer(s).sign(message.id, at, message.body))
        .join(' '),
    };
  }

  private signer(secret: string): Webhook {
    let signer = this.signers.get(secret);
    if (!signer) {
      signer = new Webhook(secret);
      this.signers.set(secret, signer);
    }
    return signer;
  }
}
