// The built-in SMSC: an SMPP 3.4 server on loopback, so the SMPP client is exercised
// for real on a laptop. Like a real SMSC it keeps what it accepted: each submit_sm is
// stored (simulator.store.ts) before it is answered, so a restart of cellhub, which runs
// it, loses nothing it took. The message reaches the handset `receiptDelayMs` later,
// unless its validity period ends first, when it expires. A receipt asked for is sent
// (deliver_sm) to a session bound to receive, once the message is final, and again until
// acknowledged, by whichever simulator sharing the store has such a session: receipts
// owed while no link was bound go out when one binds. query_sm answers the message's
// state from the store.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import smpp, { type Pdu, type Server, type Session } from 'smpp';
import type { Executor } from '../../db/database.ts';
import { BatchWriter } from '../../db/batch-writer.ts';
import { WorkLoop } from '../../jobs/work-loop.ts';
import { batchWrites } from './smpp-client.ts';
import { MESSAGE_STATE } from './smsc.ts';
import * as store from './simulator.store.ts';
import { Timers } from '../timers.ts';

export interface SmscSimulatorOptions {
  /** Where the simulator keeps its messages (its own table in cellhub's database). */
  db: Executor;
  systemId: string;
  password: string;
  receiptDelayMs: number;
}

interface Submitted {
  session: Session;
  pdu: Pdu;
  row: store.Accepted;
}

interface Query {
  session: Session;
  pdu: Pdu;
}

const RECEIVERS = new Set(['bind_transceiver', 'bind_receiver']);
/** A receipt not acknowledged within this is sent again (by any simulator sharing the store). */
const RECEIPT_LEASE_MS = 10_000;
const RECEIPTS_IN_FLIGHT = 1_000;
const IDLE_POLL_MS = 250;
const HOUSEKEEPING_EVERY_MS = 3_600_000;
const STAT: Record<number, string> = { [MESSAGE_STATE.DELIVERED]: 'DELIVRD', [MESSAGE_STATE.EXPIRED]: 'EXPIRED' };

/** SMPP's receipt date format: YYMMDDhhmm. */
const receiptDate = (d: Date) => d.toISOString().replace(/^\d\d(\d\d)-(\d\d)-(\d\d)T(\d\d):(\d\d).*$/, '$1$2$3$4$5');

export class SmscSimulator {
  private server?: Server;
  /** Sessions bound to receive (receipts go to them in turn), each with its receipts awaiting an answer. */
  private readonly receivers = new Map<Session, Set<() => void>>();
  private next = 0;
  private readonly accepting: BatchWriter<Submitted>;
  private readonly questions: BatchWriter<Query>;
  private readonly acknowledged: BatchWriter<string>;
  private readonly receipts: WorkLoop<store.OwedReceipt>;
  private readonly timers = new Timers();
  /** Parts accepted since start. */
  submitted = 0;
  /** Message ids: unique to this run (a restarted simulator must not reuse them), then a counter. */
  private readonly idPrefix = randomBytes(5).toString('hex');

  constructor(private readonly options: SmscSimulatorOptions) {
    const db = options.db;
    this.accepting = new BatchWriter((batch) => this.accept(batch), { size: 500, waitMs: 1 });
    this.questions = new BatchWriter((batch) => this.answer(batch), { size: 500, waitMs: 1 });
    // An acknowledgement lost to a failed write only means the receipt is sent again.
    this.acknowledged = new BatchWriter((ids) => store.receiptsAcknowledged(db, ids).catch(() => {}), { size: 500, waitMs: 20 });
    this.receipts = new WorkLoop({
      concurrency: RECEIPTS_IN_FLIGHT,
      idleMs: IDLE_POLL_MS,
      fetch: (free) => (this.receivers.size === 0 ? Promise.resolve([]) : store.claimDueReceipts(db, Math.min(free, 500), RECEIPT_LEASE_MS)),
      run: (receipt) => this.deliver(receipt),
    });
  }

