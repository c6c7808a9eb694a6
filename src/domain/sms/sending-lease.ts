// One attempt at a time submits a message. A job still running past JOB_TIMEOUT_SECONDS
// (a slow SMSC, a busy machine) is taken for dead and retried while it still runs; two
// attempts side by side would submit the same recipients twice. So an attempt holds a
// lease on the message, renewed as it goes. Another attempt that finds it held waits
// until it is freed or lapses (its holder died: within LEASE_SECONDS), and gives up for
// a later retry if it is still renewed by then.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import * as store from './sms.store.ts';

const LEASE_SECONDS = 15;
const RENEW_EVERY_MS = 5_000;
const LOOK_AGAIN_MS = 250;

/** Another attempt is submitting the message: this one is retried later. */
export class MessageBusy extends Error {}

export class SendingLease {
  private readonly renewal: NodeJS.Timeout;

  private constructor(
    private readonly db: Db,
    private readonly messageId: string,
    private readonly lease: string,
  ) {
    this.renewal = setInterval(() => void store.renewSendingLease(db, messageId, lease, LEASE_SECONDS).catch(() => {}), RENEW_EVERY_MS);
    this.renewal.unref();
  }

  /** Takes the message's lease, waiting up to a lease's length; throws MessageBusy if another attempt keeps it. */
  static async take(db: Db, messageId: string): Promise<SendingLease> {
    const lease = randomUUID();
    const deadline = Date.now() + LEASE_SECONDS * 1000 + LOOK_AGAIN_MS;
    while (!(await store.takeSendingLease(db, messageId, lease, LEASE_SECONDS))) {
      if (Date.now() > deadline) throw new MessageBusy(`another attempt is submitting ${messageId}`);
      await new Promise((resolve) => setTimeout(resolve, LOOK_AGAIN_MS));
    }
    return new SendingLease(db, messageId, lease);
  }

  async release(): Promise<void> {
    clearInterval(this.renewal);
    await store.releaseSendingLease(this.db, this.messageId, this.lease).catch(() => {});
  }
}
