// Fulfilment: what the order-fulfil job does. Each order moves through stages recorded
// on its row, each stage in its own transaction, so a retried job (after a crash, an
// SM-DP+ error or a timeout) resumes where the last one stopped and never does a step
// twice. An order ends completed, or failed with a reason and everything it took
// released — never half done.
import type { Db, Executor } from '../../db/database.ts';
import type { JobAttempt, JobQueue } from '../../jobs/queue.ts';
import { DELIVER_SIM_PROFILE, type OrderJob } from '../../jobs/kinds.ts';
import { allocateSim, findSim, releaseSim, updateSim } from '../inventory/sims.store.ts';
import { SmdpRefusal, type SmdpAdapter } from '../../network/smdp/smdp.ts';
import {
  provisionSubscription,
  resumeSubscription,
  suspendSubscription,
  swapSimProfile,
  terminateSubscription,
} from '../subscriptions/provisioning.ts';
import { ApiError } from '../../http/errors.ts';
import { ALLOWED_FROM, type OrderRequest } from './order-types.ts';
import { selectSubscriptions } from '../subscriptions/subscriptions.store.ts';
import { lockOrder, updateOrder, type OrderResult, type OrderRow } from './orders.store.ts';

export interface FulfilmentDeps {
  db: Db;
  queue: JobQueue;
  smdp: SmdpAdapter;
  quarantineDays: number;
}

/** A failure no retry can fix: the order fails with this reason at once. */
class OrderFailure extends Error {}

export async function fulfilOrder(deps: FulfilmentDeps, job: OrderJob, attempt: JobAttempt): Promise<void> {
  try {
    await advance(deps, job.orderId);
  } catch (error) {
    const final = error instanceof OrderFailure || error instanceof SmdpRefusal || error instanceof ApiError;
    if (!final && !attempt.last) throw error; // the queue retries with backoff
    await failOrder(deps, job.orderId, reasonOf(error));
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof ApiError) return error.messages.join('; ');
  if (error instanceof Error) return error.name === 'TimeoutError' ? 'SM-DP+ did not answer in time' : error.message;
  return String(error);
}

/** Runs the stages left for the order, one transaction each. */
async function advance(deps: FulfilmentDeps, orderId: string): Promise<void> {
  for (;;) {
    const next = await deps.db.transaction(async (tx) => {
      const order = await lockOrder(tx, orderId);
      if (!order || order.status !== 'pending') return DONE;
      return step(deps, tx, order);
    });
    if (next.afterCommit) await next.afterCommit();
    if (next.done) return;
  }
}

interface StepOutcome {
  /** The order reached its end; no stage is left. */
  done?: boolean;
  /** Network work that must happen outside the transaction, before the next stage. */
  afterCommit?: () => Promise<void>;
}

const DONE: StepOutcome = { done: true };
const NEXT: StepOutcome = {};

async function step(deps: FulfilmentDeps, tx: Executor, order: OrderRow): Promise<StepOutcome> {
  const request = order.request as OrderRequest;
  const result = order.result as OrderResult;
  if (order.subscriptionId && order.stage === 'accepted') await recheckSubscription(tx, order);
  switch (order.type) {
    case 'activate_subscription':
    case 'change_sim_profile':
      return stepWithNewProfile(deps, tx, order, request, result);
    case 'suspend_subscription':
      await suspendSubscription(tx, order.organizationId, order.subscriptionId!, request.reason ?? 'temporary');
      await complete(tx, order, result);
      return DONE;
    case 'resume_subscription':
      await resumeSubscription(tx, order.organizationId, order.subscriptionId!);
      await complete(tx, order, result);
      return DONE;
    case 'terminate_subscription':
      await terminateSubscription(tx, order.organizationId, order.subscriptionId!, new Date(), deps.quarantineDays);
      await complete(tx, order, result);
      return DONE;
    default:
      throw new OrderFailure(`unknown order type ${order.type}`);
  }
}

/** The state checked when the order was placed must still hold when it is fulfilled. */
async function recheckSubscription(tx: Executor, order: OrderRow): Promise<void> {
  const [view] = await selectSubscriptions(tx, order.organizationId, { id: order.subscriptionId!, rows: 1 });
  const allowed = ALLOWED_FROM[order.type] ?? [];
  if (!view || !allowed.includes(view.subscription.status)) {
    throw new OrderFailure(`subscription ${order.subscriptionId} is ${view?.subscription.status ?? 'gone'}; ${order.type} needs it ${allowed.join(' or ')}`);
  }
}

