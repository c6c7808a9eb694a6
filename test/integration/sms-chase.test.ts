// Nothing waits forever. Against an SMSC that never sends a delivery receipt, each part
// is asked after with query_sm once its receipt is overdue, and settled from the state
// the SMSC reports; against one that does not answer query_sm either (or does not know
// the message), each part is expired at the end of its validity period, which submit_sm
// carried. Every part is charged once, however it ends. After a restart, every part
// still waiting is asked after at once.
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { externalDatabase, fetchToken, startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';
import { startTestSmsc, type TestSmsc } from '../support/smsc.ts';
import { queryRows } from '../../src/db/database.ts';
import { authorizeSender } from '../../src/domain/sms/senders.service.ts';
import { MESSAGE_STATE } from '../../src/network/smsc/smsc.ts';
import { until } from '../support/wait.ts';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** A harness on `smsc` with these settings, closed once (by the test or at the end). */
async function harness(smsc: TestSmsc, env: Record<string, string>, database?: Record<string, string>) {
  const h = await startHarness({ SMSC_URL: smsc.url, ...env }, database);
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= h.close());
  cleanup.push(close);
  return { h, close };
}

/** A harness with a tenant allowed to send from one number. */
async function world(smsc: TestSmsc, env: Record<string, string>, database?: Record<string, string>) {
  const { h, close } = await harness(smsc, env, database);
  const t = await h.tenant();
  const [line] = await subscriptionsFor(h.platform.db, t.organizationId, await catalog(h.platform.db, t.organizationId, { sims: 1 }), 1);
  await authorizeSender(h.platform.db, t.organizationId, line.msisdns[0]);
  return { h, t, sender: line.msisdns[0], close };
}

async function testSmsc(behaviour: Parameters<typeof startTestSmsc>[0]) {
  const smsc = await startTestSmsc(behaviour);
  cleanup.push(() => smsc.close());
  return smsc;
}

const recipients = (n: number, from: number) => Array.from({ length: n }, (_, i) => `4477009${String(from + i).padStart(5, '0')}`);

async function send(h: Harness, t: Tenant, from: string, to: string[]): Promise<string> {
  const res = await h.app.inject({ method: 'POST', url: '/enterprise/sms', payload: { from, to, text: 'Gate code changes at noon.' }, headers: t.auth });
  expect(res.statusCode).toBe(200);
  return res.json().sms_id;
}

function completed(h: Harness, t: Tenant, id: string) {
  return until(`sms ${id} is not completed`, async () => {
    const body = (await h.app.inject({ url: `/enterprise/sms/${id}`, headers: t.auth })).json();
    return body.status === 'completed' && body;
  });
}

async function charged(h: Harness, id: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(h.platform.db, sql`SELECT count(DISTINCT source_record_id)::int AS n FROM usage_items WHERE source_record_id LIKE ${id + ':%'}`);
  return row.n;
}

type Recipient = { to: string; status: string; reason: string | null; done_at: string | null };
const byNumber = (body: { recipients: Recipient[] }) => new Map(body.recipients.map((r) => [r.to.slice(1), r]));

describe('an SMSC that never sends a delivery receipt', () => {
  it('settles each part from its answer to query_sm, and charges each once', async () => {
    const to = recipients(20, 0);
    const smsc = await testSmsc({
      noReceipts: true,
      query: (number) => (number === to[3] ? MESSAGE_STATE.UNDELIVERABLE : number === to[4] ? MESSAGE_STATE.EXPIRED : MESSAGE_STATE.DELIVERED),
    });
    const { h, t, sender } = await world(smsc, { SMS_RECEIPT_CHASE_AFTER: '1', SMS_VALIDITY_PERIOD: '3600' });
    const sentAt = Date.now();
    const id = await send(h, t, sender, to);

    const done = await completed(h, t, id);
    expect(done.counts).toEqual({ queued: 0, sent: 0, delivered: 18, failed: 1, expired: 1 });
    const numbers = byNumber(done);
    expect(numbers.get(to[3])).toMatchObject({ status: 'failed', reason: 'UNDELIVERABLE (query_sm, error_code 0)' });
    expect(numbers.get(to[4])).toMatchObject({ status: 'expired', reason: 'EXPIRED (query_sm, error_code 0)' });
    expect(done.recipients.every((r: Recipient) => r.done_at)).toBe(true);
    expect(smsc.queries.length).toBeGreaterThanOrEqual(20);
    // Each submit_sm said how long the SMSC may try: an hour from when it took it.
    for (const end of smsc.validityPeriods) {
      expect(end).toBeInstanceOf(Date);
      expect((end as Date).getTime() - sentAt).toBeGreaterThan(3590_000);
      expect((end as Date).getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
    }
    expect(await charged(h, id)).toBe(20);
  });
});

describe('an SMSC that answers query_sm with nothing either', () => {
  it('expires each part at the end of its validity period, and charges each once', async () => {
    const to = recipients(6, 100);
    const smsc = await testSmsc({ noReceipts: true, query: (number) => (to.indexOf(number) % 2 === 0 ? 'silent' : 'unknown') });
    const { h, t, sender } = await world(smsc, { SMS_RECEIPT_CHASE_AFTER: '1', SMS_VALIDITY_PERIOD: '3' });
    const binds = smsc.binds;
    const sentAt = Date.now();
    const id = await send(h, t, sender, to);

    const done = await completed(h, t, id);
    expect(Date.now() - sentAt, 'not before the validity period ended').toBeGreaterThanOrEqual(3_000);
    expect(done.counts).toEqual({ queued: 0, sent: 0, delivered: 0, failed: 0, expired: 6 });
    const numbers = byNumber(done);
    expect(numbers.get(to[0])?.reason).toBe('not delivered within its validity period (query_sm unanswered)');
    expect(numbers.get(to[1])?.reason).toBe('not delivered within its validity period (query_sm refused: ESME_RQUERYFAIL)');
    expect(smsc.validityPeriods.every((end) => end instanceof Date && end.getTime() - sentAt >= 2_000 && end.getTime() - Date.now() <= 3_000)).toBe(true);
    expect(smsc.queries.length).toBeGreaterThanOrEqual(6);
    // A query left unanswered is no reason to drop the link.
    expect(smsc.binds).toBe(binds);
    expect(await charged(h, id)).toBe(6);
  });
});

describe('a restart', () => {
  it('asks the SMSC after every part still waiting at once, not when its receipt is next overdue', async () => {
    const target = await externalDatabase();
    cleanup.push(() => target.drop());
    const smsc = await testSmsc({ noReceipts: true });
    const env = { SMS_RECEIPT_CHASE_AFTER: '86400' };
    const before = await world(smsc, env, target.env);
    const to = recipients(10, 200);
    const id = await send(before.h, before.t, before.sender, to);
    await until('the recipients are not all sent', async () => {
      const body = (await before.h.app.inject({ url: `/enterprise/sms/${id}`, headers: before.t.auth })).json();
      return body.counts.sent === to.length;
    });
    expect(smsc.queries).toEqual([]);
    await before.close();

    const { h: after } = await harness(smsc, env, target.env);
    const token = await fetchToken(after.app, 'enterprise-apis', before.t.clientId, before.t.secret);
    const done = await completed(after, { ...before.t, auth: { authorization: `Bearer ${token}` } }, id);
    expect(done.counts).toMatchObject({ delivered: to.length });
    expect(smsc.queries).toHaveLength(to.length);
  });
});
