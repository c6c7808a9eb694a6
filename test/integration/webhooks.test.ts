// Webhook delivery against a real HTTP receiver that is down, then slow, then failing,
// then up: every message arrives, repeats carry the same webhook-id, and every
// signature verifies with the Standard Webhooks reference library. Plus the operator's
// view of attempts, redelivery and secret rotation.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { freePort } from '../support/processes.ts';
import { enqueueWebhooks } from '../../src/domain/webhooks/webhooks.service.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { webhookDeliveries } from '../../src/db/schema.ts';
import { inArray } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { WebhookSender } from '../../src/network/webhooks/sender.ts';
import { WebhookDispatcher } from '../../src/domain/webhooks/dispatcher.ts';
import { until } from '../support/wait.ts';

type Mode = 'slow' | 'error' | 'up';
interface Received {
  id: string;
  body: string;
  headers: IncomingHttpHeaders;
}

/** A receiver on `port` whose answer depends on `mode`; it records every request it reads in full. */
async function receiver(port: number) {
  const state = { mode: 'up' as Mode, received: [] as Received[] };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      state.received.push({ id: String(req.headers['webhook-id']), body, headers: req.headers });
      // Too late, and a failure even then: on a busy machine a late answer may still beat the sender's timer.
      if (state.mode === 'slow') return void setTimeout(() => ((res.statusCode = 503), res.end('late')), 1_000);
      res.statusCode = state.mode === 'error' ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let h: Harness;
let organizationId: string;
const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };

beforeAll(async () => {
  // Retries enough that no delivery runs out while the test changes the receiver, however slow the machine.
  h = await startHarness({ WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_TIMEOUT_MS: '300', WEBHOOK_RETRY_SCHEDULE: Array(500).fill('0.2').join(',') });
  organizationId = (await createOrganization(h.platform.db, { name: 'Hooked', licences: [] })).id;
});
afterAll(() => h.close());

const delivery = async (id: string, on = h) => (await on.app.inject({ url: `/operator/webhooks/deliveries/${id}`, headers: op })).json();
const enqueue = (url: string, count: number, notBefore?: Date, on = h, org = organizationId) =>
  on.platform.db.transaction(async (tx) => {
    const ids = await enqueueWebhooks(
      tx,
      Array.from({ length: count }, (_, i) => ({
        organizationId: org,
        url,
        eventType: 'USAGE_THRESHOLD',
        payload: { type: 'USAGE_THRESHOLD', n: i, threshold: 80 },
      })),
    );
    // A delivery held back stays waiting for its first attempt.
    if (notBefore) await tx.update(webhookDeliveries).set({ nextAttemptAt: notBefore }).where(inArray(webhookDeliveries.id, ids));
    return ids;
  });

describe('delivery', () => {
  it('gets every message through a receiver that is down, slow, failing and then up', async () => {
    const port = await freePort();
    const ids = await enqueue(`http://127.0.0.1:${port}/hooks`, 10);
    type Attempt = { status_code: number | null; error: string | null };
    const everyDeliveryHad = (what: (a: Attempt) => boolean) => async () =>
      (await Promise.all(ids.map((id) => delivery(id)))).every((d) => (d.attempt_log as Attempt[]).some(what));

    await until(
      'still no attempts against a closed port',
      everyDeliveryHad((a) => /ECONNREFUSED/.test(a.error ?? '')),
    );
    const r = await receiver(port);
    try {
      r.state.mode = 'slow';
      await until(
        'still no attempts against a slow receiver',
        everyDeliveryHad((a) => a.error === 'no answer within 300 ms'),
      );
      r.state.mode = 'error';
      await until(
        'still no attempts against a failing receiver',
        everyDeliveryHad((a) => a.status_code === 500),
      );
      r.state.mode = 'up';
      await until('still no delivery', async () => (await Promise.all(ids.map((id) => delivery(id)))).every((d) => d.status === 'delivered'));
    } finally {
      await r.close();
    }

    // Every message arrived; a message seen more than once kept its webhook-id and body.
    expect(new Set(r.state.received.map((m) => m.id))).toEqual(new Set(ids));
    for (const id of ids) {
      const copies = r.state.received.filter((m) => m.id === id);
      expect(new Set(copies.map((m) => m.body)).size).toBe(1);
    }
    const secret = (await h.app.inject({ url: `/operator/organizations/${organizationId}/webhook-secret`, headers: op })).json().secret;
    expect(secret).toMatch(/^whsec_/);
    const verifier = new Webhook(secret);
    for (const m of r.state.received) {
      expect(verifier.verify(m.body, m.headers as Record<string, string>)).toMatchObject({ type: 'USAGE_THRESHOLD', threshold: 80 });
    }

    // Each attempt is logged with what went wrong, in order.
    const log = (await delivery(ids[0])).attempt_log as Attempt[];
    expect(log[0].error).toMatch(/ECONNREFUSED/);
    expect(log.at(-1)).toMatchObject({ status_code: 204, error: null });
  });

  it('fails a delivery after its last retry; the operator redelivers it with the same webhook-id', async () => {
    const own = await startHarness({ WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_RETRY_SCHEDULE: '0.1,0.1' });
    try {
      const org = (await createOrganization(own.platform.db, { name: 'Hooked too', licences: [] })).id;
      const port = await freePort();
      const [id] = await enqueue(`http://127.0.0.1:${port}/hooks`, 1, undefined, own, org);
      await until('the last retry has not failed the delivery', async () => (await delivery(id, own)).status === 'failed');
      expect((await delivery(id, own)).attempts).toBe(3);
      const failed = (await own.app.inject({ url: `/operator/webhooks/deliveries?status=failed&organization_id=${org}`, headers: op })).json();
      expect(failed.items.map((d: { id: string }) => d.id)).toContain(id);

      const r = await receiver(port);
      try {
        const again = await own.app.inject({ method: 'POST', url: `/operator/webhooks/deliveries/${id}/redeliver`, headers: op });
        expect(again.statusCode).toBe(202);
        await until('still no redelivery', async () => (await delivery(id, own)).status === 'delivered');
        expect(r.state.received.map((m) => m.id)).toEqual([id]);
      } finally {
        await r.close();
      }
      // One still waiting for its first attempt has nothing to redeliver.
      const [waiting] = await enqueue(`http://127.0.0.1:${port}/later`, 1, new Date(Date.now() + 3_600_000), own, org);
      const early = await own.app.inject({ method: 'POST', url: `/operator/webhooks/deliveries/${waiting}/redeliver`, headers: op });
      expect(early.statusCode).toBe(409);
      const unknown = await own.app.inject({ method: 'POST', url: '/operator/webhooks/deliveries/msg_01JBCG33BC2PS4J76JN685GN56/redeliver', headers: op });
      expect(unknown.statusCode).toBe(404);
      expect((await own.app.inject({ url: '/operator/webhooks/deliveries' })).statusCode).toBe(401);
    } finally {
      await own.close();
    }
  });

  it('signs with the new secret once it is rotated', async () => {
    const port = await freePort();
    const r = await receiver(port);
    try {
      const rotating = (await createOrganization(h.platform.db, { name: 'Rotating', licences: [] })).id;
      const secretUrl = `/operator/organizations/${rotating}/webhook-secret`;
      const before = (await h.app.inject({ url: secretUrl, headers: op })).json().secret;
      const rotated = (await h.app.inject({ method: 'POST', url: `${secretUrl}/rotate`, headers: op })).json().secret;
      expect(rotated).toMatch(/^whsec_/);
      expect(rotated).not.toBe(before);
      expect((await h.app.inject({ url: secretUrl, headers: op })).json().secret).toBe(rotated);
      const [id] = await h.platform.db.transaction((tx) =>
        enqueueWebhooks(tx, [{ organizationId: rotating, url: `http://127.0.0.1:${port}/hooks`, eventType: 'SUBSCRIPTION_END', payload: { type: 'SUBSCRIPTION_END' } }]),
      );
      await until('still no delivery', async () => (await delivery(id)).status === 'delivered');
      const [message] = r.state.received;
      expect(new Webhook(rotated).verify(message.body, message.headers as Record<string, string>)).toEqual({ type: 'SUBSCRIPTION_END' });
      expect(() => new Webhook(before).verify(message.body, message.headers as Record<string, string>)).toThrow();
    } finally {
      await r.close();
    }
  });
});

