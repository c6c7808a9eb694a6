// Fulfilment: what the order-fulfil job does. An order moves through stages recorded on
// its row. Each stage commits on its own, and goes on only if the order is still at that
// stage (it locks the order first), so a retried job (after a crash, an SM-DP+ error or
// a timeout) resumes where the last one stopped and never does a step twice. An order
// ends completed, or failed with a reason and everything it took released — never half
// done.
//
// Activation and SIM swap: `accepted` → reserve an ICCID → `reserved` → prepare its
// profile at the SM-DP+ (outside any transaction) → record it and put it to use → done.
// Every activation runs this, so its two stages are one statement each
// (orders.store.ts). Suspend, resume and terminate: one transaction.
import type { Db, Executor } from '../../db/database.ts';
import type { JobAttempt, JobQueue } from '../../jobs/queue.ts';
import { DELIVER_SIM_PROFILE, type OrderJob } from '../../jobs/kinds.ts';
import { findSim } from '../inventory/sims.store.ts';
import {
  failAndRelease,
  FulfilmentFailure,
  fulfilling,
  outOfStock,
  prepareProfile,
  recordProfile,
  reserveIccid,
  retireProfile,
  type SimType,
} from '../inventory/esim-lifecycle.ts';
import type { PreparedProfile, SmdpAdapter } from '../../network/smdp/smdp.ts';
import { newSubscription, poolEmpty, resumeSubscription, suspendSubscription, swapSimProfile, terminateSubscription } from '../subscriptions/provisioning.ts';
import type { TemplateCache } from '../catalog/template-cache.ts';
import { ALLOWED_FROM, type PlaceOrder } from './order-types.ts';
import { orderCommandOf } from './order-record.ts';
import { selectSubscriptions, type SubscriptionRow } from '../subscriptions/subscriptions.store.ts';
import { recordEvents } from '../events/events.service.ts';
import type { EventType } from '../events/event-types.ts';
import { completeActivation, lockOrder, reserveSimForActivation, updateOrder, type OrderResult, type OrderRow } from './orders.store.ts';
import type { TenantCache } from '../tenant-cache.ts';

export interface FulfilmentDeps {
  db: Db;
  queue: JobQueue;
  smdp: SmdpAdapter;
  templates: TemplateCache;
  /** Told of each new subscription, which no trigger announces. */
  readCache: TenantCache;
  quarantineDays: number;
}

export async function fulfilOrder(deps: FulfilmentDeps, job: OrderJob, attempt: JobAttempt): Promise<void> {
  await fulfilling(
    attempt,
    () => advance(deps, job.orderId, attempt),
    (reason) => failOrder(deps, job.orderId, reason, attempt),
  );
}

const WITH_NEW_PROFILE = new Set(['activate_subscription', 'change_sim_profile']);

async function advance(deps: FulfilmentDeps, orderId: string, attempt: JobAttempt): Promise<void> {
  // The common case first: a fresh activation reserves its ICCID in one statement.
  const reservation = await reserveSimForActivation(deps.db, orderId);
  if (reservation.outcome === 'no_sim') throw outOfStock(reservation.simType);
  if (reservation.outcome === 'reserved') return activate(deps, reservation.order, attempt);

  // Otherwise: a subscription change in full, the reservation for a SIM swap, or a
  // retried order resuming at its recorded stage.
  const order = await deps.db.transaction(async (tx) => {
    const locked = await lockOrder(tx, orderId);
    if (locked?.status !== 'pending' || locked.stage !== 'accepted') return locked;
    if (WITH_NEW_PROFILE.has(locked.type)) return reserveSim(tx, locked);
    await changeSubscription(deps, tx, locked);
    await attempt.completeWithin(tx);
    return undefined;
  });
  if (order?.status !== 'pending' || order.stage !== 'reserved') return;
  if (order.type === 'activate_subscription') return activate(deps, order, attempt);
  return swap(deps, order, attempt);
}

