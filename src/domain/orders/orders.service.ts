// Placing orders: everything that can be checked at once is checked at once (400/409,
// naming the field); the order row and its fulfilment job then commit together.
import { isForeignKeyViolation, isUniqueViolation, type Executor } from '../../db/database.ts';
import { conflict, DomainError, notFound } from '../errors.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { FULFIL_ORDER } from '../../jobs/kinds.ts';
import { newId } from '../ids.ts';
import { findAccount } from '../accounts/accounts.store.ts';
import type { TemplateCache } from '../catalog/template-cache.ts';
import { selectSubscriptions } from '../subscriptions/subscriptions.store.ts';
import type { PlaceOrder } from './order-types.ts';
import { checkOrder, unknownAccount, type OrderReads } from './order-rules.ts';
import { recordOf } from './order-record.ts';
import * as store from './orders.store.ts';

export type { OrderRow, OrderResult } from './orders.store.ts';

export interface OrderContext {
  /** The database, or the transaction of an Idempotency-Key (see http/idempotency.ts). */
  db: Executor;
  queue: JobQueue;
  templates: TemplateCache;
}

/** The rules' reads (order-rules.ts) over the request's executor. */
export const orderReads = (ctx: OrderContext): OrderReads => ({
  template: (organizationId, id) =>
    ctx.templates.get(ctx.db, organizationId, id).catch((error: unknown) => {
      // Only "no such template" is the client's mistake; a database failure stays a 500.
      if (error instanceof DomainError && error.kind === 'not_found') return undefined;
      throw error;
    }),
  accountExists: async (organizationId, id) => (await findAccount(ctx.db, organizationId, id)) !== undefined,
  subscription: async (organizationId, id) => (await selectSubscriptions(ctx.db, organizationId, { id, rows: 1 }))[0]?.subscription,
});

/** Field names in refusals are the Enterprise body's (`template_id`), the one API that places these orders. */
export async function placeOrder(ctx: OrderContext, organizationId: string, command: PlaceOrder, correlationId?: string) {
  await checkOrder(orderReads(ctx), organizationId, command);

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
    ctx.queue.wake(FULFIL_ORDER);
    return order;
  } catch (error) {
    if (isForeignKeyViolation(error, 'orders_account_fk')) throw unknownAccount(command.accountId);
    if (isUniqueViolation(error)) {
      throw conflict(`subscription_id: an order is already pending for subscription ${command.subscriptionId}`);
    }
    throw error;
  }
}

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
    ctx.queue.wake(FULFIL_ORDER);
    return order;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`order ${id}: another order is pending for its subscription`);
    throw error;
  }
}
