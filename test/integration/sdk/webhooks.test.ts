// A receiver verifies cellhub's webhooks with the SDK: deliveries signed by cellhub's own
// sender (src/network/webhooks/sender.ts) pass; a tampered body, a wrong secret, a
// timestamp too old or too new and a missing header fail.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError } from '@cellhub/sdk';
import { WebhookSender } from '../../../src/network/webhooks/sender.ts';
import { until } from '../../support/wait.ts';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const secretLikeCellhubs = () => `whsec_${randomBytes(32).toString('base64')}`;
const received: Delivery[] = [];
const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  received.push({ headers: req.headers, body: Buffer.concat(chunks) });
  res.statusCode = 204;
  res.end();
});
const sender = new WebhookSender(5_000, { allowPrivate: true });
let url: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await sender.close();
  await new Promise((resolve) => server.close(resolve));
});

const payload = {
  id: 'evt_1',
  type: 'USAGE_THRESHOLD',
  iccid: '8944000000000000001',
  subscription_id: 'c3ViLTE=',
  threshold: 80,
  current_balance: '214748364',
  expiration_date: '2030-01-01T00:00:00.000Z',
};

/** One delivery through cellhub's sender, as the receiver got it. */
async function deliver(secret: string, body = JSON.stringify(payload)): Promise<Delivery> {
  const before = received.length;
  const outcome = await sender.send({ id: `msg_${randomBytes(8).toString('hex')}`, url, body, secret });
  expect(outcome).toMatchObject({ ok: true, statusCode: 204 });
  return until('the receiver got nothing', () => received[before]);
}

const refused = (call: Promise<unknown>) =>
  call.then(
    () => expect.unreachable('verified'),
    (e: unknown) => e as Error,
  );

describe('verifyWebhook', () => {
  it('accepts a delivery signed by cellhub and answers its payload', async () => {
    const secret = secretLikeCellhubs();
    const { headers, body } = await deliver(secret);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(await verifyWebhook(secret, headers, body)).toEqual(payload);
    expect(await verifyWebhook(secret, headers, body.toString('utf8'))).toEqual(payload);
    // A Fetch API Headers object, as a receiver on Request/Response sees them.
    expect(await verifyWebhook(secret, new Headers(headers as Record<string, string>), body)).toEqual(payload);
  });

  it('accepts the new secret or the old one while a rotation overlaps', async () => {
    const [old, current] = [secretLikeCellhubs(), secretLikeCellhubs()];
    const { headers, body } = await deliver(current);
    expect(await verifyWebhook([old, current], headers, body)).toEqual(payload);
  });

  it('refuses a tampered body', async () => {
    const secret = secretLikeCellhubs();
    const { headers, body } = await deliver(secret);
    const tampered = body.toString('utf8').replace('"threshold":80', '"threshold":81');
    expect(tampered).not.toBe(body.toString('utf8'));
    const error = await refused(verifyWebhook(secret, headers, tampered));
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error.message).toMatch(/^webhook-signature: no v1 signature matches/);
  });

  it('refuses a delivery signed with another secret', async () => {
    const { headers, body } = await deliver(secretLikeCellhubs());
    const error = await refused(verifyWebhook(secretLikeCellhubs(), headers, body));
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error.message).toMatch(/^webhook-signature: /);
  });

  it('refuses a timestamp more than five minutes old or ahead, and takes one within', async () => {
    const secret = secretLikeCellhubs();
    const { headers, body } = await deliver(secret);
    const sentAt = Number(headers['webhook-timestamp']) * 1000;
    const at = (ms: number) => ({ now: () => sentAt + ms });
    expect(await verifyWebhook(secret, headers, body, at(299_000))).toEqual(payload);
    for (const skew of [301_000, -301_000]) {
      const error = await refused(verifyWebhook(secret, headers, body, at(skew)));
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect(error.message).toMatch(/^webhook-timestamp: is too far from now/);
    }
    // A replay with a fresh timestamp but the old signature does not verify either.
    const restamped = { ...headers, 'webhook-timestamp': String(Math.floor(Date.now() / 1000) + 1) };
    expect(await refused(verifyWebhook(secret, restamped, body))).toBeInstanceOf(WebhookVerificationError);
  });

  it('refuses a delivery without its signature headers', async () => {
    const secret = secretLikeCellhubs();
    const { headers, body } = await deliver(secret);
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      const error = await refused(verifyWebhook(secret, { ...headers, [name]: undefined }, body));
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect(error.message).toBe(`${name}: header is missing`);
    }
  });
});
