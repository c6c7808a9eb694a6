// The built-in simulators behave like the network they stand for: what they accepted,
// and what they owe, outlives a restart. The SMSC simulator keeps the parts it took and
// the receipts it owes, delivers those when a link binds again, expires what its
// validity period does not cover, and answers query_sm. The SM-DP+ simulator keeps the
// profiles it prepared and reports the device events it owes after a restart.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import smpp, { type Pdu } from 'smpp';
import { externalDatabase } from '../support/harness.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { SmscSimulator } from '../../src/network/smsc/simulator.ts';
import { SmppClient } from '../../src/network/smsc/smpp-client.ts';
import { segment } from '../../src/network/smsc/segments.ts';
import { MESSAGE_STATE, type Receipt } from '../../src/network/smsc/smsc.ts';
import { SmdpSimulator } from '../../src/network/smdp/simulator.ts';
import { Es2PlusClient } from '../../src/network/smdp/es2plus-client.ts';
import { until } from '../support/wait.ts';

// A database of the simulators' own: no platform runs simulators of its own on it.
let target: Awaited<ReturnType<typeof externalDatabase>>;
let database: Database;
beforeAll(async () => {
  target = await externalDatabase();
  database = await openDatabase(target.env.DATABASE_URL ? { databaseUrl: target.env.DATABASE_URL } : { dataDir: `${target.env.DATA_DIR}/db` });
});
afterAll(async () => {
  await database?.close();
  await target?.drop();
});

const FROM = '447700900001';
const [PART] = segment('Meet at the gate.', 0);

/** A simulator on the test's database, and a client bound to it collecting receipts. */
async function smsc(receiptDelayMs: number) {
  const simulator = new SmscSimulator({ db: database.db, systemId: 'sim', password: 'secret', receiptDelayMs });
  const url = await simulator.start();
  const client = new SmppClient({ url });
  const receipts: Receipt[] = [];
  client.onReceipt(async (receipt) => void receipts.push(receipt));
  const stop = async () => {
    await client.close();
    await simulator.stop();
  };
  return { url, client, receipts, stop };
}

/** Submits a part asking for a receipt over a link bound to transmit only, where no receipt can come. */
async function submittedWithNoReceiver(url: string, to: string): Promise<string> {
  const { hostname, port, username, password } = new URL(url);
  const session = smpp.connect({ host: hostname, port: Number(port) });
  const call = (command: 'bind_transmitter' | 'submit_sm', params: Record<string, unknown>) => new Promise<Pdu>((resolve) => session[command](params, resolve));
  await new Promise((resolve) => session.once('connect', resolve));
  try {
    expect((await call('bind_transmitter', { system_id: username, password })).command_status).toBe(0);
    const answer = await call('submit_sm', { source_addr: FROM, destination_addr: to, registered_delivery: 1, short_message: 'Meet at the gate.' });
    expect(answer.command_status).toBe(0);
    return String(answer.message_id);
  } finally {
    session.destroy();
  }
}

async function submitted(client: SmppClient, to: string, validitySeconds: number): Promise<string> {
  const outcome = await client.submit({ from: FROM, to, part: PART, validitySeconds });
  if (!outcome.accepted) throw new Error(outcome.reason);
  return outcome.smscMessageId;
}

