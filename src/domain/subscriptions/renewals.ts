// Auto-renewal (`auto_renew`, subscriptions.md): a subscription ordered to renew is, at
// its expiry, followed by a new one of the same product on the same SIM, for a new
// period from the moment the old one expired. The renewal is bought like any other
// subscription: an order of its own (a TOPUP, COMPLETED at once, at the old one's price
// and currency, listed with the reseller's orders), its own balance, its own clock, and
// the usual notifications (the old one's SUBSCRIPTION_END, then the new one's
// USAGE_THRESHOLD and SUBSCRIPTION_END). It renews in turn. Each subscription renews
// once: `renewal_of` is unique.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { CONNECT_SUBSCRIPTION_CLOCK } from '../../jobs/kinds.ts';
import { opaqueId } from '../opaque-id.ts';
import { allowanceBytes, expirationOf } from '../catalog/reseller-plans.ts';
import { insertConnectOrder } from '../orders/connect-orders.store.ts';
import type { ConnectOrderRecord } from '../orders/order-record.ts';
import { insertConnectSubscriptions, type ConnectSubscriptionRow } from './connect-subscriptions.store.ts';

/** Writes the renewal of an expired subscription (in the transaction that expired it) and schedules its clock. */
export async function renew(tx: Executor, queue: JobQueue, { subscription: s, product, customerId }: ConnectSubscriptionRow, correlationId?: string) {
  const orderId = randomUUID();
  const subscriptionId = opaqueId();
  const activation = s.expirationDate;
  const expiration = expirationOf(product, activation);
  const input: ConnectOrderRecord = {
    operationType: 'TOPUP',
    esim: { iccid: s.iccid },
    subscriptions: [{ product_id: product.id, ...(s.price !== null && s.currency !== null ? { price: Number(s.price), currency: s.currency } : {}), auto_renew: true }],
    renewalOf: s.id,
  };
  await insertConnectOrder(tx, {
    id: orderId,
    organizationId: s.organizationId,
    customerId,
    operationType: 'TOPUP',
    status: 'COMPLETED',
    input,
    output: { iccid: s.iccid, subscription_id: subscriptionId },
  });
  await insertConnectSubscriptions(tx, [
    {
      id: subscriptionId,
      organizationId: s.organizationId,
      iccid: s.iccid,
      orderId,
      productId: product.id,
      status: 'ACTIVE',
      initialBalance: allowanceBytes(product),
      activationDate: activation,
      expirationDate: expiration,
      price: s.price,
      currency: s.currency,
      autoRenew: true,
      renewalOf: s.id,
    },
  ]);
  await queue.send(tx, CONNECT_SUBSCRIPTION_CLOCK, { subscriptionId, correlationId }, expiration);
  return { subscriptionId, orderId };
}
