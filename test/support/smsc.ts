// An SMSC written for tests, on the `smpp` package's server: it counts what it accepted
// per recipient and part, and can be made difficult: throttle, drop the link mid-batch
// without answering, refuse some recipients, send receipts before its own answer, or
// twice, or never; answer query_sm with any state, not know the message, or stay silent.
import type { AddressInfo } from 'node:net';
import smpp, { type Pdu, type Server, type Session } from 'smpp';

export interface TestSmscBehaviour {
  /** Answer ESME_RTHROTTLED to every n-th submit_sm. */
  throttleEvery?: number;
  /** Drop the connection, unanswered, at these submit_sm counts. */
  dropAt?: number[];
  /** A command status to refuse a recipient with. */
  refuse?: (to: string) => number | undefined;
  /** Send the receipt before the submit_sm_resp (it overtakes the submission's commit). */
  receiptFirst?: boolean;
  /** Send every receipt twice. */
  duplicateReceipts?: boolean;
  /** Bind, then answer nothing more (a link dead above TCP). */
  silent?: boolean;
  /** Receipt state per recipient: delivered unless this says otherwise. */
  undeliverable?: (to: string) => boolean;
  /** Never send a delivery receipt. */
  noReceipts?: boolean;
  /**
   * The answer to query_sm per recipient: a message_state (delivered when not said),
   * 'unknown' (ESME_RQUERYFAIL) or 'silent' (no answer at all).
   */
  query?: (to: string) => number | 'unknown' | 'silent';
}

export interface TestSmsc {
  url: string;
  /** Accepted parts per "to/part" (part 1 for a single-part message). */
  accepted: Map<string, number>;
  /** Texts of accepted parts per recipient, in arrival order. */
  texts: Map<string, { seq: number; total: number; dataCoding: number; body: Buffer }[]>;
  submits: number;
  /** Successful binds (a reconnect binds again). */
  binds: number;
  /** The bind commands received, in order. */
  bindCommands: string[];
  /** registered_delivery of each submit_sm. */
  receiptRequests: number[];
  /** validity_period of each submit_sm, as the time it ends (the `smpp` package decodes it). */
  validityPeriods: (Date | string)[];
  /** message_id of each query_sm. */
  queries: string[];
  behaviour: TestSmscBehaviour;
  close(): Promise<void>;
}

const partOf = (pdu: Pdu): { seq: number; total: number; body: Buffer } => {
  const raw = pdu.short_message as { udh?: Buffer[]; message: string | Buffer } | Buffer;
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.isBuffer(raw.message) ? raw.message : Buffer.from(raw.message);
  const udh = !Buffer.isBuffer(raw) && raw.udh?.[0];
  return udh ? { seq: udh[4], total: udh[3], body: bytes } : { seq: 1, total: 1, body: bytes };
};