describe('the SMSC simulator', () => {
  it('keeps what it accepted and the receipts it owes across a restart, and delivers them when a link binds', async () => {
    const first = new SmscSimulator({ db: database.db, systemId: 'sim', password: 'secret', receiptDelayMs: 0 });
    const kept = await submittedWithNoReceiver(await first.start(), '447700900002');
    await first.stop();

    const second = await smsc(60_000);
    try {
      const receipt = await until('the owed receipt was not delivered', () => second.receipts.find((r) => r.smscMessageId === kept));
      expect(receipt).toEqual({ smscMessageId: kept, outcome: 'delivered', error: null });
      await expect(second.client.query(kept, FROM)).resolves.toMatchObject({ known: true, state: MESSAGE_STATE.DELIVERED, finalDate: expect.any(Date) });
    } finally {
      await second.stop();
    }
  });

  it('answers query_sm as an SMSC does, and expires what its validity period does not cover', async () => {
    const sim = await smsc(60_000);
    try {
      const enroute = await submitted(sim.client, '447700900003', 3600);
      await expect(sim.client.query(enroute, FROM)).resolves.toEqual({ known: true, state: MESSAGE_STATE.ENROUTE, errorCode: 0, finalDate: null });
      // Only the sender may ask, by the id it was given.
      await expect(sim.client.query(enroute, '447700900999')).resolves.toEqual({ known: false, reason: 'ESME_RQUERYFAIL' });
      await expect(sim.client.query('no-such-id', FROM)).resolves.toEqual({ known: false, reason: 'ESME_RQUERYFAIL' });

      const shortLived = await submitted(sim.client, '447700900004', 1);
      const receipt = await until('the expiry was not reported', () => sim.receipts.find((r) => r.smscMessageId === shortLived));
      expect(receipt).toEqual({ smscMessageId: shortLived, outcome: 'expired', error: 'EXPIRED (err 000)' });
      await expect(sim.client.query(shortLived, FROM)).resolves.toMatchObject({ known: true, state: MESSAGE_STATE.EXPIRED });
    } finally {
      await sim.stop();
    }
  });
});

describe('the SM-DP+ simulator', () => {
  it('lets calls on one ICCID at once take turns: one download order wins, and every confirmation answers the same matching id', async () => {
    const simulator = new SmdpSimulator({ db: database.db, smdpAddress: 'rsp.sim.test' });
    const url = await simulator.start();
    const call = async (fn: string, body: Record<string, unknown>) => {
      const res = await fetch(`${url}/gsma/rsp2/es2plus/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      return (await res.json()) as { header: { functionExecutionStatus: { status: string } }; matchingId?: string };
    };
    const iccid = '8944000000000007772';
    try {
      const downloads = await Promise.all(Array.from({ length: 8 }, () => call('downloadOrder', { iccid })));
      expect(downloads.filter((d) => d.header.functionExecutionStatus.status === 'Executed-Success')).toHaveLength(1);

      const confirmations = await Promise.all(Array.from({ length: 8 }, () => call('confirmOrder', { iccid, releaseFlag: true })));
      expect(confirmations.every((c) => c.header.functionExecutionStatus.status === 'Executed-Success')).toBe(true);
      expect(new Set(confirmations.map((c) => c.matchingId)).size).toBe(1);
      await expect(simulator.profile(iccid)).resolves.toMatchObject({ state: 'Released', matchingId: confirmations[0].matchingId });
    } finally {
      await simulator.stop();
    }
  });

  it('keeps the profiles it prepared and reports the device events it owes after a restart', async () => {
    const reports: { iccid: string; point: number }[] = [];
    let answering = false;
    const receiver = createServer(async (req: IncomingMessage, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      if (!answering) return void res.writeHead(503).end();
      const { iccid, notificationPointId } = JSON.parse(body);
      reports.push({ iccid, point: notificationPointId });
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const callback = { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/es2plus`, token: 'callback-token' };
    const options = { db: database.db, smdpAddress: 'rsp.sim.test', callback, autoAdvanceMs: 100 };
    const iccid = '8944000000000007771';
    try {
      const first = new SmdpSimulator(options);
      const firstClient = new Es2PlusClient(await first.start(), 'cellhub');
      const prepared = await firstClient.prepareProfile(iccid);
      await firstClient.close();
      await first.stop();

      const second = new SmdpSimulator(options);
      const secondClient = new Es2PlusClient(await second.start(), 'cellhub');
      try {
        // The same order again finds the profile it made, with its matching id.
        await expect(secondClient.prepareProfile(iccid)).resolves.toEqual(prepared);
        answering = true;
        await until('the owed events were not reported', () => reports.length >= 2);
        expect(reports).toEqual([
          { iccid, point: 3 },
          { iccid, point: 4 },
        ]);
        // The SM-DP+ records each report once the operator took it.
        await until('the profile is not installed', async () => (await second.profile(iccid))?.state === 'Installed');
      } finally {
        await secondClient.close();
        await second.stop();
      }
    } finally {
      receiver.closeAllConnections();
      receiver.close();
    }
  });
});
