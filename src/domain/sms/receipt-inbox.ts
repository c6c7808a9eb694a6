// Delivery receipts from the SMSC, stored in batches: each receipt's promise resolves
// once its batch committed, and only then is the SMSC told it arrived. A receipt is
// applied to its submission at once when that is committed; one that overtook its
// submission waits in sms_receipts, and the submission's own batch, or the sweep
// here, applies it. Each part a receipt settles is logged at info under the correlation
// id of the request that sent its message, as its submission was.
import { recordFinished } from './finished.ts';
import type { Db } from '../../db/database.ts';
import type { Receipt } from '../../network/smsc/smsc.ts';
import { BatchWriter } from '../../db/batch-writer.ts';
import type { Logger } from '../../observability/logger.ts';
import * as store from './sms.store.ts';

const BATCH = 500;
const BATCH_WAIT_MS = 10;
const SWEEP_EVERY_MS = 5_000;

interface Waiting {
  receipt: Receipt;
  resolve(): void;
  reject(error: unknown): void;
}

export class ReceiptInbox {
  private readonly batches = new BatchWriter<Waiting>((batch) => this.write(batch), { size: BATCH, waitMs: BATCH_WAIT_MS });
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly log?: Logger,
  ) {
    this.sweeper = setInterval(() => void this.sweep().catch(() => {}), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  add(receipt: Receipt): Promise<void> {
    return new Promise((resolve, reject) => this.batches.add({ receipt, resolve, reject }));
  }

  /** Applies waiting receipts whose submissions have since committed. */
  async sweep(): Promise<void> {
    const decided = await this.db.transaction(async (tx) => {
      const parts = await store.applyReceipts(tx);
      await recordFinished(
        tx,
        parts.map((p) => p.messageId),
      );
      return parts;
    });
    logDecided(this.log, decided, 'sms receipt');
    await store.dropStaleReceipts(this.db);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.batches.drain();
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      // The SMSC may repeat a receipt within a batch; the first one counts.
      const receipts = [...new Map(batch.map((w) => [w.receipt.smscMessageId, w.receipt])).values()];
      const decided = await this.db.transaction(async (tx) => {
        await store.insertReceipts(tx, receipts);
        const parts = await store.applyReceipts(
          tx,
          receipts.map((r) => r.smscMessageId),
        );
        await recordFinished(
          tx,
          parts.map((p) => p.messageId),
        );
        return parts;
      });
      for (const w of batch) w.resolve();
      logDecided(this.log, decided, 'sms receipt');
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}

/**
 * One line a part just settled, under the correlation id of the request that sent its
 * message, so one id finds an SMS's whole story. `bound`: the logger already carries
 * that id (a job's logger), so it is not written twice.
 */
export function logDecided(log: Logger | undefined, parts: store.DecidedPart[], msg: string, bound = false): void {
  if (!log) return;
  for (const p of parts) {
    log.info(
      {
        ...(bound ? {} : { correlation_id: p.correlationId ?? undefined }),
        sms_id: p.messageId,
        smsc_message_id: p.smscMessageId,
        to_index: p.position,
        part: p.part + 1,
        outcome: p.outcome,
        reason: p.reason ?? undefined,
      },
      msg,
    );
  }
}