describe('a dispatcher that stops', () => {
  it('hands back the deliveries it claimed ahead and never attempted: due at once, their attempt not counted', async () => {
    const own = await startHarness({ WORKERS: 'off' });
    const answers: (() => void)[] = [];
    const server = createServer((req, res) => {
      req.resume();
      answers.push(() => ((res.statusCode = 204), res.end()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const sender = new WebhookSender(5_000, { allowPrivate: true });
    try {
      const org = (await createOrganization(own.platform.db, { name: 'Stopping', licences: [] })).id;
      const ids = await enqueue(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, 5, undefined, own, org);
      const rows = () => own.platform.db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids));
      // One slot: one delivery in flight, the other four claimed ahead of it.
      const dispatcher = new WebhookDispatcher(own.platform.db, own.platform.sealing, sender, { retrySchedule: [1], concurrency: 1 });
      dispatcher.start();
      await until('no delivery is in flight', () => answers.length === 1);
      expect((await rows()).map((d) => d.attempts)).toEqual([1, 1, 1, 1, 1]);

      const stopped = dispatcher.stop();
      await until('the claims never attempted are not handed back', async () => (await rows()).filter((d) => d.attempts === 0).length === 4);
      answers[0]();
      await stopped;
      const after = await rows();
      expect(after.filter((d) => d.status === 'delivered')).toHaveLength(1);
      const handedBack = after.filter((d) => d.status === 'pending');
      expect(handedBack).toHaveLength(4);
      for (const d of handedBack) {
        expect(d.attempts).toBe(0);
        expect(d.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
      }
      expect(answers).toHaveLength(1);
    } finally {
      await sender.close();
      server.closeAllConnections();
      server.close();
      await own.close();
    }
  });
});

describe("a dispatcher's batches", () => {
  it('deliver with any number of slots, those the embedded database holds ahead included (a quarter of 10 rounds up)', async () => {
    const own = await startHarness({ WORKERS: 'off' });
    const server = createServer((req, res) => req.resume().on('end', () => ((res.statusCode = 204), res.end())));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const sender = new WebhookSender(5_000, { allowPrivate: true });
    const dispatcher = new WebhookDispatcher(own.platform.db, own.platform.sealing, sender, { retrySchedule: [1], concurrency: 10, embedded: true });
    try {
      const org = (await createOrganization(own.platform.db, { name: 'Ten slots', licences: [] })).id;
      const ids = await enqueue(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, 3, undefined, own, org);
      dispatcher.start();
      const rows = () => own.platform.db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids));
      await until('the deliveries are not all delivered', async () => (await rows()).every((d) => d.status === 'delivered'));
    } finally {
      await dispatcher.stop();
      await sender.close();
      server.closeAllConnections();
      server.close();
      await own.close();
    }
  });
});
