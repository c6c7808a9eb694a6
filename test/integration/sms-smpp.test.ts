// SMS over a difficult SMSC: a real SMPP exchange with a server written here that
// throttles, drops the link mid-batch without answering, refuses recipients, and sends
// receipts before its own answer and twice. Every recipient must end delivered or
// failed, and no part may be accepted twice. Plus the encoding of texts into parts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import smpp from 'smpp';
import { startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';
import { startTestSmsc, type TestSmsc } from '../support/smsc.ts';
import { authorizeSender } from '../../src/domain/sms/senders.service.ts';
import { countParts, DATA_CODING, reassemble, segment } from '../../src/network/smsc/segments.ts';
import { parseReceipt, SmppClient } from '../../src/network/smsc/smpp-client.ts';
import { relativeValidity } from '../../src/network/smsc/validity.ts';
import { deliverSms } from '../../src/domain/sms/sms-delivery.ts';
import { freePort } from '../support/processes.ts';
import { detachedAttempt } from '../support/jobs.ts';
import { until } from '../support/wait.ts';

describe('segments', () => {
  it('sends up to 160 GSM characters as one part, and 153 per part beyond', () => {
    expect(countParts('a'.repeat(160))).toEqual({ encoding: 'gsm7', parts: 1 });
    expect(countParts('a'.repeat(161))).toEqual({ encoding: 'gsm7', parts: 2 });
    expect(countParts('a'.repeat(306))).toEqual({ encoding: 'gsm7', parts: 2 });
    expect(countParts('a'.repeat(307))).toEqual({ encoding: 'gsm7', parts: 3 });
  });

  it('counts characters of the extension table twice and never splits their escape', () => {
    expect(countParts('€'.repeat(80))).toEqual({ encoding: 'gsm7', parts: 1 });
    expect(countParts('€'.repeat(81))).toEqual({ encoding: 'gsm7', parts: 2 });
    const text = 'a' + '€'.repeat(100);
    const parts = segment(text, 9);
    for (const part of parts) expect(part.payload.at(-1)).not.toBe(0x1b);
    expect(reassemble(parts)).toBe(text);
  });

  it('falls back to UCS-2 (70 characters, 67 per part) and never splits a surrogate pair', () => {
    expect(countParts('ж'.repeat(70))).toEqual({ encoding: 'ucs2', parts: 1 });
    expect(countParts('ж'.repeat(71))).toEqual({ encoding: 'ucs2', parts: 2 });
    const text = 'x' + '😀'.repeat(60);
    const parts = segment(text, 200);
    expect(parts.every((p) => p.dataCoding === DATA_CODING.ucs2)).toBe(true);
    expect(reassemble(parts)).toBe(text);
  });

  it('heads concatenated parts with a UDH naming the reference, the count and the number', () => {
    const parts = segment('b'.repeat(400), 77);
    expect(parts).toHaveLength(3);
    parts.forEach((p, i) => {
      expect([...p.payload.subarray(0, 6)]).toEqual([0x05, 0x00, 0x03, 77, 3, i + 1]);
      expect(p.esmClass & 0x40).toBe(0x40);
    });
    expect(segment('short', 1)[0]).toMatchObject({ esmClass: 0, dataCoding: DATA_CODING.gsm7 });
  });

  it('reads receipts, final ones only, from the TLV or from the receipt text', () => {
    expect(parseReceipt({ esm_class: 4, receipted_message_id: 'abc', message_state: 2, short_message: { message: '' } } as never)).toEqual({
      smscMessageId: 'abc',
      outcome: 'delivered',
      error: null,
    });
    expect(parseReceipt({ esm_class: 4, short_message: { message: 'id:X9 sub:001 dlvrd:000 stat:UNDELIV err:034 text:' } } as never)).toEqual({
      smscMessageId: 'X9',
      outcome: 'failed',
      error: 'UNDELIV (err 034)',
    });
    expect(parseReceipt({ esm_class: 4, short_message: { message: 'id:X10 sub:001 dlvrd:000 stat:EXPIRED err:000 text:' } } as never)).toEqual({
      smscMessageId: 'X10',
      outcome: 'expired',
      error: 'EXPIRED (err 000)',
    });
    // An intermediate notification is no final word: the part waits on.
    expect(parseReceipt({ esm_class: 4, receipted_message_id: 'abc', message_state: 1, short_message: { message: '' } } as never)).toBeNull();
  });
});

describe('validity period', () => {
  it("is written in SMPP's relative time format", () => {
    expect(relativeValidity(48 * 3600)).toBe('000002000000000R');
    expect(relativeValidity(3)).toBe('000000000003000R');
    expect(relativeValidity(86_400 + 3600 + 60 + 1)).toBe('000001010101000R');
    expect(relativeValidity(30 * 86_400)).toBe('000030000000000R');
    expect(() => relativeValidity(0)).toThrow(RangeError);
    expect(() => relativeValidity(30 * 86_400 + 1)).toThrow(RangeError);
  });
});

let smsc: TestSmsc;
let h: Harness;
let t: Tenant;
let sender: string;

beforeAll(async () => {
  smsc = await startTestSmsc();
  h = await startHarness({ SMSC_URL: smsc.url, SMSC_WINDOW: '8' });
  t = await h.tenant();
  const [line] = await subscriptionsFor(h.platform.db, t.organizationId, await catalog(h.platform.db, t.organizationId, { sims: 1 }), 1);
  sender = line.msisdns[0];
  await authorizeSender(h.platform.db, t.organizationId, sender);
});
afterAll(async () => {
  await h?.close();
  await smsc?.close();
});

const recipients = (n: number, from: number) => Array.from({ length: n }, (_, i) => `4477009${String(from + i).padStart(5, '0')}`);

async function sendAndSettle(to: string[], text: string) {
  const res = await h.app.inject({ method: 'POST', url: '/enterprise/sms', payload: { from: sender, to, text }, headers: t.auth });
  expect(res.statusCode).toBe(200);
  const id = res.json().sms_id;
  return until('the message is not completed', async () => {
    const body = (await h.app.inject({ url: `/enterprise/sms/${id}`, headers: t.auth })).json();
    return body.status === 'completed' && body;
  });
}

describe('a difficult SMSC', () => {
  it('ends every recipient delivered or failed, none twice, through throttling, dropped links and refusals', async () => {
    const base = smsc.submits;
    const binds = smsc.binds;
    const to = recipients(200, 0);
    const refused = new Set([to[7], to[99]]);
    smsc.behaviour = {
      throttleEvery: 9,
      dropAt: [base + 40, base + 170, base + 300],
      refuse: (number) => (refused.has(number) ? smpp.errors.ESME_RINVDSTADR : undefined),
      undeliverable: (number) => number === to[150],
      duplicateReceipts: true,
    };
    const text = 'Site closed tomorrow due to the storm. Work from home; check the intranet for updates. '.repeat(2);
    const done = await sendAndSettle(to, text);
    expect(done.parts).toBe(2);
    expect(smsc.binds - binds, 'one reconnect per dropped link').toBe(3);
    expect(done.counts).toEqual({ queued: 0, sent: 0, delivered: 197, failed: 3, expired: 0 });
    const byNumber = new Map(done.recipients.map((r: { to: string }) => [r.to.slice(1), r]));
    expect(byNumber.get(to[7])).toMatchObject({ status: 'failed', reason: 'SMSC refused the message: ESME_RINVDSTADR' });
    expect(byNumber.get(to[150])).toMatchObject({ status: 'failed', reason: 'UNDELIV (err 001)' });
    // Each part of each recipient the SMSC took, it took once.
    for (const number of to.filter((n) => !refused.has(n))) {
      expect(smsc.accepted.get(`${number}/1`), number).toBe(1);
      expect(smsc.accepted.get(`${number}/2`), number).toBe(1);
    }
    // And the handset joins the parts back into the text.
    const parts = smsc.texts.get(to[0])!.sort((a, b) => a.seq - b.seq);
    expect(reassemble(parts.map((p) => ({ payload: Buffer.concat([Buffer.from([5, 0, 3, 0, p.total, p.seq]), p.body]), dataCoding: p.dataCoding, esmClass: 0x40 })))).toBe(text);
  });

  it("matches receipts that arrive before the SMSC's own answer", async () => {
    smsc.behaviour = { receiptFirst: true };
    const done = await sendAndSettle(recipients(50, 1000), 'receipt first');
    expect(done.counts).toMatchObject({ delivered: 50, failed: 0 });
  });
});

describe('an SMSC that stays unreachable', () => {
  it('keeps recipients queued for the next attempt, and fails them with the reason after the last', async () => {
    const port = await freePort(); // nothing listens there
    const quiet = await startHarness({ WORKERS: 'off' });
    try {
      const tenant = await quiet.tenant();
      const [line] = await subscriptionsFor(quiet.platform.db, tenant.organizationId, await catalog(quiet.platform.db, tenant.organizationId, { sims: 1 }), 1);
      await authorizeSender(quiet.platform.db, tenant.organizationId, line.msisdns[0]);
      const res = await quiet.app.inject({ method: 'POST', url: '/enterprise/sms', payload: { from: line.msisdns[0], to: recipients(3, 5000), text: 'x' }, headers: tenant.auth });
      const messageId = res.json().sms_id;
      const unreachable = new SmppClient({ url: `smpp://a:b@127.0.0.1:${port}`, submitTimeoutMs: 300 });
      const deps = { db: quiet.platform.db, smsc: unreachable, timing: { validitySeconds: 3600, chaseAfterSeconds: 600 } };
      try {
        await expect(deliverSms(deps, { messageId }, detachedAttempt(false))).rejects.toThrow(/^SMSC unreachable: .*ECONNREFUSED/);
        const read = async () => (await quiet.app.inject({ url: `/enterprise/sms/${messageId}`, headers: tenant.auth })).json();
        expect((await read()).counts.queued).toBe(3);
        await deliverSms(deps, { messageId }, detachedAttempt(true, 11));
        const failed = await read();
        expect(failed.counts).toMatchObject({ queued: 0, failed: 3 });
        expect(failed.recipients[0].reason).toMatch(/^SMSC unreachable: /);
      } finally {
        await unreachable.close();
      }
    } finally {
      await quiet.close();
    }
  });
});

describe('the SMPP link', () => {
  it('notices a link that stopped answering (enquire_link) and binds again', async () => {
    const silent = await startTestSmsc({ silent: true });
    const client = new SmppClient({ url: silent.url, enquireLinkMs: 100, responseTimeoutMs: 150 });
    try {
      await until('the client did not bind again', () => silent.binds >= 2);
      silent.behaviour.silent = false;
      const [part] = segment('back again', 0);
      await expect(client.submit({ from: '447700900001', to: '447700900002', part, validitySeconds: 3600 })).resolves.toMatchObject({ accepted: true });
    } finally {
      await client.close();
      await silent.close();
    }
  });

  it('binds as a transmitter when told, asking for no receipts', async () => {
    const server = await startTestSmsc();
    const client = new SmppClient({ url: server.url, bind: 'transmitter' });
    try {
      const [part] = segment('one way', 0);
      await expect(client.submit({ from: '447700900001', to: '447700900002', part, validitySeconds: 3600 })).resolves.toMatchObject({ accepted: true });
      expect(server.bindCommands).toEqual(['bind_transmitter']);
      expect(server.receiptRequests).toEqual([0]);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
