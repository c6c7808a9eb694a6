// Placing orders: everything that can be checked at once is checked at once (400/409,
// naming the field); the order row and its fulfilment job then commit together.
import { isForeignKeyViolation, isUniqueViolation, type Executor } from '../../db/database.ts';
import { conflict, DomainError, invalidParams, notFound } from '../errors.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { FULFIL_ORDER } from '../../jobs/kinds.ts';
import { newId } from '../ids.ts';
import { findAccount } from '../accounts/accounts.store.ts';
import type { TemplateCache } from '../catalog/template-cache.ts';
import { selectSubscriptions } from '../subscriptions/subscriptions.store.ts';
import { ALLOWED_FROM, type PlaceOrder } from './order-types.ts';
import { recordOf } from './order-record.ts';
import * as store from './orders.store.ts';

export type { OrderRow, OrderResult } from './orders.store.ts';

export interface OrderContext {
  /** The database, or the transaction of an Idempotency-Key (see http/idempotency.ts). */
  db: Executor;
  queue: JobQueue;
  templates: TemplateCache;
}

async function checkActivation(ctx: OrderContext, organizationId: string, order: PlaceOrder) {
  if (!order.templateId) throw invalidParams('template_id: is required for activate_subscription');
  if (!order.subscriber) throw invalidParams('subscriber: is required for activate_subscription');
  if (!order.simProfile) throw invalidParams('sim_profile: is required for activate_subscription');
  const template = await ctx.templates.get(ctx.db, organizationId, order.templateId).catch((error: unknown) => {
    // Only "no such template" is the client's mistake; a database failure stays a 500.
    if (error instanceof DomainError && error.kind === 'not_found') {
      throw invalidParams(`template_id: no order template ${order.templateId} in this organization`);
    }
    throw error;
  });
  if (template.type !== order.type) throw invalidParams(`template_id: is a ${template.type} template, not ${order.type}`);
  if (!template.numberPoolId) throw invalidParams(`template_id: template ${template.id} names no number pool`);
  checkDelivery(order);
}

export function checkDelivery(order: PlaceOrder) {
  const sim = order.simProfile;
  if (!sim) return;
  if (sim.simType === 'esim' && !sim.delivery) throw invalidParams('sim_profile.delivery: is required for an eSIM');
  if (sim.delivery?.type === 'email' && !sim.delivery.to?.length) {
    throw invalidParams('sim_profile.delivery.to: at least one address is required for email delivery');
  }
}

async function checkSubscriptionChange(db: Executor, organizationId: string, order: PlaceOrder) {
  if (!(await findAccount(db, organizationId, order.accountId))) throw unknownAccount(order.accountId);
  if (!order.subscriptionId) throw invalidParams(`subscription_id: is required for ${order.type}`);
  if (order.type === 'suspend_subscription' && !order.reason) throw invalidParams('reason: is required for suspend_subscription');
  if (order.type === 'change_sim_profile') {
    if (!order.simProfile) throw invalidParams('sim_profile: is required for change_sim_profile');
    checkDelivery(order);
  }
  const [view] = await selectSubscriptions(db, organizationId, { id: order.subscriptionId, rows: 1 });
  if (!view) throw invalidParams(`subscription_id: no subscription ${order.subscriptionId} in this organization`);
  const subscription = view.subscription;
  if (subscription.accountId !== order.accountId) {
    throw invalidParams(`subscription_id: belongs to account ${subscription.accountId}, not ${order.accountId}`);
  }
  if (!ALLOWED_FROM[order.type].includes(subscription.status)) {
    throw conflict(`subscription ${subscription.id} is ${subscription.status}; ${order.type} needs it ${ALLOWED_FROM[order.type].join(' or ')}`);
  }
}

/** Field names in refusals are the Enterprise body's (`template_id`), the one API that places these orders. */
export async function placeOrder(ctx: OrderContext, organizationId: string, command: PlaceOrder, correlationId?: string) {
  // An activation's account is checked by the order's insert (orders_account_fk); a
  // change reads its subscription, so its account is read first, for a clear answer.
  if (command.type === 'activate_subscription') await checkActivation(ctx, organizationId, command);
  else await checkSubscriptionChange(ctx.db, organizationId, command);

  const id = newId('order');
  const job = await ctx.queue.insertion(FULFIL_ORDER, { orderId: id, correlationId });
  try {
    const order = await store.insertOrder(
      ctx.db,
      {
        id,
        organizationId,
        accountId: command.accountId,
        type: command.type,
        subscriptionId: command.subscriptionId ?? null,
        templateId: command.templateId ?? null,
        request: recordOf(command),
        correlationId: correlationId ?? null,
      },
      job,
    );
    ctx.queue.wake();
    return order;
  } catch (error) {
    if (isForeignKeyViolation(error, 'orders_account_fk')) throw unknownAccount(command.accountId);
    if (isUniqueViolation(error)) {
      throw conflict(`subscription_id: an order is already pending for subscription ${command.subscriptionId}`);
    }
    throw error;
  }
}

const unknownAccount = (id: string) => invalidParams(`account_id: no account ${id} in this organization`);

export async function getOrder(db: Executor, organizationId: string, id: string) {
  const [order] = await store.selectOrders(db, organizationId, { id, rows: 1 });
  if (!order) throw notFound(`order ${id}`);
  return order;
}

export function listOrders(db: Executor, organizationId: string | undefined, filter: store.OrderFilter) {
  return store.selectOrders(db, organizationId, filter);
}

/** Puts a failed order back in the queue, from the start (what it took was released when it failed). */
export async function retryOrder(ctx: OrderContext, id: string) {
  try {
    const order = await ctx.db.transaction(async (tx) => {
      const row = await store.lockOrder(tx, id);
      if (!row) throw notFound(`order ${id}`);
      if (row.status !== 'failed') throw conflict(`order ${id} is ${row.status}; only a failed order can be retried`);
      await store.updateOrder(tx, id, { status: 'pending', stage: 'accepted', failureReason: null, result: {}, completedAt: null });
      await ctx.queue.send(tx, FULFIL_ORDER, { orderId: id, correlationId: row.correlationId ?? undefined });
      return { ...row, status: 'pending', stage: 'accepted', failureReason: null, result: {}, completedAt: null };
    });
    ctx.queue.wake();
    return order;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`order ${id}: another order is pending for its subscription`);
    throw error;
  }
}
