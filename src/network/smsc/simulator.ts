// The built-in SMSC: an SMPP 3.4 server on loopback, so the SMPP client is exercised
// for real on a laptop. It binds ESMEs with the configured credentials, accepts every
// submit_sm with a fresh message id, and when a receipt was asked for, sends a
// deliver_sm receipt (DELIVRD) after `receiptDelayMs` to a session bound to receive.
// Receipts wait for such a session and are sent again until acknowledged.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import smpp, { type Pdu, type Server, type Session } from 'smpp';
import { batchWrites } from './smpp-client.ts';

export interface SmscSimulatorOptions {
  systemId: string;
  password: string;
  receiptDelayMs: number;
}

interface PendingReceipt {
  messageId: string;
  from: string;
  to: string;
  submittedAt: Date;
}

const RECEIVERS = new Set(['bind_transceiver', 'bind_receiver']);
const RESEND_MS = 1_000;

/** SMPP's receipt date format: YYMMDDhhmm. */
const receiptDate = (d: Date) => d.toISOString().replace(/^\d\d(\d\d)-(\d\d)-(\d\d)T(\d\d):(\d\d).*$/, '$1$2$3$4$5');

export class SmscSimulator {
  private server?: Server;
  /** Sessions bound to receive, with the receipts each has not acknowledged yet. */
  private readonly receivers = new Map<Session, Set<PendingReceipt>>();
  private readonly waiting: PendingReceipt[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Parts accepted since start. */
  submitted = 0;
  /** Message ids: unique to this run (a restarted simulator must not reuse them), then a counter. */
  private readonly idPrefix = randomBytes(5).toString('hex');

  constructor(private readonly options: SmscSimulatorOptions) {}

  /** Listens on a free loopback port; answers the smpp:// URL to bind to. */
  async start(): Promise<string> {
    const server = smpp.createServer({}, (session) => this.serve(session));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const { systemId, password } = this.options;
    return `smpp://${encodeURIComponent(systemId)}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    const server = this.server;
    if (!server) return;
    for (const session of [...server.sessions]) session.destroy();
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
      if (RECEIVERS.has(pdu.command)) {
        this.receivers.set(session, new Set());
        this.flush();
      }
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
      const messageId = `${this.idPrefix}${(++this.submitted).toString(16).padStart(8, '0')}`;
      batchWrites(session);
      session.send(pdu.response({ message_id: messageId }));
      if (pdu.registered_delivery & 1) {
        const receipt = { messageId, from: pdu.source_addr, to: pdu.destination_addr, submittedAt: new Date() };
        this.later(this.options.receiptDelayMs, () => this.deliver(receipt));
      }
    });
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  /** Receipts the session never acknowledged go to the next receiver. */
  private dropReceiver(session: Session): void {
    const unacknowledged = this.receivers.get(session);
    this.receivers.delete(session);
    if (unacknowledged) this.waiting.push(...unacknowledged);
    this.flush();
  }

  private flush(): void {
    if (this.receivers.size === 0) return;
    for (const receipt of this.waiting.splice(0)) this.deliver(receipt);
  }

  private deliver(receipt: PendingReceipt): void {
    const [entry] = this.receivers;
    if (!entry) return void this.waiting.push(receipt);
    const [session, unacknowledged] = entry;
    unacknowledged.add(receipt);
    batchWrites(session);
    const date = receiptDate(receipt.submittedAt);
    const text = `id:${receipt.messageId} sub:001 dlvrd:001 submit date:${date} done date:${receiptDate(new Date())} stat:DELIVRD err:000 text:`;
    session.deliver_sm(
      {
        source_addr: receipt.to,
        destination_addr: receipt.from,
        esm_class: 0x04,
        short_message: text,
        receipted_message_id: receipt.messageId,
        message_state: 2,
      },
      (answer) => {
        unacknowledged.delete(receipt);
        if (answer.command_status !== 0) this.later(RESEND_MS, () => this.deliver(receipt));
      },
    );
  }
}
