// The Messages API end to end, through the built-in SMSC simulator over real SMPP:
// every check of a request, delivery to each recipient, charging through usage rating,
// Idempotency-Key, and another organization's messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';
import { queryRows } from '../../src/db/database.ts';
import { authorizeSender } from '../../src/domain/sms/senders.service.ts';
import { until } from '../support/wait.ts';

let h: Harness;
let acme: Tenant;
let globex: Tenant;
let sender: string;
let suspendedSender: string;
let unauthorized: string;
let subscriptionId: string;
let globexSender: string;

beforeAll(async () => {
  h = await startHarness({ SMSC_SIMULATOR_RECEIPT_MS: '20' });
  acme = await h.tenant({ name: 'Acme' });
  globex = await h.tenant({ name: 'Globex' });
  const setup = await catalog(h.platform.db, acme.organizationId, { sims: 6 });
  const [line, other] = await subscriptionsFor(h.platform.db, acme.organizationId, setup, 2);
  const [suspended] = await subscriptionsFor(h.platform.db, acme.organizationId, setup, 1, 'suspended');
  sender = line.msisdns[0];
  subscriptionId = line.subscription.id;
  unauthorized = other.msisdns[0];
  suspendedSender = suspended.msisdns[0];
  await authorizeSender(h.platform.db, acme.organizationId, sender);
  await authorizeSender(h.platform.db, acme.organizationId, suspendedSender);
  const [g] = await subscriptionsFor(h.platform.db, globex.organizationId, await catalog(h.platform.db, globex.organizationId, { sims: 1 }), 1);
  globexSender = g.msisdns[0];
  await authorizeSender(h.platform.db, globex.organizationId, globexSender);
});
afterAll(() => h.close());

const send = (tenant: Tenant, payload: object, headers: object = {}) => h.app.inject({ method: 'POST', url: '/enterprise/sms', payload, headers: { ...tenant.auth, ...headers } });
const get = (tenant: Tenant, id: string) => h.app.inject({ url: `/enterprise/sms/${id}`, headers: tenant.auth });
const recipients = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `+4477009${String(from + i).padStart(5, '0')}`);

function settled(tenant: Tenant, id: string) {
  return until(`sms ${id} is not completed`, async () => {
    const body = (await get(tenant, id)).json();
    return body.status === 'completed' && body;
  });
}

async function smsItems(messageId: string) {
  return queryRows<{ source_record_id: string; direction: string; cost_type: string; to_msisdn: string; charged_quantity: string }>(
    h.platform.db,
    sql`SELECT source_record_id, direction, cost_type, to_msisdn, charged_quantity FROM usage_items WHERE source_record_id LIKE ${messageId + ':%'}`,
  );
}

describe('sending', () => {
  it('answers at once, delivers to every recipient and charges each part as an outbound sms', async () => {
    const to = recipients(30);
    const res = await send(acme, { from: `+${sender}`, to, text: 'Fire drill at 15:00 — please gather at the car park. '.repeat(2) });
    expect(res.statusCode).toBe(200);
    const { sms_id, id } = res.json();
    expect(sms_id).toMatch(/^sms_[0-9A-Z]{26}$/);
    expect(id).toBe(sms_id);

    const done = await settled(acme, sms_id);
    expect(done).toMatchObject({ id: sms_id, from: `+${sender}`, encoding: 'ucs2', parts: 2, counts: { queued: 0, sent: 0, delivered: 30, failed: 0 } });
    expect(done.recipients.map((r: { to: string }) => r.to)).toEqual(to);
    expect(done.recipients.every((r: { sent_at: string; done_at: string }) => r.sent_at && r.done_at)).toBe(true);
    expect(done._links.subscription.href).toBe(`/enterprise/subscriptions/${subscriptionId}`);

    const items = await smsItems(sms_id);
    expect(items).toHaveLength(60);
    expect(items.every((i) => i.direction === 'outbound' && Number(i.charged_quantity) === 1)).toBe(true);
    expect(new Set(items.map((i) => i.to_msisdn))).toEqual(new Set(to.map((t) => t.slice(1))));
    // The plan's 500 messages cover them.
    expect(items.every((i) => i.cost_type === 'in_bundle')).toBe(true);
    const usage = (await h.app.inject({ url: `/enterprise/usage/items?subscription-id=${subscriptionId}&type=sms&limit=100`, headers: acme.auth })).json();
    expect(usage._embedded.items).toHaveLength(60);
  });

  it('sends a GSM text in the 7-bit alphabet as one part, and accepts numbers without the plus', async () => {
    const res = await send(acme, { from: sender, to: ['447700900555'], text: 'Reminder: {meeting} at 10 [room 4] ~ €5 coffee' });
    const done = await settled(acme, res.json().sms_id);
    expect(done).toMatchObject({ encoding: 'gsm7', parts: 1, counts: { delivered: 1 } });
  });
});

