// Webhook endpoints (a cellhub extension): an organization's events pushed to its own
// endpoints through the webhook subsystem. A receiver that is down for a while gets
// every event once it is back, each signed with the endpoint's secret, repeats sharing
// the event's id as webhook-id; a rotated secret overlaps; the organization reads its
// delivery log and redelivers; another organization sees none of it.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { freePort } from '../support/processes.ts';
import { until } from '../support/wait.ts';
import { recordEvent } from '../../src/domain/events/events.service.ts';
import type { EventType } from '../../src/domain/events/event-types.ts';

interface Received {
  id: string;
  body: string;
  headers: IncomingHttpHeaders;
}

async function receiver(port: number) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ id: String(req.headers['webhook-id']), body, headers: req.headers });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let h: Harness;
let acme: Tenant;
let globex: Tenant;

beforeAll(async () => {
  h = await startHarness({ WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_TIMEOUT_MS: '300', WEBHOOK_RETRY_SCHEDULE: Array(500).fill('0.2').join(',') });
  acme = await h.tenant({ name: 'Acme' });
  globex = await h.tenant({ name: 'Globex' });
});
afterAll(() => h.close());

const call = (tenant: Tenant, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  h.app.inject({ method, url: `/enterprise${url}`, payload, headers: { ...tenant.auth, 'idempotency-key': `k-${Math.random()}` } });

/** Records an event of acme's as a change would, in its own transaction; answers its id. */
async function happen(type: EventType = 'spend.alert', n = 0): Promise<string> {
  await h.platform.db.transaction((tx) => recordEvent(tx, acme.organizationId, type, { kind: 'data', data: { n } }));
  const feed = (await call(acme, 'GET', `/events?type=${type}&limit=100`)).json();
  return feed._embedded.events.at(-1).id;
}

const deliveriesOf = async (tenant: Tenant, endpoint: string) => (await call(tenant, 'GET', `/webhook-endpoints/${endpoint}/deliveries?limit=100`)).json()._embedded.deliveries;

describe('webhook endpoints', () => {
  let endpoint: string;
  let port: number;
  let secret: string;
  let r: Awaited<ReturnType<typeof receiver>>;

  it('are created, listed and read by their organization, with a secret of their own', async () => {
    port = await freePort();
    const created = await call(acme, 'POST', '/webhook-endpoints', { url: `http://127.0.0.1:${port}/hooks`, description: 'desk' });
    expect(created.statusCode, created.body).toBe(201);
    endpoint = created.json().id;
    expect(created.json()).toMatchObject({ url: `http://127.0.0.1:${port}/hooks`, event_types: [], status: 'enabled', description: 'desk' });
    expect(created.json()).not.toHaveProperty('secret');
    secret = (await call(acme, 'GET', `/webhook-endpoints/${endpoint}/secret`)).json().secret;
    expect(secret).toMatch(/^whsec_/);
    const list = (await call(acme, 'GET', '/webhook-endpoints')).json();
    expect(list._embedded['webhook-endpoints'].map((e: { id: string }) => e.id)).toEqual([endpoint]);
  });

  it('get every event to a receiver that was down, each once per webhook-id, signed with the endpoint secret', async () => {
    const ids = [];
    for (let n = 0; n < 5; n++) ids.push(await happen('spend.alert', n));
    await until('no delivery was refused by the closed port yet', async () => {
      const all = await deliveriesOf(acme, endpoint);
      return all.length === 5 && all.every((d: { attempts: number; last_error: string | null }) => d.attempts > 0 && /ECONNREFUSED/.test(d.last_error ?? ''));
    });
    r = await receiver(port);
    await until('not every delivery arrived', async () => (await deliveriesOf(acme, endpoint)).every((d: { status: string }) => d.status === 'delivered'));

    expect(new Set(r.received.map((m) => m.id))).toEqual(new Set(ids));
    const verifier = new Webhook(secret);
    for (const m of r.received) {
      const body = verifier.verify(m.body, m.headers as Record<string, string>) as { id: string; type: string };
      expect(body).toMatchObject({ id: m.id, type: 'spend.alert' });
      expect(new Set(r.received.filter((c) => c.id === m.id).map((c) => c.body)).size).toBe(1);
    }
    const one = (await deliveriesOf(acme, endpoint))[0];
    const detail = (await call(acme, 'GET', `/webhook-endpoints/${endpoint}/deliveries/${one.id}`)).json();
    expect(detail.attempt_log.length).toBeGreaterThan(1);
    expect(detail.attempt_log.at(-1).status_code).toBe(204);
    expect(detail.webhook_id).toMatch(/^evt_/);
  });

  it('redelivers on the organization’s request with the same webhook-id', async () => {
    const [latest] = await deliveriesOf(acme, endpoint);
    const before = r.received.filter((m) => m.id === latest.webhook_id).length;
    const res = await call(acme, 'POST', `/webhook-endpoints/${endpoint}/deliveries/${latest.id}/redeliver`);
    expect(res.statusCode, res.body).toBe(202);
    await until('the redelivery did not arrive', () => r.received.filter((m) => m.id === latest.webhook_id).length > before);
  });

  it('sends only the chosen event types', async () => {
    const port2 = await freePort();
    const r2 = await receiver(port2);
    try {
      const only = (await call(acme, 'POST', '/webhook-endpoints', { url: `http://127.0.0.1:${port2}/x`, event_types: ['order.failed'] })).json().id;
      await happen('spend.alert', 100);
      const failed = await happen('order.failed', 101);
      await until('the order.failed event did not arrive', () => r2.received.some((m) => m.id === failed));
      expect((await deliveriesOf(acme, only)).map((d: { event_type: string }) => d.event_type)).toEqual(['order.failed']);
      const disabled = await call(acme, 'PATCH', `/webhook-endpoints/${only}`, { status: 'disabled' });
      expect(disabled.json().status).toBe('disabled');
      await happen('order.failed', 102);
      expect(await deliveriesOf(acme, only)).toHaveLength(1);
    } finally {
      await r2.close();
    }
  });

  it('rotates the secret, the old one still signing during the overlap', async () => {
    const rotated = await call(acme, 'POST', `/webhook-endpoints/${endpoint}/rotate-secret`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(Date.parse(rotated.json().previous_secret_expires_at)).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    const secrets = (await call(acme, 'GET', `/webhook-endpoints/${endpoint}/secret`)).json();
    expect(secrets.previous_secret).toBe(secret);
    expect(secrets.secret).not.toBe(secret);
    const [oldOne, newOne] = [new Webhook(secret), new Webhook(secrets.secret)];
    // Processes keep a secret up to 10 s: until then a message may carry only the old signature.
    const both = await until(
      'no message was signed with both secrets',
      async () => {
        const id = await happen('spend.alert', 200);
        const m = await until('the message did not arrive', () => r.received.find((x) => x.id === id));
        expect(oldOne.verify(m.body, m.headers as Record<string, string>)).toMatchObject({ id });
        try {
          newOne.verify(m.body, m.headers as Record<string, string>);
          return m;
        } catch {
          return undefined;
        }
      },
      500,
    );
    expect(String(both.headers['webhook-signature']).split(' ')).toHaveLength(2);
  });

  it('refuse bad input naming the field', async () => {
    for (const [payload, field] of [
      [{ url: 'ftp://example.com/x' }, 'url'],
      [{ url: 'https://example.com/x', event_types: ['order.lost'] }, 'event_types'],
      [{}, 'url'],
    ] as const) {
      const res = await call(acme, 'POST', '/webhook-endpoints', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().messages.join(' ')).toContain(field);
    }
    expect((await call(acme, 'PATCH', `/webhook-endpoints/${endpoint}`, { status: 'paused' })).statusCode).toBe(400);
  });

  it('show another organization none of it', async () => {
    expect((await call(globex, 'GET', '/webhook-endpoints')).json()._embedded['webhook-endpoints']).toEqual([]);
    expect((await call(globex, 'GET', `/webhook-endpoints/${endpoint}`)).statusCode).toBe(404);
    expect((await call(globex, 'GET', `/webhook-endpoints/${endpoint}/secret`)).statusCode).toBe(404);
    expect((await call(globex, 'GET', `/webhook-endpoints/${endpoint}/deliveries`)).statusCode).toBe(404);
    expect((await call(globex, 'PATCH', `/webhook-endpoints/${endpoint}`, { status: 'disabled' })).statusCode).toBe(404);
    expect((await call(globex, 'POST', `/webhook-endpoints/${endpoint}/rotate-secret`)).statusCode).toBe(404);
    const [latest] = await deliveriesOf(acme, endpoint);
    expect((await call(globex, 'GET', `/webhook-endpoints/${endpoint}/deliveries/${latest.id}`)).statusCode).toBe(404);
    expect((await call(globex, 'POST', `/webhook-endpoints/${endpoint}/deliveries/${latest.id}/redeliver`)).statusCode).toBe(404);
    await r.close();
  });
});
