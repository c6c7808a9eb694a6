// Connect subscriptions as their reseller sees them, and each one's clock: PENDING until
// its activation date (or `activate`), then ACTIVE until it is depleted or expires. An
// auto-renewing one renews at its expiry (renewals.ts).
import type { Executor } from '../../db/database.ts';
import { accessDenied, conflict, notFound } from '../errors.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { CONNECT_SUBSCRIPTION_CLOCK, type ConnectSubscriptionJob } from '../../jobs/kinds.ts';
import { notify } from '../webhooks/notifications.ts';
import { expirationOf } from '../catalog/reseller-plans.ts';
import { activatePendingById, expireById, selectConnectSubscriptions, selectSimSubscriptions } from './connect-subscriptions.store.ts';
import { checkSimAccess, getConnectSim } from '../inventory/connect-sims.service.ts';
import { checkCustomerScope, type CustomerScope } from '../customers/scope.ts';
import { renew } from './renewals.ts';

/** A subscription of the organization, with its product and device. */
export async function getConnectSubscription(db: Executor, organizationId: string, id: string, customer?: CustomerScope) {
  const [row] = await selectConnectSubscriptions(db, undefined, { id, offset: 0, rows: 1 });
  if (!row) throw notFound(`subscription ${id}`);
  if (row.subscription.organizationId !== organizationId) throw accessDenied(`subscription ${id} belongs to another client`);
  checkCustomerScope(customer, row.customerId, `subscription ${id}`);
  return row;
}

export const listConnectSubscriptions = selectConnectSubscriptions;

/** A page of the organization's SIM's subscriptions, newest first; the SIM is checked as getConnectSim checks it. */
export async function listSimSubscriptions(db: Executor, organizationId: string, iccid: string, page: { offset: number; rows: number; customer?: CustomerScope }) {
  const found = await selectSimSubscriptions(db, organizationId, iccid, page.offset, page.rows);
  // No row: an unknown SIM (refused here), or a page past the end of a known one.
  if (!found.sim) {
    await getConnectSim(db, organizationId, iccid, page.customer);
    return [];
  }
  checkSimAccess(found.sim, organizationId, iccid, page.customer);
  return found.rows;
}

/** A PENDING subscription becomes ACTIVE now; its period starts now. */
export async function activateSubscription(db: Executor, queue: JobQueue, organizationId: string, id: string, customer?: CustomerScope) {
  const row = await getConnectSubscription(db, organizationId, id, customer);
  if (row.subscription.status !== 'PENDING') throw conflict(`subscription ${id} is ${row.subscription.status}; only a PENDING one can be activated`);
  const now = new Date();
  const expiration = expirationOf(row.product, now);
  await db.transaction(async (tx) => {
    if (!(await activatePendingById(tx, id, now, expiration))) throw conflict(`subscription ${id} is no longer PENDING`);
    await queue.send(tx, CONNECT_SUBSCRIPTION_CLOCK, { subscriptionId: id }, expiration);
  });
  queue.wake();
  return getConnectSubscription(db, organizationId, id);
}

/** What a subscription's clock needs: the database (or a transaction of the caller's) and the queue. */
export interface ClockDeps {
  db: Executor;
  queue: JobQueue;
}

interface InfoLog {
  info(fields: object, message: string): void;
}

/**
 * A subscription's clock: at its activation date a PENDING one becomes ACTIVE (and its
 * expiry is scheduled); at its expiration date it becomes EXPIRED, and SUBSCRIPTION_END
 * is told unless its depletion told it already; an auto-renewing one is then renewed.
 * Answers the renewal's id when it made one (its own clock is scheduled).
 */
export async function tickSubscription(deps: ClockDeps, job: ConnectSubscriptionJob, now = new Date(), log?: InfoLog): Promise<string | undefined> {
  const renewal = await deps.db.transaction(async (tx) => {
    const [row] = await selectConnectSubscriptions(tx, undefined, { id: job.subscriptionId, offset: 0, rows: 1 });
    if (!row) return undefined;
    const s = row.subscription;
    if (s.status === 'PENDING' && s.activationDate <= now) {
      const expiration = expirationOf(row.product, s.activationDate);
      await activatePendingById(tx, s.id, s.activationDate, expiration);
      await deps.queue.send(tx, CONNECT_SUBSCRIPTION_CLOCK, { subscriptionId: s.id, correlationId: job.correlationId }, expiration);
      return undefined;
    }
    if ((s.status === 'ACTIVE' || s.status === 'DEPLETED') && s.expirationDate <= now) {
      // A depleted subscription told its end already; an expiring one tells it now.
      const { expired, tellsEnd } = await expireById(tx, s.id, now);
      if (tellsEnd) await notify(tx, s, 'SUBSCRIPTION_END', job.correlationId);
      if (expired && s.autoRenew) return renew(tx, deps.queue, row, job.correlationId);
    }
    return undefined;
  });
  if (renewal) {
    log?.info({ subscription_id: job.subscriptionId, renewal_id: renewal.subscriptionId, order_id: renewal.orderId }, 'subscription renewed');
    deps.queue.wake();
  }
  return renewal?.subscriptionId;
}