  /** Listens on a free loopback port; answers the smpp:// URL to bind to. */
  async start(): Promise<string> {
    await store.forgetOld(this.options.db).catch(() => {});
    const server = smpp.createServer({}, (session) => this.serve(session));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.receipts.start();
    this.timers.every(HOUSEKEEPING_EVERY_MS, () => void store.forgetOld(this.options.db).catch(() => {}));
    const { port } = server.address() as AddressInfo;
    const { systemId, password } = this.options;
    return `smpp://${encodeURIComponent(systemId)}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  }

  /** Stores what it was given, then drops every link (receipts in flight come due again). */
  async stop(): Promise<void> {
    this.timers.clear();
    const server = this.server;
    if (!server) return;
    await this.accepting.drain().catch(() => {});
    await this.questions.drain().catch(() => {});
    for (const session of [...server.sessions]) session.destroy();
    await this.receipts.stop();
    await this.acknowledged.drain().catch(() => {});
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private serve(session: Session): void {
    let bound = false;
    session.on('error', () => {}); // a client that goes away is the client's business
    session.on('close', () => this.dropReceiver(session));
    const bind = (pdu: Pdu) => {
      if (pdu.system_id !== this.options.systemId || pdu.password !== this.options.password) {
        session.send(pdu.response({ command_status: smpp.errors.ESME_RBINDFAIL }));
        return;
      }
      bound = true;
      session.send(pdu.response({ system_id: 'cellhub-smsc' }));
      if (!RECEIVERS.has(pdu.command)) return;
      this.receivers.set(session, new Set());
      this.receipts.wake();
    };
    for (const command of ['bind_transceiver', 'bind_transmitter', 'bind_receiver']) session.on(command, bind);
    session.on('enquire_link', (pdu: Pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu: Pdu) => {
      this.dropReceiver(session);
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: Pdu) => {
      if (!bound) return void session.send(pdu.response({ command_status: smpp.errors.ESME_RINVBNDSTS }));
      this.accepting.add({ session, pdu, row: this.acceptance(pdu) });
    });
    session.on('query_sm', (pdu: Pdu) => {
      if (!bound) return void session.send(pdu.response({ command_status: smpp.errors.ESME_RINVBNDSTS }));
      this.questions.add({ session, pdu });
    });
  }

  private acceptance(pdu: Pdu): store.Accepted {
    const validity = pdu.validity_period instanceof Date ? pdu.validity_period.getTime() - Date.now() : null;
    return {
      messageId: `${this.idPrefix}${(++this.submitted).toString(16).padStart(8, '0')}`,
      sourceAddr: String(pdu.source_addr),
      destinationAddr: String(pdu.destination_addr),
      deliverInMs: this.options.receiptDelayMs,
      validForMs: validity,
      receiptOwed: (pdu.registered_delivery & 1) === 1,
    };
  }

  /** Answers submissions only once stored: a part answered is a part kept. */
  private async accept(batch: Submitted[]): Promise<void> {
    let stored = true;
    try {
      await store.insertAccepted(
        this.options.db,
        batch.map((s) => s.row),
      );
    } catch {
      stored = false;
    }
    for (const { session, pdu, row } of batch) {
      batchWrites(session);
      // Not stored: the client is told to try again shortly, as an SMSC short of room does.
      session.send(pdu.response(stored ? { message_id: row.messageId } : { command_status: smpp.errors.ESME_RMSGQFUL }));
    }
    if (stored) this.timers.later(this.options.receiptDelayMs, () => this.receipts.wake());
  }

  /** query_sm: ENROUTE until the message is final, then its final state and date. Unknown: ESME_RQUERYFAIL. */
  private async answer(batch: Query[]): Promise<void> {
    let known: Map<string, store.StoredMessage> | undefined;
    try {
      const found = await store.findMessages(
        this.options.db,
        batch.map((q) => String(q.pdu.message_id)),
      );
      known = new Map(found.map((m) => [m.messageId, m]));
    } catch {
      known = undefined;
    }
    for (const { session, pdu } of batch) {
      batchWrites(session);
      const message = known?.get(String(pdu.message_id));
      if (!known) {
        session.send(pdu.response({ command_status: smpp.errors.ESME_RSYSERR }));
        continue;
      }
      if (!message || message.sourceAddr !== String(pdu.source_addr)) {
        session.send(pdu.response({ command_status: smpp.errors.ESME_RQUERYFAIL }));
        continue;
      }
      session.send(
        pdu.response({
          message_id: message.messageId,
          final_date: message.final ? message.finalAt : '',
          message_state: message.final ? message.finalState : MESSAGE_STATE.ENROUTE,
          error_code: 0,
        }),
      );
    }
  }

  /** A receiver gone: its receipts awaiting an answer come due again when their lease ends. */
  private dropReceiver(session: Session): void {
    const awaiting = this.receivers.get(session);
    this.receivers.delete(session);
    for (const done of awaiting ?? []) done();
  }

  /** Sends one receipt; resolves when it is answered, its session is gone, or its lease runs out. */
  private deliver(receipt: store.OwedReceipt): Promise<void> {
    const session = this.receiver();
    if (!session) return Promise.resolve();
    const awaiting = this.receivers.get(session)!;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        awaiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, RECEIPT_LEASE_MS);
      awaiting.add(done);
      batchWrites(session);
      session.deliver_sm(this.receiptPdu(receipt), (answer) => {
        if (answer.command_status === 0) this.acknowledged.add(receipt.messageId);
        done();
      });
    });
  }

  private receiptPdu(receipt: store.OwedReceipt): Record<string, unknown> {
    const delivered = receipt.finalState === MESSAGE_STATE.DELIVERED;
    const stat = STAT[receipt.finalState] ?? 'UNDELIV';
    return {
      source_addr: receipt.destinationAddr,
      destination_addr: receipt.sourceAddr,
      esm_class: 0x04,
      short_message: `id:${receipt.messageId} sub:001 dlvrd:${delivered ? '001' : '000'} submit date:${receiptDate(receipt.submittedAt)} done date:${receiptDate(receipt.finalAt)} stat:${stat} err:000 text:`,
      receipted_message_id: receipt.messageId,
      message_state: receipt.finalState,
    };
  }

  /** The receiving sessions in turn. */
  private receiver(): Session | undefined {
    const sessions = [...this.receivers.keys()];
    if (sessions.length === 0) return undefined;
    return sessions[this.next++ % sessions.length];
  }
}
