// Connect notifications (contract §3): USAGE_THRESHOLD once at 80 % of a subscription's
// data, SUBSCRIPTION_END once when it is depleted or expires. Each goes to the webhook
// the SIM registered for its type, enqueued in the transaction of the change.
import type { Executor } from '../../db/database.ts';
import { enqueueWebhooks } from './webhooks.service.ts';
import { connectTime } from '../time.ts';
import { opaqueId } from '../opaque-id.ts';
import type { ConnectSubscription } from '../subscriptions/connect-subscriptions.store.ts';
import { selectPreferences } from './notification-preferences.store.ts';

export const THRESHOLD_PERCENT = 80;

type Subscription = Pick<ConnectSubscription, 'id' | 'organizationId' | 'iccid' | 'initialBalance' | 'spentBalance' | 'expirationDate'>;

/** `threshold`: the level a USAGE_THRESHOLD tells (80, or one of the reseller's extra levels). */
export async function notify(tx: Executor, s: Subscription, type: 'USAGE_THRESHOLD' | 'SUBSCRIPTION_END', correlationId?: string, threshold = THRESHOLD_PERCENT): Promise<void> {
  const preference = (await selectPreferences(tx, s.organizationId, s.iccid)).find((p) => p.type === type);
  if (!preference) return;
  await enqueueWebhooks(tx, [
    {
      organizationId: s.organizationId,
      url: preference.webhookUrl,
      eventType: type,
      correlationId,
      payload: {
        id: opaqueId(),
        type,
        iccid: s.iccid,
        subscription_id: s.id,
        ...(type === 'USAGE_THRESHOLD' ? { threshold } : {}),
        current_balance: String(Math.max(0, s.initialBalance - s.spentBalance)),
        expiration_date: connectTime(s.expirationDate),
      },
    },
  ]);
}