async function changeSubscription(deps: FulfilmentDeps, tx: Executor, order: OrderRow): Promise<void> {
  await recheckSubscription(tx, order);
  const { organizationId } = order;
  const subscriptionId = order.subscriptionId!;
  const request = orderCommandOf(order);
  const now = new Date();
  let changed: EventType;
  switch (order.type) {
    case 'suspend_subscription':
      await suspendSubscription(tx, organizationId, subscriptionId, request.reason ?? 'temporary', now);
      changed = 'subscription.suspended';
      break;
    case 'resume_subscription':
      await resumeSubscription(tx, organizationId, subscriptionId, now);
      changed = 'subscription.resumed';
      break;
    case 'terminate_subscription':
      await terminateSubscription(tx, organizationId, subscriptionId, now, deps.quarantineDays);
      changed = 'subscription.terminated';
      break;
    default:
      throw new FulfilmentFailure(`unknown order type ${order.type}`);
  }
  await complete(tx, order, order.result as OrderResult);
  await recordCompletion(tx, order, subscriptionId, changed);
}

/** The events of a completed order: its subscription's change, then the order itself (`written`: their rows as written, if at hand). */
function recordCompletion(
  tx: Executor,
  order: OrderRow,
  subscriptionId: string,
  changed: EventType,
  written: { order?: OrderRow; subscription?: SubscriptionRow } = {},
): Promise<void> {
  const events = [
    { type: changed, subject: { kind: 'subscription' as const, id: subscriptionId, row: written.subscription } },
    { type: 'order.completed' as const, subject: { kind: 'order' as const, id: order.id, row: written.order } },
  ];
  return recordEvents(tx, order.organizationId, events, order.correlationId);
}

/** The state checked when the order was placed must still hold when it is fulfilled. */
async function recheckSubscription(tx: Executor, order: OrderRow): Promise<void> {
  const [view] = await selectSubscriptions(tx, order.organizationId, { id: order.subscriptionId!, rows: 1 });
  const allowed = ALLOWED_FROM[order.type] ?? [];
  if (!view || !allowed.includes(view.subscription.status)) {
    throw new FulfilmentFailure(`subscription ${order.subscriptionId} is ${view?.subscription.status ?? 'gone'}; ${order.type} needs it ${allowed.join(' or ')}`);
  }
}

/** Activation and SIM swap, first stage: takes an ICCID from inventory for the order. */
async function reserveSim(tx: Executor, order: OrderRow): Promise<OrderRow> {
  if (order.subscriptionId) await recheckSubscription(tx, order);
  const simType = orderCommandOf(order).simProfile?.simType ?? 'esim';
  const iccid = await reserveIccid(tx, order.organizationId, simType);
  const result = { ...(order.result as OrderResult), iccid, simType };
  await updateOrder(tx, order.id, { stage: 'reserved', result });
  return { ...order, stage: 'reserved', result };
}

/** The reserved ICCID's profile (see esim-lifecycle.ts). */
function preparedFor(deps: FulfilmentDeps, order: OrderRow): Promise<PreparedProfile | undefined> {
  const { iccid, simType } = order.result as OrderResult;
  return prepareProfile(deps.smdp, iccid!, simTypeOf(simType));
}

const simTypeOf = (simType: string | undefined): SimType => (simType === 'psim' ? 'psim' : 'esim');

/** An activation with its ICCID reserved: the profile, then the subscription, the order's completion and its job's in one statement. */
async function activate(deps: FulfilmentDeps, order: OrderRow, attempt: JobAttempt): Promise<void> {
  const profile = await preparedFor(deps, order);
  const request = orderCommandOf(order);
  const { iccid, simType } = order.result as OrderResult;
  const s = request.subscriber!;
  const template = await deps.templates.get(deps.db, order.organizationId, order.templateId!);
  const subscription = newSubscription(
    order.organizationId,
    iccid!,
    {
      accountId: order.accountId,
      template,
      simType: simTypeOf(simType),
      profile,
      subscriber: s,
    },
    new Date(),
  );
  // The completion's events, and an emailed profile's delivery job, commit with it.
  const outcome = await deps.db.transaction(async (tx) => {
    const done = await completeActivation(tx, order.id, subscription, { ...profile, delivery: deliveryOf(request) }, attempt);
    if (!done.completed) return done;
    await recordCompletion(tx, order, subscription.id, 'subscription.activated', done);
    if (mailsProfile(request)) await enqueueDelivery(deps, tx, order);
    return done;
  });
  if (outcome.completed) attempt.log.info({ order_id: order.id, subscription_id: subscription.id }, 'order completed');
  // Also when an earlier run completed it, which may have died before announcing. Done
  // either way: a failed announcement only leaves other processes' pages stale for their time to live.
  if (outcome.completed || !outcome.pending) {
    await deps.readCache.announce(deps.db, order.organizationId).catch((err: unknown) => attempt.log.warn({ err, order_id: order.id }, 'new subscription not announced'));
  }
  if (outcome.pending && !outcome.numbered) throw poolEmpty(template.numberPoolId!);
  if (outcome.pending && !outcome.completed) throw new Error(`order ${order.id}: its subscription was not written`); // retried
}

