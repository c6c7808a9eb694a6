// The sandbox clock: a reseller testing its integration should not wait 30 days to see
// a subscription expire. The operator moves an organization's time forward; its
// subscriptions' dates come closer by that much, and what is now due happens at once
// (activation, expiry, SUBSCRIPTION_END, auto-renewal), through the same clock job as
// real time.
import { CONNECT_SUBSCRIPTION_CLOCK } from '../../jobs/kinds.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import { tickSubscription, type ClockDeps } from './connect-subscriptions.service.ts';
import { shiftLiveDates } from './connect-subscriptions.store.ts';

/** Renewals of one subscription an advance runs through at most; any further ones are left to their clock jobs. */
const MAX_RENEWALS = 10_000;

export async function advanceClock(deps: ClockDeps, organizationId: string, seconds: number) {
  await getOrganization(deps.db, organizationId);
  const moved = await deps.db.transaction(async (tx) => {
    const rows = await shiftLiveDates(tx, organizationId, seconds);
    // The clock jobs already queued wait for the old dates; new ones wait for the moved dates.
    for (const s of rows) {
      await deps.queue.send(tx, CONNECT_SUBSCRIPTION_CLOCK, { subscriptionId: s.id }, s.status === 'PENDING' ? s.activationDate : s.expirationDate);
    }
    return rows;
  });
  // A subscription may have two things due (activation, then expiry), and a renewal made
  // for a period already past is due in turn: the clock runs until it rests.
  const tick = (subscriptionId: string) => tickSubscription(deps, { subscriptionId });
  for (const { id } of moved) {
    let renewal = (await tick(id)) ?? (await tick(id));
    for (let n = 0; renewal && n < MAX_RENEWALS; n++) renewal = await tick(renewal);
  }
  deps.queue.wake();
  return { organization_id: organizationId, advanced_seconds: seconds, subscriptions_moved: moved.length };
}
