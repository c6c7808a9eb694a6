// The sandbox clock: a reseller testing its integration should not wait 30 days to see
// a subscription expire. The operator moves an organization's time forward; its
// subscriptions' dates come closer by that much, and what is now due happens at once
// (activation, expiry, SUBSCRIPTION_END), through the same clock job as real time.
import type { Executor } from '../../db/database.ts';
import { CONNECT_SUBSCRIPTION_CLOCK } from '../../jobs/kinds.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import { tickSubscription, type ConnectFulfilmentDeps } from './connect-fulfilment.ts';
import * as store from './connect.store.ts';

export async function advanceClock(deps: ConnectFulfilmentDeps, organizationId: string, seconds: number) {
  await getOrganization(deps.db, organizationId);
  const ids = await deps.db.transaction(async (tx) => {
    const moved = await store.shiftDates(tx, organizationId, seconds);
    await rescheduleClocks(deps, tx, moved);
    return moved;
  });
  // A subscription may have two things due (activation, then expiry): the clock runs until it rests.
  for (const id of ids) {
    for (let step = 0; step < 2; step++) await tickSubscription(deps, { subscriptionId: id });
  }
  deps.queue.wake();
  return { organization_id: organizationId, advanced_seconds: seconds, subscriptions_moved: ids.length };
}

/** The clock jobs already queued wait for the old dates; new ones wait for the moved dates. */
async function rescheduleClocks(deps: ConnectFulfilmentDeps, tx: Executor, ids: string[]) {
  for (const id of ids) {
    const [row] = await store.selectSubscriptions(tx, undefined, { id, offset: 0, rows: 1 });
    const s = row.subscription;
    await deps.queue.send(tx, CONNECT_SUBSCRIPTION_CLOCK, { subscriptionId: id }, s.status === 'PENDING' ? s.activationDate : s.expirationDate);
  }
}
