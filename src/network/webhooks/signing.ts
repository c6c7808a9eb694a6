// The Standard Webhooks headers of one message: `webhook-id` (the same on every
// attempt), `webhook-timestamp` and `webhook-signature` (`v1,` and the base64
// HMAC-SHA256 of `<id>.<timestamp>.<body>`, keyed with the base64 after `whsec_`). The
// dispatcher signs with it, and so does `cellhub listen` when it forwards an event, so a
// receiver verifies both the same way. Signed with node:crypto (the reference
// `standardwebhooks` library hashes in JavaScript, a cost per delivery); the tests verify
// what is signed here with the reference library.
import { createHmac } from 'node:crypto';

const PREFIX = 'whsec_';

export interface SignedMessage {
  id: string;
  /** The JSON body, exactly as sent. */
  body: string;
  secret: string;
  /** A second secret that also signs (an endpoint's previous one, during a rotation's overlap). */
  previousSecret?: string;
}

export class WebhookSigner {
  private readonly keys = new Map<string, Buffer>();

  /** The headers that carry the message's signature, made at `at` (default now). */
  headers(message: SignedMessage, at = new Date()): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
    const timestamp = String(Math.floor(at.getTime() / 1000));
    const signed = `${message.id}.${timestamp}.${message.body}`;
    // Standard Webhooks: several signatures, space-separated; a receiver accepts any that verifies.
    const signature = this.sign(message.secret, signed);
    return {
      'webhook-id': message.id,
      'webhook-timestamp': timestamp,
      'webhook-signature': message.previousSecret ? `${signature} ${this.sign(message.previousSecret, signed)}` : signature,
    };
  }

  private sign(secret: string, signed: string): string {
    return `v1,${createHmac('sha256', this.key(secret)).update(signed).digest('base64')}`;
  }

  private key(secret: string): Buffer {
    let key = this.keys.get(secret);
    if (!key) {
      key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
      if (key.length === 0) throw new Error("a webhook secret can't be empty");
      this.keys.set(secret, key);
    }
    return key;
  }
}