/** Activation and SIM swap: reserve an ICCID, prepare its profile at the SM-DP+, then put it to use. */
async function stepWithNewProfile(
  deps: FulfilmentDeps,
  tx: Executor,
  order: OrderRow,
  request: OrderRequest,
  result: OrderResult,
): Promise<StepOutcome> {
  const simType = request.sim_profile?.sim_type ?? 'esim';
  switch (order.stage) {
    case 'accepted': {
      const sim = await allocateSim(tx, order.organizationId, simType);
      if (!sim) throw new OrderFailure(`no ${simType} left in SIM inventory`);
      const reserved = { ...result, iccid: sim.iccid, simType };
      if (simType === 'psim') {
        await updateOrder(tx, order.id, { stage: 'prepared', result: reserved });
        return NEXT;
      }
      await updateOrder(tx, order.id, { stage: 'reserved', result: reserved });
      return { afterCommit: () => prepareProfile(deps, order.id, reserved) };
    }
    case 'reserved':
      // A retry after a crash between reserving and preparing.
      return { afterCommit: () => prepareProfile(deps, order.id, result) };
    case 'prepared':
      return order.type === 'activate_subscription'
        ? activate(deps, tx, order, request, result)
        : swap(deps, tx, order, request, result);
    default:
      throw new OrderFailure(`order ${order.id} is in an unknown stage ${order.stage}`);
  }
}

/** Asks the SM-DP+ for the profile (outside any transaction), then records it. */
async function prepareProfile(deps: FulfilmentDeps, orderId: string, result: OrderResult): Promise<void> {
  const iccid = result.iccid!;
  const prepared = await deps.smdp.prepareProfile(iccid);
  await deps.db.transaction(async (tx) => {
    await updateSim(tx, iccid, { state: 'released', matchingId: prepared.matchingId, smdpAddress: prepared.smdpAddress });
    await updateOrder(tx, orderId, { stage: 'prepared', result: { ...result, ...prepared } });
  });
}

async function activate(deps: FulfilmentDeps, tx: Executor, order: OrderRow, request: OrderRequest, result: OrderResult): Promise<StepOutcome> {
  const s = request.subscriber!;
  // An empty pool throws a ProvisioningError, an ApiError: the order fails with its message.
  const provisioned = await provisionSubscription(tx, order.organizationId, {
    accountId: order.accountId,
    templateId: order.templateId!,
    simType: result.simType === 'psim' ? 'psim' : 'esim',
    iccid: result.iccid,
    subscriber: { firstName: s.first_name, lastName: s.last_name, email: s.email, employeeId: s.employee_id, group: s.group },
  });
  const done: OrderResult = {
    ...result,
    msisdns: provisioned.msisdns,
    country: provisioned.country,
    subscriberId: provisioned.subscriber.id,
    delivery: deliveryOf(request),
  };
  await complete(tx, order, done, provisioned.subscription.id);
  await enqueueDelivery(deps, tx, order, request);
  return DONE;
}

async function swap(deps: FulfilmentDeps, tx: Executor, order: OrderRow, request: OrderRequest, result: OrderResult): Promise<StepOutcome> {
  const old = await currentIccid(tx, order);
  await swapSimProfile(tx, order.organizationId, order.subscriptionId!, old, result.iccid!);
  await complete(tx, order, { ...result, previousIccid: old ?? undefined, delivery: deliveryOf(request) });
  await enqueueDelivery(deps, tx, order, request);
  if (!old) return DONE;
  const oldSim = await findSim(tx, old);
  if (oldSim?.simType !== 'esim') return DONE;
  // The old profile is cancelled at the SM-DP+ once the swap is committed; an installed
  // profile cannot be cancelled there and is left for the device to delete.
  return { done: true, afterCommit: () => deps.smdp.cancelProfile(old, 'Unavailable').catch(() => {}) };
}

async function currentIccid(tx: Executor, order: OrderRow): Promise<string | null> {
  const [view] = await selectSubscriptions(tx, order.organizationId, { id: order.subscriptionId!, rows: 1 });
  return view?.subscription.iccid ?? null;
}

function deliveryOf(request: OrderRequest): OrderResult['delivery'] {
  const delivery = request.sim_profile?.delivery;
  if (!delivery) return undefined;
  return { type: delivery.type, to: delivery.to ?? [], cc: delivery.cc ?? [], status: delivery.type === 'email' ? 'queued' : 'available' };
}

async function enqueueDelivery(deps: FulfilmentDeps, tx: Executor, order: OrderRow, request: OrderRequest) {
  if (request.sim_profile?.sim_type === 'esim' && request.sim_profile.delivery?.type === 'email') {
    await deps.queue.send(tx, DELIVER_SIM_PROFILE, { orderId: order.id, correlationId: order.correlationId ?? undefined });
  }
}

async function complete(tx: Executor, order: OrderRow, result: OrderResult, subscriptionId = order.subscriptionId) {
  await updateOrder(tx, order.id, { status: 'completed', stage: 'done', result, subscriptionId, completedAt: new Date() });
}

/** Fails the order and gives back what it took: the reserved ICCID, and its profile at the SM-DP+. */
async function failOrder(deps: FulfilmentDeps, orderId: string, reason: string): Promise<void> {
  const iccidToCancel = await deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order || order.status !== 'pending') return undefined;
    const result = order.result as OrderResult;
    const reserved = result.iccid;
    if (reserved) await releaseSim(tx, reserved);
    await updateOrder(tx, orderId, { status: 'failed', stage: 'failed', failureReason: reason, completedAt: new Date() });
    // A profile ordered at the SM-DP+ goes back to its stock too (refused if it never got there).
    return result.simType === 'esim' && order.stage !== 'accepted' ? reserved : undefined;
  });
  if (iccidToCancel) await deps.smdp.cancelProfile(iccidToCancel, 'Available').catch(() => {});
}
