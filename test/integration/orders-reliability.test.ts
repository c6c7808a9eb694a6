import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { Es2PlusClient } from '../../src/network/smdp/es2plus-client.ts';
import { sql } from 'drizzle-orm';
import { startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog } from '../support/fixtures.ts';
import { decodeQrPng } from '../support/qr.ts';
import { until } from '../support/wait.ts';

let smtp: SMTPServer;
const received: Buffer[] = [];
let h: Harness;
let t: Tenant;
let setup: Awaited<ReturnType<typeof catalog>>;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks));
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  h = await startHarness({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMDP_ADDRESS: 'rsp.cellhub.test' });
  t = await h.tenant({ name: 'Initech' });
  setup = await catalog(h.platform.db, t.organizationId, { sims: 20 });
});
afterAll(async () => {
  await h.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const activation = (email: string, delivery: object = { type: 'api' }) => ({
  type: 'activate_subscription',
  account_id: setup.account.id,
  template_id: setup.template.id,
  subscriber: { first_name: 'Peter', last_name: 'Gibbons', email },
  sim_profile: { sim_type: 'esim', delivery },
});

function settled(id: string) {
  return until(`order ${id} is still pending`, async () => {
    const order = (await h.app.inject({ url: `/enterprise/orders/${id}`, headers: t.auth })).json();
    return order.status !== 'pending' && order;
  });
}

describe('the ES2+ client', () => {
  it('confirms a profile without releasing it, then releases it (ReleaseProfile)', async () => {
    const iccid = '8944000000000009991';
    const simulator = h.platform.smdpSimulator!;
    const profile = await h.platform.smdp.prepareProfile(iccid, null, { release: false });
    expect(profile.matchingId).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    expect((await simulator.profile(iccid))?.state).toBe('Confirmed');
    await h.platform.smdp.releaseProfile(iccid);
    expect((await simulator.profile(iccid))?.state).toBe('Released');
    // Released already: the SM-DP+ refuses, and the client says why.
    await expect(h.platform.smdp.releaseProfile(iccid)).rejects.toThrow(/^SM-DP\+ refused: Profile not in Confirmed state \(subject 8\.2\.1, reason 3\.8\)$/);
  });
});

describe('SM-DP+ failures', () => {
  it('retries errors and timeouts with backoff, then completes', async () => {
    const before = h.platform.smdpSimulator!.calls;
    h.platform.smdpSimulator!.inject('error', 'timeout');
    const placed = (await h.app.inject({ method: 'POST', url: '/enterprise/orders', payload: activation('retry@initech.example'), headers: t.auth })).json();
    const order = await settled(placed.id);
    expect(order.status, order.failure_reason).toBe('completed');
    expect(h.platform.smdpSimulator!.calls - before).toBeGreaterThanOrEqual(4); // 2 failed + downloadOrder + confirmOrder
  });

  it('names the ES2+ function an SM-DP+ that never answers timed out on', async () => {
    const silent = createServer(() => {}); // takes the request, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const client = new Es2PlusClient(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`, 'cellhub', 200);
    try {
      await expect(client.prepareProfile('8944000000000000000')).rejects.toThrow('SM-DP+ did not answer downloadOrder in time');
    } finally {
      await client.close();
      silent.closeAllConnections();
      silent.close();
    }
  });

  it("fails the order with the SM-DP+'s reason when it refuses, and returns the ICCID to stock", async () => {
    h.platform.smdpSimulator!.inject('refuse');
    const placed = (await h.app.inject({ method: 'POST', url: '/enterprise/orders', payload: activation('refused@initech.example'), headers: t.auth })).json();
    const order = await settled(placed.id);
    expect(order.status).toBe('failed');
    expect(order.failure_reason).toMatch(/^SM-DP\+ refused: refused by fault injection/);
    const sims = (await h.app.inject({ url: '/operator/sims?state=allocated&limit=100', headers: { authorization: 'Bearer test-operator-token-0123456789abcdef' } })).json();
    expect(sims.items.map((s: { iccid: string }) => s.iccid)).not.toContain(order.sim_profile.iccid);
  });
});

describe('Idempotency-Key', () => {
  it('makes exactly one order of 50 concurrent identical requests', async () => {
    const body = activation('once@initech.example');
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => h.app.inject({ method: 'POST', url: '/enterprise/orders', payload: body, headers: { ...t.auth, 'idempotency-key': 'hire-once-1' } })),
    );
    const created = responses.filter((r) => r.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.json().id)).size).toBe(1);
    for (const r of responses.filter((x) => x.statusCode !== 201)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().messages[0]).toMatch(/^idempotency-key: /);
    }
    const replay = await h.app.inject({ method: 'POST', url: '/enterprise/orders', payload: body, headers: { ...t.auth, 'idempotency-key': 'hire-once-1' } });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(created[0].json().id);
    const orders = (await h.app.inject({ url: '/enterprise/orders?limit=100', headers: t.auth })).json()._embedded.orders;
    expect(orders.filter((o: { subscriber: { email: string } | null }) => o.subscriber?.email === 'once@initech.example')).toHaveLength(1);
  });

  it('frees a key after 24 hours', async () => {
    const first = await h.app.inject({
      method: 'POST',
      url: '/enterprise/orders',
      payload: activation('old1@initech.example'),
      headers: { ...t.auth, 'idempotency-key': 'k-old' },
    });
    await h.platform.db.execute(sql`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'k-old'`);
    const again = await h.app.inject({
      method: 'POST',
      url: '/enterprise/orders',
      payload: activation('old2@initech.example'),
      headers: { ...t.auth, 'idempotency-key': 'k-old' },
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.json().id).not.toBe(first.json().id);
  });

  it('takes the same body with its keys in another order as the same request', async () => {
    const body = activation('reordered@initech.example') as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(body).reverse());
    const first = await h.app.inject({ method: 'POST', url: '/enterprise/orders', payload: body, headers: { ...t.auth, 'idempotency-key': 'k-order' } });
    const again = await h.app.inject({
      method: 'POST',
      url: '/enterprise/orders',
      payload: JSON.stringify(reversed),
      headers: { ...t.auth, 'idempotency-key': 'k-order', 'content-type': 'application/json' },
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
  });

  it('writes the key with its order: when the key cannot be written, no order is placed, and a retry places one', async () => {
    // Stands in for a crash between the change and its key (test/e2e/idempotency-crash.test.ts kills a real process there).
    await h.platform.db.execute(
      sql.raw(`CREATE FUNCTION refuse_doomed_key() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the key cannot be written'; END $$`),
    );
    await h.platform.db.execute(
      sql.raw(`CREATE TRIGGER refuse_doomed_key BEFORE INSERT OR UPDATE ON idempotency_keys
      FOR EACH ROW WHEN (NEW.key = 'k-doomed' AND NEW.state = 'completed') EXECUTE FUNCTION refuse_doomed_key()`),
    );
    const place = () =>
      h.app.inject({ method: 'POST', url: '/enterprise/orders', payload: activation('doomed@initech.example'), headers: { ...t.auth, 'idempotency-key': 'k-doomed' } });
    const ordersOfDoomed = async () =>
      (await h.app.inject({ url: '/enterprise/orders?limit=100', headers: t.auth }))
        .json()
        ._embedded.orders.filter((o: { subscriber: { email: string } | null }) => o.subscriber?.email === 'doomed@initech.example');
    try {
      expect((await place()).statusCode).toBe(500);
      expect(await ordersOfDoomed()).toHaveLength(0);
    } finally {
      await h.platform.db.execute(sql.raw('DROP TRIGGER refuse_doomed_key ON idempotency_keys'));
      await h.platform.db.execute(sql.raw('DROP FUNCTION refuse_doomed_key()'));
    }
    const retry = await place();
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await ordersOfDoomed()).toHaveLength(1);
    const replay = await place();
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(retry.json().id);
  });

  it("keeps each client's keys its own: another organization's same key places its own order and never sees the first", async () => {
    const first = await h.app.inject({
      method: 'POST',
      url: '/enterprise/orders',
      payload: activation('mine@initech.example'),
      headers: { ...t.auth, 'idempotency-key': 'k-shared' },
    });
    expect(first.statusCode).toBe(201);
    const other = await h.tenant({ name: 'Umbrella' });
    const theirs = await catalog(h.platform.db, other.organizationId, { sims: 2 });
    const body = { ...activation('theirs@umbrella.example'), account_id: theirs.account.id, template_id: theirs.template.id };
    const second = await h.app.inject({ method: 'POST', url: '/enterprise/orders', payload: body, headers: { ...other.auth, 'idempotency-key': 'k-shared' } });
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.json().id).not.toBe(first.json().id);
    expect(second.json().subscriber.email).toBe('theirs@umbrella.example');
  });

  it('refuses the same key with another body, and a malformed key', async () => {
    await h.app.inject({ method: 'POST', url: '/enterprise/orders', payload: activation('k1@initech.example'), headers: { ...t.auth, 'idempotency-key': 'k-2' } });
    const other = await h.app.inject({ method: 'POST', url: '/enterprise/orders', payload: activation('k2@initech.example'), headers: { ...t.auth, 'idempotency-key': 'k-2' } });
    expect(other.statusCode).toBe(409);
    expect(other.json().messages).toEqual(['idempotency-key: was already used with another request']);
    const bad = await h.app.inject({
      method: 'POST',
      url: '/enterprise/orders',
      payload: activation('k3@initech.example'),
      headers: { ...t.auth, 'idempotency-key': 'has space' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('email delivery', () => {
  it('mails the activation code with a QR code image that decodes to it', async () => {
    const placed = (
      await h.app.inject({
        method: 'POST',
        url: '/enterprise/orders',
        headers: t.auth,
        payload: activation('mail@initech.example', { type: 'email', to: ['mail@initech.example'], cc: ['it@initech.example'] }),
      })
    ).json();
    const order = await settled(placed.id);
    expect(order.status).toBe('completed');
    const profile = (await h.app.inject({ url: `/enterprise/subscriptions/${order.subscription_id}/sim-profile`, headers: t.auth })).json();
    const raw = await until('no mail arrived', () => received.find((m) => m.toString().includes(profile.activation_code)));
    const mail = await simpleParser(raw);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('mail@initech.example');
    expect(mail.cc && 'text' in mail.cc ? mail.cc.text : '').toContain('it@initech.example');
    const image = mail.attachments.find((a) => a.contentType === 'image/png')!;
    expect(decodeQrPng(image.content)).toBe(profile.activation_code);
    const after = await settled(placed.id);
    expect(after.sim_profile.delivery).toMatchObject({ type: 'email', status: 'sent' });
  });
});

describe('profile events from the SM-DP+', () => {
  it('moves the profile to downloaded and installed through the ES2+ callback', async () => {
    const order = await settled((await h.app.inject({ method: 'POST', url: '/enterprise/orders', payload: activation('events@initech.example'), headers: t.auth })).json().id);
    const iccid = order.sim_profile.iccid;
    const callback = (notificationPointId: number, token = h.platform.smdpCallbackToken) =>
      h.app.inject({
        method: 'POST',
        url: '/es2plus/gsma/rsp2/es2plus/handleDownloadProgressInfo',
        headers: { authorization: `Bearer ${token}` },
        payload: {
          header: { functionRequesterIdentifier: 'smdp', functionCallIdentifier: 'x' },
          eid: '89049032000000000000000000000042',
          iccid,
          profileType: 'standard',
          timestamp: new Date().toISOString(),
          notificationPointId,
          notificationPointStatus: { status: 'Executed-Success' },
        },
      });
    expect((await callback(3, 'wrong')).statusCode).toBe(401);
    const malformed = await h.app.inject({
      method: 'POST',
      url: '/es2plus/gsma/rsp2/es2plus/handleDownloadProgressInfo',
      headers: { authorization: `Bearer ${h.platform.smdpCallbackToken}` },
      payload: {
        header: { functionRequesterIdentifier: 'smdp', functionCallIdentifier: 'x' },
        iccid: '123',
        profileType: 'p',
        timestamp: 't',
        notificationPointId: 3,
        notificationPointStatus: { status: 'Executed-Success' },
      },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().messages[0]).toMatch(/^iccid: must match/);
    expect((await callback(3)).statusCode).toBe(204);
    expect((await callback(4)).statusCode).toBe(204);
    const profile = (await h.app.inject({ url: `/enterprise/subscriptions/${order.subscription_id}/sim-profile`, headers: t.auth })).json();
    expect(profile).toMatchObject({ status: 'installed', eid: '89049032000000000000000000000042' });
  });
});
