// The job that submits a message to the SMSC. Recipients are submitted side by side
// (the SMPP client keeps its window full); as answers come back they are recorded in
// batches, each batch one transaction: the parts the SMSC accepted (with the end of
// their validity period and when to ask after them, see receipt-chaser.ts), the
// recipients settled (sent, or failed with the SMSC's reason), and one outbound sms
// usage item per accepted part, rated against the sender's subscription.
//
// A retried job submits only what is not recorded yet, and one attempt at a time
// submits a message (sending-lease.ts), so a part is sent twice only when the process
// dies between the SMSC's answer and the batch's commit.
import { recordFinished } from './finished.ts';
import type { Db } from '../../db/database.ts';
import { BatchWriter } from '../../db/batch-writer.ts';
import type { JobAttempt } from '../../jobs/queue.ts';
import type { SmsJob } from '../../jobs/kinds.ts';
import { segment, type SmsPart } from '../../network/smsc/segments.ts';
import { SmscUnavailable, type SmscAdapter } from '../../network/smsc/smsc.ts';
import { prepareUsage, rateUsage } from '../usage/ingest.service.ts';
import * as store from './sms.store.ts';
import { SendingLease } from './sending-lease.ts';
import { logDecided } from './receipt-inbox.ts';

export interface SmsDeliveryDeps {
  db: Db;
  smsc: SmscAdapter;
  timing: store.PartTiming;
}

interface RecipientResult {
  position: number;
  to: string;
  submitted: store.SubmittedPart[];
  /** Every part is answered: accepted, or refused with `reason`. */
  complete: boolean;
  reason: string | null;
  unavailable?: SmscUnavailable;
}

const BATCH = 500;
const BATCH_WAIT_MS = 50;

/** Submits the recipient's parts in order, skipping parts submitted by an earlier attempt. */
async function submitRecipient(
  smsc: SmscAdapter,
  validitySeconds: number,
  from: string,
  position: number,
  to: string,
  parts: SmsPart[],
  done: Set<number>,
): Promise<RecipientResult> {
  const result: RecipientResult = { position, to, submitted: [], complete: false, reason: null };
  for (const [part, payload] of parts.entries()) {
    if (done.has(part)) continue;
    let outcome;
    try {
      outcome = await smsc.submit({ from, to, part: payload, validitySeconds });
    } catch (error) {
      if (!(error instanceof SmscUnavailable)) throw error;
      result.unavailable = error;
      return result;
    }
    if (!outcome.accepted) {
      result.reason = outcome.reason;
      break;
    }
    result.submitted.push({ position, part, smscMessageId: outcome.smscMessageId });
  }
  result.complete = true;
  return result;
}

/** Writes recipients' results in batches, one transaction each. */
class ResultRecorder {
  private readonly batches = new BatchWriter<RecipientResult>((batch) => this.write(batch), { size: BATCH, waitMs: BATCH_WAIT_MS });

  constructor(
    private readonly db: Db,
    private readonly message: store.SmsMessage,
    private readonly timing: store.PartTiming,
    private readonly attempt: JobAttempt,
  ) {}

  add(result: RecipientResult): void {
    this.batches.add(result);
  }

  /** Writes what is left; rejects if a batch failed (the job's retry submits what was not recorded). */
  drain(): Promise<void> {
    return this.batches.drain();
  }

  private async write(batch: RecipientResult[]): Promise<void> {
    const message = this.message;
    const submitted = batch.flatMap((r) => r.submitted);
    const recipientAt = new Map(batch.map((r) => [r.position, r.to]));
    const charges = await prepareUsage(
      this.db,
      submitted.map((part) => chargeOf(message, part, recipientAt.get(part.position)!)),
    );
    const overtaken = await this.db.transaction(async (tx) => {
      await store.insertSubmissions(tx, message, submitted, this.timing);
      await store.settleRecipients(
        tx,
        message,
        batch.filter((r) => r.complete).map((r) => ({ position: r.position, reason: r.reason })),
      );
      await rateUsage(tx, charges);
      // Receipts that overtook this commit are waiting for these submissions.
      const decided = await store.applyReceipts(
        tx,
        submitted.map((s) => s.smscMessageId),
      );
      await recordFinished(tx, [message.id]);
      return decided;
    });
    logDecided(this.attempt.log, overtaken, 'sms receipt', true);
  }
}

/** One outbound sms usage record per accepted part, keyed so that it is charged once. */
function chargeOf(message: store.SmsMessage, part: store.SubmittedPart, to: string) {
  const now = new Date().toISOString();
  return {
    source_record_id: `${message.id}:${part.position}:${part.part}`,
    msisdn: message.fromMsisdn,
    type: 'sms',
    direction: 'outbound',
    technology: 'cs',
    other_party: to,
    location_country: message.country,
    started_at: now,
    ended_at: now,
    quantity: 1,
    unit: 'messages',
  };
}

export async function deliverSms(deps: SmsDeliveryDeps, job: SmsJob, attempt: JobAttempt): Promise<void> {
  const message = await store.messageById(deps.db, job.messageId);
  if (!message) return;
  if ((await store.queuedRecipients(deps.db, message)).length === 0) return;
  const lease = await SendingLease.take(deps.db, message.id);
  try {
    await submitQueued(deps, deps.smsc, message, attempt);
  } finally {
    await lease.release();
  }
}

/** Submits the recipients still queued (read under the lease: another attempt may have just sent them). */
async function submitQueued(deps: SmsDeliveryDeps, smsc: SmscAdapter, message: store.SmsMessage, attempt: JobAttempt): Promise<void> {
  const queued = await store.queuedRecipients(deps.db, message);
  const parts = segment(message.text, message.concatRef);
  const submittedBefore = await store.submittedParts(deps.db, message);
  const recorder = new ResultRecorder(deps.db, message, deps.timing, attempt);

  const results = await Promise.all(
    queued.map(async (r) => {
      const result = await submitRecipient(smsc, deps.timing.validitySeconds, message.fromMsisdn, r.position, r.toMsisdn, parts, submittedBefore.get(r.position) ?? new Set());
      recorder.add(result);
      return result;
    }),
  );
  await recorder.drain();

  const unavailable = results.find((r) => r.unavailable)?.unavailable;
  attempt.log.info(
    {
      sms_id: message.id,
      recipients: results.length,
      submitted: results.filter((r) => r.complete && !r.reason).length,
      refused: results.filter((r) => r.reason).length,
      smsc_unavailable: results.filter((r) => r.unavailable).length,
    },
    'sms submitted to the SMSC',
  );
  if (!unavailable) return;
  // Every retry is spent: the recipients still queued are told so rather than kept waiting.
  if (attempt.last) {
    return deps.db.transaction(async (tx) => {
      await store.failQueued(tx, message, unavailable.message);
      await recordFinished(tx, [message.id]);
    });
  }
  throw unavailable;
}