/** A SIM swap with its new ICCID reserved: the new profile replaces the old, which is cancelled at the SM-DP+. */
async function swap(deps: FulfilmentDeps, reserved: OrderRow, attempt: JobAttempt): Promise<void> {
  const profile = await preparedFor(deps, reserved);
  const retired = await deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, reserved.id);
    if (order?.status !== 'pending' || order.stage !== 'reserved') return undefined; // another run finished it
    const request = orderCommandOf(order);
    const result = order.result as OrderResult;
    const old = await currentIccid(tx, order);
    if (profile) await recordProfile(tx, result.iccid!, profile);
    await swapSimProfile(tx, order.organizationId, order.subscriptionId!, old, result.iccid!, new Date());
    await complete(tx, order, { ...result, ...profile, previousIccid: old ?? undefined, delivery: deliveryOf(request) });
    await recordCompletion(tx, order, order.subscriptionId!, 'subscription.sim_swapped');
    if (mailsProfile(request)) await enqueueDelivery(deps, tx, order);
    await attempt.completeWithin(tx);
    if (!old) return undefined;
    const oldSim = await findSim(tx, old);
    return oldSim?.simType === 'esim' ? old : undefined;
  });
  if (retired) await retireProfile(deps.smdp, retired);
}

async function currentIccid(tx: Executor, order: OrderRow): Promise<string | null> {
  const [view] = await selectSubscriptions(tx, order.organizationId, { id: order.subscriptionId!, rows: 1 });
  return view?.subscription.iccid ?? null;
}

function deliveryOf(request: PlaceOrder): OrderResult['delivery'] {
  const delivery = request.simProfile?.delivery;
  if (!delivery) return undefined;
  return { type: delivery.type, to: delivery.to ?? [], cc: delivery.cc ?? [], status: delivery.type === 'email' ? 'queued' : 'available' };
}

const mailsProfile = (request: PlaceOrder) => request.simProfile?.simType === 'esim' && request.simProfile.delivery?.type === 'email';

async function enqueueDelivery(deps: FulfilmentDeps, tx: Executor, order: OrderRow) {
  await deps.queue.send(tx, DELIVER_SIM_PROFILE, { orderId: order.id, correlationId: order.correlationId ?? undefined });
}

async function complete(tx: Executor, order: OrderRow, result: OrderResult, subscriptionId = order.subscriptionId) {
  await updateOrder(tx, order.id, { status: 'completed', stage: 'done', result, subscriptionId, completedAt: new Date() });
}

/** Fails the order and gives back what it took: the reserved ICCID, and its profile at the SM-DP+. */
async function failOrder(deps: FulfilmentDeps, orderId: string, reason: string, attempt: JobAttempt): Promise<void> {
  await failAndRelease(deps, attempt, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order || order.status !== 'pending') return undefined;
    await updateOrder(tx, orderId, { status: 'failed', stage: 'failed', failureReason: reason, completedAt: new Date() });
    attempt.log.info({ order_id: orderId, reason }, 'order failed');
    await recordEvents(tx, order.organizationId, [{ type: 'order.failed', subject: { kind: 'order', id: orderId } }], order.correlationId);
    const { iccid, simType } = order.result as OrderResult;
    return { reserved: iccid ? { iccid, simType: simTypeOf(simType) } : undefined };
  });
}
