// An SMS is finished when no recipient waits any more (each delivered, failed or
// expired): its sms.finished event, with the counts, is written in the transaction that
// settled its last recipient, once.
import type { Executor } from '../../db/database.ts';
import { recordEvent } from '../events/events.service.ts';
import { finishMessages } from './sms.store.ts';

export async function recordFinished(tx: Executor, messageIds: string[]): Promise<void> {
  for (const message of await finishMessages(tx, messageIds)) {
    await recordEvent(tx, message.organizationId, 'sms.finished', { kind: 'sms', id: message.id });
  }
}
