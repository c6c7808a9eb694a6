// An SMPP 3.4 client (ESME) on the `smpp` package. It keeps one bound session to the
// SMSC and makes it dependable for callers:
// - at most `window` requests (submit_sm, query_sm) await their answer at once;
// - ESME_RTHROTTLED and ESME_RMSGQFUL pause sending and resubmit, backing off;
// - a lost connection (or a submit_sm answer that never comes) reconnects with backoff
//   and resubmits what was in flight: an SMSC that dropped the link without answering
//   did not accept those parts;
// - enquire_link every `enquireLinkMs` notices a dead link that TCP has not yet;
// - delivery receipts (deliver_sm) are answered only once the handler stored them;
// - query_sm asks after a part; one left unanswered fails alone, since an SMSC that does
//   not support it may just stay silent, and enquire_link judges the link.
import smpp, { type Pdu, type Session } from 'smpp';
import { outcomeOf, SmscUnavailable, stateName, type QueryAnswer, type Receipt, type ReceiptHandler, type SmscAdapter, type Submission, type SubmitOutcome } from './smsc.ts';
import { relativeValidity } from './validity.ts';
import { recordSmppSubmission, recordSmppThrottled, watchSmppWindow } from '../../observability/metrics.ts';

export interface SmppClientOptions {
  /** smpp://system_id:password@host:port (ssmpp:// for TLS). */
  url: string;
  bind?: 'transceiver' | 'transmitter';
  window?: number;
  /** How long a submission may wait for a usable link before it fails as unavailable. */
  submitTimeoutMs?: number;
  /** An unanswered request after this long means the link is dead. */
  responseTimeoutMs?: number;
  enquireLinkMs?: number;
}

type Command = 'submit_sm' | 'query_sm';

interface Pending {
  command: Command;
  params: Record<string, unknown>;
  /** The SMSC's answer: any command_status but one that asks us to retry later. */
  resolve(answer: Pdu): void;
  reject(error: Error): void;
  /** Past its deadline: fail it instead of requeueing it. */
  overdue: boolean;
  deadline: NodeJS.Timeout;
  answerTimer?: NodeJS.Timeout;
}

const RECEIPT = 0x04; // esm_class: SMSC delivery receipt
/** Receipt texts' `stat:` values (SMPP 3.4 Appendix B) as message_state. */
const STAT_STATES: Record<string, number> = { ENROUTE: 1, DELIVRD: 2, EXPIRED: 3, DELETED: 4, UNDELIV: 5, ACCEPTD: 6, UNKNOWN: 7, REJECTD: 8 };
const RETRY_LATER = new Set([smpp.errors.ESME_RTHROTTLED, smpp.errors.ESME_RMSGQFUL]);
const ERROR_NAMES = new Map(Object.entries(smpp.errors).map(([name, code]) => [code, name]));
const MIN_THROTTLE_MS = 50;
const MAX_THROTTLE_MS = 2_000;
const MIN_RECONNECT_MS = 250;
const MAX_RECONNECT_MS = 30_000;

const corked = new WeakSet<Session>();

/**
 * Holds the session's writes until this tick ends, so the PDUs sent in one go leave in
 * one write (the `smpp` package writes each PDU on its own, a syscall each).
 */
export function batchWrites(session: Session): void {
  if (corked.has(session)) return;
  corked.add(session);
  session.socket.cork();
  process.nextTick(() => {
    corked.delete(session);
    session.socket.uncork();
  });
}

export const statusName = (status: number) => ERROR_NAMES.get(status) ?? `0x${status.toString(16).padStart(8, '0')}`;

/**
 * The receipt a deliver_sm carries: ids from the TLV or the text, state from the TLV or
 * `stat:` (a vendor's own stat is a failure). Null when it names no part or no final
 * state (an intermediate notification): the part's final word is still to come.
 */
export function parseReceipt(pdu: Pdu): Receipt | null {
  const text = typeof pdu.short_message?.message === 'string' ? (pdu.short_message.message as string) : '';
  const smscMessageId = (pdu.receipted_message_id as string | undefined) || /id:(\S+)/.exec(text)?.[1];
  if (!smscMessageId) return null;
  const stat = /stat:(\w+)/.exec(text)?.[1];
  const state: number | undefined = pdu.message_state ?? (stat ? STAT_STATES[stat] : undefined);
  const outcome = state !== undefined ? outcomeOf(state) : stat ? 'failed' : null;
  if (!outcome) return null;
  const err = /err:(\w+)/.exec(text)?.[1];
  return { smscMessageId, outcome, error: outcome === 'delivered' ? null : `${stat ?? stateName(state!)}${err ? ` (err ${err})` : ''}` };
}

/** query_sm_resp as the part's state, or the SMSC's refusal (ESME_RQUERYFAIL: it does not know the part). */
function queryAnswer(answer: Pdu): QueryAnswer {
  if (answer.command_status !== 0) return { known: false, reason: statusName(answer.command_status) };
  const finalDate = answer.final_date instanceof Date ? answer.final_date : null;
  return { known: true, state: Number(answer.message_state), errorCode: Number(answer.error_code ?? 0), finalDate };
}

