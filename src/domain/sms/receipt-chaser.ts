// Chases overdue delivery receipts. A part whose receipt has not come some time after it
// was sent (SMS_RECEIPT_CHASE_AFTER) is asked after with query_sm (SMPP 3.4 §4.8) and
// settled from the answer, as a receipt would have settled it. A part with no final word
// from the SMSC by the end of its validity period is expired, so nothing waits forever.
// At start every waiting part is asked after at once: the receipts owed to a process
// that died may have died with it.
//
// Which parts are due lives in the database (sms_submissions.chase_at, written with the
// submission), claimed in batches under a lease, so several workers share the work and
// a batch lost with its process comes due again.
//
// Each asking is logged at info under the correlation id of the request that sent the
// message: what the SMSC said, and the part's outcome when that settled it.
import { recordFinished } from './finished.ts';
import type { Db } from '../../db/database.ts';
import { BatchWriter } from '../../db/batch-writer.ts';
import { outcomeOf, stateName, type SmscAdapter } from '../../network/smsc/smsc.ts';
import { WorkLoop } from '../../jobs/work-loop.ts';
import type { Logger } from '../../observability/logger.ts';
import * as store from './sms.store.ts';

export interface ChaserOptions {
  /** How long a receipt may be awaited before the SMSC is asked, and between askings. */
  chaseAfterSeconds: number;
  pollMs?: number;
  log?: Logger;
}

/** A part asked after, and what came of it. */
interface Asked {
  part: store.OverduePart;
  result: store.ChaseResult;
}

const BATCH = 500;
const RECORD_WAIT_MS = 20;
/** How long an answer may take, waiting for the link included. */
const QUERY_TIMEOUT_MS = 30_000;
/** Longer than a batch takes: its queries and their record. */
const LEASE_SECONDS = 90;

export class ReceiptChaser {
  private stopped = false;
  // One batch of overdue parts at a time; it sleeps only while none is due.
  private readonly loop: WorkLoop<store.OverduePart[]>;
  // Answers are recorded as they come, so one slow answer holds back no other. A batch
  // that cannot be recorded comes due again when its lease ends.
  private readonly answers: BatchWriter<Asked>;

  constructor(
    private readonly db: Db,
    private readonly smsc: SmscAdapter,
    private readonly options: ChaserOptions,
  ) {
    this.answers = new BatchWriter(
      async (batch) => {
        const settled = await db
          .transaction(async (tx) => {
            const parts = await store.recordChase(
              tx,
              batch.map((a) => a.result),
              options.chaseAfterSeconds,
            );
            await recordFinished(
              tx,
              parts.map((p) => p.messageId),
            );
            return parts;
          })
          .catch(() => undefined);
        if (settled) this.logAnswers(batch, settled);
      },
      { size: BATCH, waitMs: RECORD_WAIT_MS },
    );
    this.loop = new WorkLoop({
      concurrency: 1,
      idleMs: options.pollMs ?? 1_000,
      fetch: async () => {
        const parts = await store.claimOverdue(db, BATCH, LEASE_SECONDS);
        return parts.length > 0 ? [parts] : [];
      },
      run: (parts) => this.chase(parts),
    });
  }

  /** Asks after every waiting part now, then keeps watch for overdue ones. */
  async start(): Promise<void> {
    await store.chaseAllNow(this.db);
    this.loop.start();
  }

  /** Stops asking; answers still outstanding are left to the lease (asked again later). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop.stop();
  }

  private async chase(parts: store.OverduePart[]): Promise<void> {
    await Promise.all(
      parts.map(async (part) => {
        const result = await this.ask(part);
        if (!this.stopped) this.answers.add({ part, result });
      }),
    );
    await this.answers.drain();
  }

  /** One line a part asked after: what the SMSC said, and the outcome it settled (absent: asked again later). */
  private logAnswers(batch: Asked[], settled: store.DecidedPart[]): void {
    const log = this.options.log;
    if (!log) return;
    const outcomes = new Map(settled.map((d) => [d.smscMessageId, d]));
    for (const { part, result } of batch) {
      const decided = outcomes.get(part.smscMessageId);
      log.info(
        {
          correlation_id: part.correlationId ?? undefined,
          sms_id: part.messageId,
          smsc_message_id: part.smscMessageId,
          to_index: part.position,
          part: part.part + 1,
          answer: result.outcome ?? result.reason,
          outcome: decided?.outcome ?? null,
          reason: decided?.reason ?? undefined,
        },
        decided ? 'sms receipt chased: settled' : 'sms receipt chased: no final state yet, asking again later',
      );
    }
  }

  /** The part's outcome from query_sm; null (with what was said instead) while it has no final state. */
  private async ask(part: store.OverduePart): Promise<store.ChaseResult> {
    const smscMessageId = part.smscMessageId;
    let answer;
    try {
      answer = await this.smsc.query(smscMessageId, part.from, QUERY_TIMEOUT_MS);
    } catch (error) {
      return { smscMessageId, outcome: null, reason: error instanceof Error ? error.message : String(error) };
    }
    if (!answer.known) return { smscMessageId, outcome: null, reason: `query_sm refused: ${answer.reason}` };
    const outcome = outcomeOf(answer.state);
    const state = stateName(answer.state);
    if (!outcome) return { smscMessageId, outcome: null, reason: `query_sm: ${state}` };
    return { smscMessageId, outcome, reason: outcome === 'delivered' ? null : `${state} (query_sm, error_code ${answer.errorCode})` };
  }
}
