// The dispatcher signs with node:crypto; receivers verify with the Standard Webhooks
// reference library (`standardwebhooks`, what the SDK's verifyWebhook follows). The two
// must agree on every body, with one secret and during a rotation's overlap.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { WebhookSigner } from '../../src/network/webhooks/signing.ts';

const secret = () => `whsec_${randomBytes(24).toString('base64')}`;
const bodies = [
  '{}',
  JSON.stringify({ type: 'USAGE_THRESHOLD', threshold: 80, current_balance: '214748365' }),
  JSON.stringify({ name: 'Zoë 🚀 über', n: 1 }),
  JSON.stringify({ pad: 'x'.repeat(70_000) }),
];

describe('WebhookSigner', () => {
  it('signs what the reference library verifies, and the reference library signs the same', () => {
    const signer = new WebhookSigner();
    const key = secret();
    const at = new Date();
    for (const body of bodies) {
      const headers = signer.headers({ id: 'msg_1', body, secret: key }, at);
      expect(new Webhook(key).verify(body, headers)).toEqual(JSON.parse(body));
      expect(headers['webhook-signature']).toBe(new Webhook(key).sign('msg_1', at, body));
      expect(headers['webhook-timestamp']).toBe(String(Math.floor(at.getTime() / 1000)));
    }
  });

  it('signs with both secrets during a rotation, each verifying on its own', () => {
    const [current, previous] = [secret(), secret()];
    const body = bodies[1];
    const headers = new WebhookSigner().headers({ id: 'msg_2', body, secret: current, previousSecret: previous });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret()).verify(body, headers)).toThrow();
    // A changed byte no longer verifies.
    expect(() => new Webhook(current).verify(body.replace('80', '81'), headers)).toThrow();
  });
});
