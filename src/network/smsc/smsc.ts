// What cellhub needs from an SMSC: submit a part, hear back a delivery receipt naming
// the id the SMSC gave it, and ask after a part whose receipt is overdue (query_sm).
// smpp-client.ts speaks SMPP 3.4 to a real SMSC or to the built-in simulator.
import type { SmsPart } from './segments.ts';

export interface Submission {
  from: string;
  to: string;
  part: SmsPart;
  /** How long the SMSC may keep trying (SMPP validity_period); past it the part is expired. */
  validitySeconds: number;
}

/** Accepted with the SMSC's message id, or refused for good (a retry would be refused too). */
export type SubmitOutcome = { accepted: true; smscMessageId: string } | { accepted: false; reason: string };

/** How a part ended: delivered to the handset, failed (refused, undeliverable), or expired unsent. */
export type PartOutcome = 'delivered' | 'failed' | 'expired';

export interface Receipt {
  smscMessageId: string;
  outcome: PartOutcome;
  /** Why it was not delivered (the receipt's stat and err). */
  error: string | null;
}

/** SMPP 3.4 message_state (§5.2.28), as receipts and query_sm_resp carry it. */
export const MESSAGE_STATE = {
  ENROUTE: 1,
  DELIVERED: 2,
  EXPIRED: 3,
  DELETED: 4,
  UNDELIVERABLE: 5,
  ACCEPTED: 6,
  UNKNOWN: 7,
  REJECTED: 8,
} as const;

/** The states after which the SMSC makes no further attempt, and what each means for the part. */
const FINAL: Record<number, PartOutcome> = {
  [MESSAGE_STATE.DELIVERED]: 'delivered',
  // Read on the subscriber's behalf (by customer service): the message reached its reader.
  [MESSAGE_STATE.ACCEPTED]: 'delivered',
  [MESSAGE_STATE.EXPIRED]: 'expired',
  [MESSAGE_STATE.DELETED]: 'failed',
  [MESSAGE_STATE.UNDELIVERABLE]: 'failed',
  [MESSAGE_STATE.REJECTED]: 'failed',
};

/** The part's outcome for a final message_state; null while the SMSC may still deliver it (ENROUTE, UNKNOWN). */
export const outcomeOf = (state: number): PartOutcome | null => FINAL[state] ?? null;

const STATE_NAMES = new Map<number, string>(Object.entries(MESSAGE_STATE).map(([name, value]) => [value, name]));
export const stateName = (state: number) => STATE_NAMES.get(state) ?? `state ${state}`;

/** What the SMSC answered to query_sm: the part's state, or that it does not know the part. */
export type QueryAnswer = { known: true; state: number; errorCode: number; finalDate: Date | null } | { known: false; reason: string };

/**
 * Handles receipts; when it resolves they are safely stored, and only then is the SMSC
 * told so (a receipt whose handler fails is sent again by the SMSC).
 */
export type ReceiptHandler = (receipt: Receipt) => Promise<void>;

export interface SmscAdapter {
  /** Resolves once the SMSC answers; rejects with SmscUnavailable when it cannot be reached in time. */
  submit(submission: Submission): Promise<SubmitOutcome>;
  /**
   * query_sm (SMPP 3.4 §4.8) for a part the SMSC accepted from `from`; rejects with
   * SmscUnavailable when the SMSC cannot be reached, or does not answer, within `timeoutMs`.
   */
  query(smscMessageId: string, from: string, timeoutMs?: number): Promise<QueryAnswer>;
  onReceipt(handler: ReceiptHandler): void;
  close(): Promise<void>;
}

/** The SMSC could not be reached (or kept refusing for now): the request may be retried later. */
export class SmscUnavailable extends Error {}
