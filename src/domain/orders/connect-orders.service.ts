// Connect orders: NEW_ESIM (a SIM profile with its first subscriptions) and TOPUP (more
// subscriptions on a SIM the reseller already sold). Every rule of the provider's API
// is checked at once, naming the field; the order and its fulfilment job commit together.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { accessDenied, notFound } from '../errors.ts';
import { checkCustomerScope, type CustomerScope } from '../customers/scope.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { FULFIL_CONNECT_ORDER } from '../../jobs/kinds.ts';
import { findConnectSimById } from '../inventory/connect-sims.store.ts';
import { findConnectOrderById, insertConnectOrder, selectConnectOrders } from './connect-orders.store.ts';
import { countLiveSubscriptions } from '../subscriptions/connect-subscriptions.store.ts';
import { resellerProductsByIds } from '../catalog/reseller-products.store.ts';
import { ExchangeRates } from '../catalog/exchange-rates.ts';
import { readConnectSettings } from '../organizations/connect-settings.service.ts';
import { checkConnectOrder, type ConnectOrderReads } from './connect-order-rules.ts';
import { connectRecordOf } from './order-record.ts';

export interface ConnectDevice {
  id: string;
  /** Required for a NEW_ESIM, optional for a TOPUP (orders.md's tables). */
  type?: string;
  model?: string;
  eid?: string;
  make?: string;
}

/** A Connect order to place (the body is mapped to it in api/connect/bodies.ts, which checked its shape). */
export interface PlaceConnectOrder {
  operationType: 'NEW_ESIM' | 'TOPUP';
  /** Required for a NEW_ESIM; for a TOPUP only if the reseller's settings say so ("configurable"). */
  countryCode?: string;
  /** The provider's customer object is open: what it holds besides the email is kept with the order. */
  customer?: { email: string; [more: string]: unknown };
  device?: ConnectDevice;
  subscriptions: { productId: string; activationDate?: string; price?: number; currency?: string; autoRenew?: boolean }[];
  /** A TOPUP's eSIM, which the subscriptions are added to. */
  iccid?: string;
}

export interface ConnectContext {
  /** The database, or the transaction of an Idempotency-Key (see http/idempotency.ts). */
  db: Executor;
  queue: JobQueue;
}

/** The reads of the order's rules, over one executor. */
export const connectOrderReads = (db: Executor): ConnectOrderReads => ({
  products: (organizationId, ids) => resellerProductsByIds(db, organizationId, ids),
  sim: (iccid) => findConnectSimById(db, iccid),
  liveSubscriptions: (iccid) => countLiveSubscriptions(db, iccid),
  exchangeRates: () => ExchangeRates.load(db),
  topupRequiresCountryCode: async (organizationId) => (await readConnectSettings(db, organizationId)).topupRequiresCountryCode,
});

/**
 * Places an order. `customer` is the ACCOUNT_MANAGER's customer the order is for (null:
 * the client has none yet, and cannot order), or undefined for a RESELLER's order.
 */
export async function placeConnectOrder(ctx: ConnectContext, organizationId: string, input: PlaceConnectOrder, now = new Date(), customer?: CustomerScope, correlationId?: string) {
  await checkConnectOrder(connectOrderReads(ctx.db), organizationId, input, now, customer);
  const order = await ctx.db.transaction(async (tx) => {
    const row = await insertConnectOrder(tx, {
      id: randomUUID(),
      organizationId,
      customerId: customer ?? null,
      operationType: input.operationType,
      input: connectRecordOf(input),
      output: input.iccid ? { iccid: input.iccid } : {},
    });
    await ctx.queue.send(tx, FULFIL_CONNECT_ORDER, { orderId: row.id, correlationId });
    return row;
  });
  ctx.queue.wake(FULFIL_CONNECT_ORDER);
  return order;
}

/** The organization's order; another's is refused as theirs (ACCESS_DENIED), as the provider does. */
export async function getConnectOrder(db: Executor, organizationId: string, id: string, customer?: CustomerScope) {
  const order = await findConnectOrderById(db, id);
  if (!order) throw notFound(`order ${id}`);
  if (order.organizationId !== organizationId) throw accessDenied(`order ${id} belongs to another client`);
  checkCustomerScope(customer, order.customerId, `order ${id}`);
  return order;
}

export const listConnectOrders = selectConnectOrders;
