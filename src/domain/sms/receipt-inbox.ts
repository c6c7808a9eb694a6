// Delivery receipts from the SMSC, stored in batches: each receipt's promise resolves
// once its batch committed, and only then is the SMSC told it arrived. A receipt is
// applied to its submission at once when that is committed; one that overtook its
// submission waits in sms_receipts, and the submission's own batch, or the sweep
// here, applies it.
import type { Db } from '../../db/database.ts';
import type { Receipt } from '../../network/smsc/smsc.ts';
import { BatchWriter } from '../../db/batch-writer.ts';
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

  constructor(private readonly db: Db) {
    this.sweeper = setInterval(() => void this.sweep().catch(() => {}), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  add(receipt: Receipt): Promise<void> {
    return new Promise((resolve, reject) => this.batches.add({ receipt, resolve, reject }));
  }

  /** Applies waiting receipts whose submissions have since committed. */
  async sweep(): Promise<void> {
    await store.applyReceipts(this.db);
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
      await this.db.transaction(async (tx) => {
        await store.insertReceipts(tx, receipts);
        await store.applyReceipts(tx, receipts.map((r) => r.smscMessageId));
      });
      for (const w of batch) w.resolve();
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}