describe('refusals', () => {
  const valid = () => ({ from: `+${sender}`, to: ['+447700900001'], text: 'hello' });
  const refusal = async (payload: object, tenant = acme) => {
    const res = await send(tenant, payload);
    return { status: res.statusCode, type: res.json().type, messages: res.json().messages as string[] };
  };

  it('names the field, and the index of a recipient, of each bad value', async () => {
    const cases: [object, RegExp][] = [
      [{ ...valid(), from: '+44 7700 900001' }, /from/],
      [{ ...valid(), from: undefined }, /from/],
      [{ ...valid(), to: ['+447700900001', 'call me'] }, /to\[1\]/],
      [{ ...valid(), to: [] }, /to/],
      [{ ...valid(), to: recipients(1001) }, /to/],
      [{ ...valid(), text: '' }, /text/],
      [{ ...valid(), text: 'x'.repeat(501) }, /text/],
      [{ ...valid(), text: 42 }, /text/],
    ];
    for (const [payload, field] of cases) {
      const r = await refusal(payload);
      expect(r.status, JSON.stringify(payload).slice(0, 80)).toBe(400);
      // A value of the wrong JSON type is a malformed message; any other bad value, a bad parameter.
      expect(r.type).toBe(typeof (payload as { text?: unknown }).text === 'number' ? 'INVALID_HTTP_MESSAGE' : 'INVALID_REQUEST_PARAMS');
      expect(r.messages.join(' ')).toMatch(field);
    }
  });

  it('takes 1,000 recipients and 500 characters', async () => {
    const res = await send(acme, { ...valid(), to: recipients(1000, 2000), text: 'y'.repeat(500) });
    expect(res.statusCode).toBe(200);
    expect((await get(acme, res.json().sms_id)).json()).toMatchObject({ parts: 4 });
  });

  it('refuses international recipients, naming each', async () => {
    const r = await refusal({ ...valid(), to: ['+447700900001', '+33612345678', '+447700900002', '+4915112345678'] });
    expect(r.status).toBe(400);
    expect(r.messages).toEqual([
      'to[1]: +33612345678 is outside GB; international messages are not supported',
      'to[3]: +4915112345678 is outside GB; international messages are not supported',
    ]);
  });

  it("refuses a sender that is not authorized, not the organization's, or not active", async () => {
    expect((await refusal({ ...valid(), from: `+${unauthorized}` })).messages).toEqual([`from: +${unauthorized} is not one of this organization's authorized senders`]);
    expect((await refusal({ ...valid(), from: `+${globexSender}` })).messages[0]).toMatch(/^from: .* authorized senders$/);
    expect((await refusal({ ...valid(), from: '+447700900777' })).messages[0]).toMatch(/^from: /);
    expect((await refusal({ ...valid(), from: `+${suspendedSender}` })).messages).toEqual([
      `from: the subscription of +${suspendedSender} is suspended; only an active one can send`,
    ]);
  });

  it('needs the premium sms licence', async () => {
    const basic = await h.tenant({ licences: ['accounts', 'usage'] });
    const r = await refusal(valid(), basic);
    expect(r.status).toBe(403);
    expect(r.type).toBe('ACCESS_DENIED');
    const unauthenticated = await h.app.inject({ method: 'POST', url: '/enterprise/sms', payload: valid() });
    expect(unauthenticated.statusCode).toBe(401);
  });

  it('never writes a refused message', async () => {
    const before = await queryRows<{ n: string }>(h.platform.db, sql`SELECT count(*) AS n FROM sms_messages`);
    await refusal({ ...valid(), to: ['+33612345678'] });
    const after = await queryRows<{ n: string }>(h.platform.db, sql`SELECT count(*) AS n FROM sms_messages`);
    expect(after[0].n).toBe(before[0].n);
  });
});

describe('reading messages', () => {
  it('shows an organization only its own messages', async () => {
    const mine = (await send(globex, { from: globexSender, to: ['+447700900003'], text: 'hi' })).json().sms_id;
    expect((await get(globex, mine)).statusCode).toBe(200);
    const other = await get(acme, mine);
    expect(other.statusCode).toBe(404);
    expect(other.json().type).toBe('NOT_FOUND');
    expect((await get(acme, 'sms_01JBCG33BC2PS4J76JN685GN56')).statusCode).toBe(404);
    expect((await get(acme, 'not-an-id')).statusCode).toBe(404);
  });
});

describe('Idempotency-Key', () => {
  it('makes exactly one message of 30 concurrent identical requests', async () => {
    const payload = { from: `+${sender}`, to: recipients(5, 500), text: 'once only' };
    const responses = await Promise.all(Array.from({ length: 30 }, () => send(acme, payload, { 'idempotency-key': 'sms-once-1' })));
    const ok = responses.filter((r) => r.statusCode === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.json().sms_id)).size).toBe(1);
    for (const r of responses.filter((x) => x.statusCode !== 200)) expect(r.statusCode).toBe(409);
    const replay = await send(acme, payload, { 'idempotency-key': 'sms-once-1' });
    expect(replay.json().sms_id).toBe(ok[0].json().sms_id);
    const rows = await queryRows<{ n: string }>(h.platform.db, sql`SELECT count(*) AS n FROM sms_messages WHERE text = 'once only'`);
    expect(Number(rows[0].n)).toBe(1);
  });
});