export async function startTestSmsc(behaviour: TestSmscBehaviour = {}, port = 0): Promise<TestSmsc> {
  let counter = 0;
  const smsc: Omit<TestSmsc, 'url' | 'close'> = {
    accepted: new Map(),
    texts: new Map(),
    submits: 0,
    binds: 0,
    bindCommands: [],
    receiptRequests: [],
    validityPeriods: [],
    queries: [],
    behaviour,
  };
  /** Each accepted message's recipient and sender, for query_sm. */
  const messages = new Map<string, { to: string; from: string }>();
  const dead = new WeakSet<Session>();
  let live: Session | undefined;
  // Receipts go to the newest live session, and again if it dies before acknowledging them.
  const outbox: Record<string, unknown>[] = [];
  /** Receipts each session has not acknowledged yet. */
  const unacknowledged = new Map<Session, Set<Record<string, unknown>>>();
  const deliver = (receipt: Record<string, unknown>) => {
    const session = live;
    if (!session) return void outbox.push(receipt);
    // Until acknowledged, the receipt is delivered again if the session dies (see the 'close' handler).
    const pending = unacknowledged.get(session)!;
    pending.add(receipt);
    session.deliver_sm(receipt, () => pending.delete(receipt));
  };
  const server: Server = smpp.createServer({}, (session: Session) => {
    session.on('error', () => {});
    unacknowledged.set(session, new Set());
    session.on('close', () => {
      if (live === session) live = undefined;
      const pending = unacknowledged.get(session)!;
      unacknowledged.delete(session);
      pending.forEach(deliver);
    });
    for (const bind of ['bind_transceiver', 'bind_transmitter']) {
      session.on(bind, (pdu: Pdu) => {
        session.send(pdu.response());
        smsc.binds++;
        smsc.bindCommands.push(bind);
        live = session;
        outbox.splice(0).forEach(deliver);
      });
    }
    session.on('enquire_link', (pdu: Pdu) => {
      if (!smsc.behaviour.silent) session.send(pdu.response());
    });
    session.on('unbind', (pdu: Pdu) => session.send(pdu.response()));
    session.on('query_sm', (pdu: Pdu) => {
      smsc.queries.push(String(pdu.message_id));
      const message = messages.get(String(pdu.message_id));
      const answer = message && message.from === String(pdu.source_addr) ? (smsc.behaviour.query?.(message.to) ?? 2) : 'unknown';
      if (answer === 'silent') return;
      if (answer === 'unknown') return void session.send(pdu.response({ command_status: smpp.errors.ESME_RQUERYFAIL }));
      const final = answer !== 1 && answer !== 7;
      session.send(pdu.response({ message_id: pdu.message_id, message_state: answer, final_date: final ? new Date() : '', error_code: 0 }));
    });
    session.on('submit_sm', (pdu: Pdu) => {
      if (dead.has(session) || smsc.behaviour.silent) return;
      smsc.receiptRequests.push(pdu.registered_delivery);
      smsc.validityPeriods.push(pdu.validity_period);
      const n = ++smsc.submits;
      const b = smsc.behaviour;
      if (b.dropAt?.includes(n)) {
        // Answers already written still reach the client; this one and any later are never taken.
        dead.add(session);
        if (live === session) live = undefined;
        return void session.close();
      }
      if (b.throttleEvery && n % b.throttleEvery === 0) return void session.send(pdu.response({ command_status: smpp.errors.ESME_RTHROTTLED }));
      const to = String(pdu.destination_addr);
      const refusal = b.refuse?.(to);
      if (refusal) return void session.send(pdu.response({ command_status: refusal }));
      const part = partOf(pdu);
      const key = `${to}/${part.seq}`;
      smsc.accepted.set(key, (smsc.accepted.get(key) ?? 0) + 1);
      smsc.texts.set(to, [...(smsc.texts.get(to) ?? []), { ...part, dataCoding: pdu.data_coding }]);
      const messageId = `t${process.pid}x${++counter}`;
      messages.set(messageId, { to, from: String(pdu.source_addr) });
      const delivered = !b.undeliverable?.(to);
      const receipt = {
        source_addr: to,
        destination_addr: pdu.source_addr,
        esm_class: 0x04,
        short_message: `id:${messageId} sub:001 dlvrd:00${delivered ? 1 : 0} submit date:2611231200 done date:2611231200 stat:${delivered ? 'DELIVRD' : 'UNDELIV'} err:${delivered ? '000' : '001'} text:`,
      };
      const receipts = () => {
        if (b.noReceipts) return;
        deliver({ ...receipt });
        if (b.duplicateReceipts) deliver({ ...receipt });
      };
      if (b.receiptFirst) receipts();
      session.send(pdu.response({ message_id: messageId }));
      if (!b.receiptFirst) setTimeout(receipts, 5);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return Object.assign(smsc, {
    url: `smpp://test:secret@127.0.0.1:${address.port}`,
    close: async () => {
      for (const s of [...server.sessions]) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
