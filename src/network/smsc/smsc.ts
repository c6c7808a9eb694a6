// What cellhub needs from an SMSC: submit a part, and hear back a delivery receipt
// naming the id the SMSC gave it. smpp-client.ts speaks SMPP 3.4 to a real SMSC or to
// the built-in simulator.
import type { SmsPart } from './segments.ts';

export interface Submission {
  from: string;
  to: string;
  part: SmsPart;
}

/** Accepted with the SMSC's message id, or refused for good (a retry would be refused too). */
export type SubmitOutcome = { accepted: true; smscMessageId: string } | { accepted: false; reason: string };

export interface Receipt {
  smscMessageId: string;
  delivered: boolean;
  /** Why it was not delivered (the receipt's stat and err). */
  error: string | null;
}

/**
 * Handles receipts; when it resolves they are safely stored, and only then is the SMSC
 * told so (a receipt whose handler fails is sent again by the SMSC).
 */
export type ReceiptHandler = (receipt: Receipt) => Promise<void>;

export interface SmscAdapter {
  /** Resolves once the SMSC answers; rejects with SmscUnavailable when it cannot be reached in time. */
  submit(submission: Submission): Promise<SubmitOutcome>;
  onReceipt(handler: ReceiptHandler): void;
  close(): Promise<void>;
}

/** The SMSC could not be reached (or kept refusing for now): the submission may be retried later. */
export class SmscUnavailable extends Error {}