export class SmppClient implements SmscAdapter {
  private readonly target: { host: string; port: number; tls: boolean; systemId: string; password: string };
  private readonly bind: 'transceiver' | 'transmitter';
  private readonly window: number;
  private readonly submitTimeoutMs: number;
  private readonly responseTimeoutMs: number;
  private readonly enquireLinkMs: number;

  private session?: Session;
  private bound = false;
  private closed = false;
  private readonly queue: Pending[] = [];
  private readonly inFlight = new Set<Pending>();
  private throttleMs = MIN_THROTTLE_MS;
  private throttledUntil = 0;
  private pumpTimer?: NodeJS.Timeout;
  private reconnectMs = MIN_RECONNECT_MS;
  private reconnectTimer?: NodeJS.Timeout;
  private enquireTimer?: NodeJS.Timeout;
  private lastProblem = 'not connected yet';
  private receiptHandler?: ReceiptHandler;
  private readonly unwatch: () => void;

  constructor(options: SmppClientOptions) {
    const url = new URL(options.url);
    this.target = {
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'ssmpp:' ? 3550 : 2775),
      tls: url.protocol === 'ssmpp:',
      systemId: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    };
    this.bind = options.bind ?? 'transceiver';
    this.window = options.window ?? 10;
    this.submitTimeoutMs = options.submitTimeoutMs ?? 60_000;
    this.responseTimeoutMs = options.responseTimeoutMs ?? 10_000;
    this.enquireLinkMs = options.enquireLinkMs ?? 30_000;
    this.unwatch = watchSmppWindow(() => ({ inFlight: this.inFlight.size, size: this.window, queued: this.queue.length }));
    this.connect();
  }

  onReceipt(handler: ReceiptHandler): void {
    this.receiptHandler = handler;
  }

  async submit(submission: Submission): Promise<SubmitOutcome> {
    const { from, to, part, validitySeconds } = submission;
    const answer = await this.request(
      'submit_sm',
      {
        source_addr_ton: 1,
        source_addr_npi: 1,
        source_addr: from,
        dest_addr_ton: 1,
        dest_addr_npi: 1,
        destination_addr: to,
        esm_class: part.esmClass,
        data_coding: part.dataCoding,
        validity_period: relativeValidity(validitySeconds),
        registered_delivery: this.bind === 'transceiver' ? 1 : 0,
        short_message: part.payload,
      },
      this.submitTimeoutMs,
    );
    const status = answer.command_status;
    recordSmppSubmission(status === 0 ? 'accepted' : 'refused');
    if (status === 0) return { accepted: true, smscMessageId: String(answer.message_id) };
    return { accepted: false, reason: `SMSC refused the message: ${statusName(status)}` };
  }

  async query(smscMessageId: string, from: string, timeoutMs = this.submitTimeoutMs): Promise<QueryAnswer> {
    const params = { message_id: smscMessageId, source_addr_ton: 1, source_addr_npi: 1, source_addr: from };
    return queryAnswer(await this.request('query_sm', params, timeoutMs));
  }

  private request(command: Command, params: Record<string, unknown>, timeoutMs: number): Promise<Pdu> {
    if (this.closed) return Promise.reject(new SmscUnavailable('the SMSC client is closed'));
    return new Promise((resolve, reject) => {
      const pending: Pending = { command, params, resolve, reject, overdue: false, deadline: setTimeout(() => this.expire(pending), timeoutMs) };
      this.queue.push(pending);
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unwatch();
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.pumpTimer);
    for (const pending of this.queue.splice(0)) this.settle(pending, new SmscUnavailable('the SMSC client is closing'));
    const session = this.session;
    if (!session) return;
    if (this.bound)
      await new Promise<void>((done) => {
        const timer = setTimeout(done, 1_000);
        session.unbind({}, () => {
          clearTimeout(timer);
          done();
        });
      });
    await new Promise<void>((done) => session.destroy(done));
  }

  private connect(): void {
    const { host, port, tls } = this.target;
    const session = smpp.connect({ host, port, tls });
    this.session = session;
    session.on(tls ? 'secureConnect' : 'connect', () => this.bindSession(session));
    session.on('error', (error: Error) => {
      this.lastProblem = error.message;
    });
    session.on('close', () => this.onClose(session));
    session.on('deliver_sm', (pdu: Pdu) => this.onDeliver(session, pdu));
    session.on('enquire_link', (pdu: Pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu: Pdu) => {
      session.send(pdu.response());
      session.close();
    });
  }

  private bindSession(session: Session): void {
    const request = { system_id: this.target.systemId, password: this.target.password, interface_version: 0x34 };
    const onAnswer = (pdu: Pdu) => {
      if (pdu.command_status !== 0) {
        this.lastProblem = `bind refused: ${statusName(pdu.command_status)}`;
        session.destroy();
        return;
      }
      this.bound = true;
      this.reconnectMs = MIN_RECONNECT_MS;
      this.enquireTimer = setInterval(() => this.enquire(session), this.enquireLinkMs);
      this.pump();
    };
    if (this.bind === 'transmitter') session.bind_transmitter(request, onAnswer);
    else session.bind_transceiver(request, onAnswer);
  }

  private enquire(session: Session): void {
    const timer = setTimeout(() => {
      this.lastProblem = 'enquire_link unanswered';
      session.destroy();
    }, this.responseTimeoutMs);
    session.enquire_link({}, () => clearTimeout(timer));
  }

  private onClose(session: Session): void {
    if (session !== this.session) return;
    this.bound = false;
    this.session = undefined;
    clearInterval(this.enquireTimer);
    // Unanswered parts were not accepted: they go first when the link is back.
    const unanswered = [...this.inFlight];
    this.inFlight.clear();
    for (const pending of unanswered.reverse()) {
      clearTimeout(pending.answerTimer);
      if (pending.overdue || this.closed) this.settle(pending, new SmscUnavailable(`SMSC unreachable: ${this.lastProblem}`));
      else this.queue.unshift(pending);
    }
    if (this.closed) return;
    const delay = this.reconnectMs * (0.5 + Math.random() / 2);
    this.reconnectMs = Math.min(this.reconnectMs * 2, MAX_RECONNECT_MS);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  /** Sends queued parts while the window has room and the SMSC is not throttling us. */
  private pump(): void {
    const session = this.session;
    if (!this.bound || !session) return;
    const wait = this.throttledUntil - Date.now();
    if (wait > 0) {
      clearTimeout(this.pumpTimer);
      this.pumpTimer = setTimeout(() => this.pump(), wait);
      return;
    }
    batchWrites(session);
    while (this.inFlight.size < this.window && this.queue.length > 0) this.send(session, this.queue.shift()!);
  }

  private send(session: Session, pending: Pending): void {
    this.inFlight.add(pending);
    pending.answerTimer = setTimeout(() => this.unanswered(session, pending), this.responseTimeoutMs);
    session[pending.command](pending.params, (answer) => this.onAnswer(pending, answer));
  }

  /** A submit_sm unanswered means a dead link; a query_sm unanswered fails alone (see the top). */
  private unanswered(session: Session, pending: Pending): void {
    if (pending.command === 'submit_sm') {
      this.lastProblem = 'submit_sm unanswered';
      session.destroy();
      return;
    }
    this.drop(pending, new SmscUnavailable('query_sm unanswered'));
  }

  private drop(pending: Pending, error: Error): void {
    if (!this.inFlight.delete(pending)) return;
    this.settle(pending, error);
    this.pump();
  }

  private onAnswer(pending: Pending, answer: Pdu): void {
    if (!this.inFlight.delete(pending)) return; // the link died first (it is queued again), or a query gave up
    clearTimeout(pending.answerTimer);
    if (RETRY_LATER.has(answer.command_status)) {
      recordSmppThrottled(answer.command_status === smpp.errors.ESME_RTHROTTLED ? 'ESME_RTHROTTLED' : 'ESME_RMSGQFUL');
      this.throttledUntil = Date.now() + this.throttleMs;
      this.throttleMs = Math.min(this.throttleMs * 2, MAX_THROTTLE_MS);
      this.queue.unshift(pending);
      this.pump();
      return;
    }
    this.throttleMs = MIN_THROTTLE_MS;
    this.settle(pending, answer);
    this.pump();
  }

  /**
   * The deadline passed: fail it now if it waits in the queue, or once its answer is lost.
   * An unanswered query fails at once; an unanswered submission may yet be accepted, and
   * failing it now would have it submitted twice.
   */
  private expire(pending: Pending): void {
    pending.overdue = true;
    const error = new SmscUnavailable(`SMSC unreachable: ${this.lastProblem}`);
    if (pending.command === 'query_sm') this.drop(pending, error);
    const index = this.queue.indexOf(pending);
    if (index < 0) return;
    this.queue.splice(index, 1);
    this.settle(pending, error);
  }

  private settle(pending: Pending, result: Pdu | Error): void {
    clearTimeout(pending.deadline);
    clearTimeout(pending.answerTimer);
    if (result instanceof Error) pending.reject(result);
    else pending.resolve(result);
  }

  private onDeliver(session: Session, pdu: Pdu): void {
    const receipt = pdu.esm_class & RECEIPT ? parseReceipt(pdu) : null;
    // Mobile-originated messages are not ours to handle: acknowledged and dropped.
    if (!receipt) return void session.send(pdu.response());
    if (!this.receiptHandler) return void session.send(pdu.response({ command_status: smpp.errors.ESME_RX_T_APPN }));
    const answer = (options?: Record<string, unknown>) => {
      batchWrites(session);
      session.send(pdu.response(options));
    };
    this.receiptHandler(receipt).then(
      () => answer(),
      () => answer({ command_status: smpp.errors.ESME_RX_T_APPN }),
    );
  }
}
