// Connect orders: NEW_ESIM (a SIM profile with its first subscriptions) and TOPUP (more
// subscriptions on a SIM the reseller already sold). Every rule of the provider's API
// is checked at once, naming the field; the order and its fulfilment job commit together.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { accessDenied, conflict, invalidParams, notFound } from '../errors.ts';
import { checkCustomerScope, type CustomerScope } from '../customers/scope.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { FULFIL_CONNECT_ORDER } from '../../jobs/kinds.ts';
import { findConnectSimById } from '../inventory/connect-sims.store.ts';
import { findConnectOrderById, insertConnectOrder, selectConnectOrders } from './connect-orders.store.ts';
import { countLiveSubscriptions } from '../subscriptions/connect-subscriptions.store.ts';
import { resellerProductsByIds } from '../catalog/reseller-products.store.ts';
import { connectRecordOf } from './order-record.ts';

export const MAX_LIVE_SUBSCRIPTIONS = 15;
/** Clocks differ: an activation date this close to now is not "in the past". */
const CLOCK_SKEW_MS = 60_000;

export interface ConnectDevice {
  id: string;
  type: string;
  model?: string;
  eid?: string;
  make?: string;
}

/** A Connect order to place (the body is mapped to it in api/connect/bodies.ts, which checked its shape). */
export interface PlaceConnectOrder {
  operationType: 'NEW_ESIM' | 'TOPUP';
  countryCode: string;
  /** The provider's customer object is open: what it holds besides the email is kept with the order. */
  customer?: { email: string; [more: string]: unknown };
  device?: ConnectDevice;
  subscriptions: { productId: string; activationDate?: string; price?: number; currency?: string }[];
  /** A TOPUP's eSIM, which the subscriptions are added to. */
  iccid?: string;
}

export interface ConnectContext {
  /** The database, or the transaction of an Idempotency-Key (see http/idempotency.ts). */
  db: Executor;
  queue: JobQueue;
}

async function checkSubscriptions(db: Executor, organizationId: string, input: PlaceConnectOrder, now: Date) {
  const products = await resellerProductsByIds(db, organizationId, [...new Set(input.subscriptions.map((s) => s.productId))]);
  input.subscriptions.forEach((s, i) => {
    const field = `input.subscriptions[${i}]`;
    const product = products.get(s.productId);
    if (!product) throw invalidParams(`${field}.product_id: no product ${s.productId} in this catalogue`);
    if (s.activationDate !== undefined && new Date(s.activationDate).getTime() < now.getTime() - CLOCK_SKEW_MS) {
      throw invalidParams(`${field}.activationDate: is in the past`);
    }
    if ((s.price === undefined) !== (s.currency === undefined)) throw invalidParams(`${field}.${s.price === undefined ? 'price' : 'currency'}: price and currency go together`);
    if (s.currency !== undefined && !(s.currency in (product.pricing as Record<string, number>))) {
      throw invalidParams(`${field}.currency: product ${product.id} has no price in ${s.currency}`);
    }
  });
}

/** A TOPUP's SIM: the reseller's own (its customer's, for an ACCOUNT_MANAGER), with room for the new subscriptions. */
async function checkTopUp(db: Executor, organizationId: string, input: PlaceConnectOrder, customer: CustomerScope) {
  const iccid = input.iccid;
  if (!iccid) throw invalidParams('input.esim.iccid: is required for a TOPUP');
  const sim = await findConnectSimById(db, iccid);
  if (!sim) throw invalidParams(`input.esim.iccid: no SIM ${iccid}`);
  if (sim.organizationId !== organizationId) throw accessDenied(`SIM ${iccid} belongs to another client`);
  checkCustomerScope(customer, sim.customerId, `SIM ${iccid}`);
  const live = await countLiveSubscriptions(db, iccid);
  if (live + input.subscriptions.length > MAX_LIVE_SUBSCRIPTIONS) {
    throw invalidParams(`input.subscriptions: SIM ${iccid} has ${live} active subscriptions; at most ${MAX_LIVE_SUBSCRIPTIONS}`);
  }
}

/**
 * Places an order. `customer` is the ACCOUNT_MANAGER's customer the order is for (null:
 * the client has none yet, and cannot order), or undefined for a RESELLER's order.
 */
export async function placeConnectOrder(ctx: ConnectContext, organizationId: string, input: PlaceConnectOrder, now = new Date(), customer?: CustomerScope, correlationId?: string) {
  if (customer === null) throw conflict('this ACCOUNT_MANAGER client acts for no customer yet: create it first (POST /v1/customer)');
  if (input.operationType === 'NEW_ESIM') {
    if (!input.customer) throw invalidParams('input.customer: is required for a NEW_ESIM');
    if (!input.device) throw invalidParams('input.device: is required for a NEW_ESIM');
    if (input.iccid) throw invalidParams('input.esim: only a TOPUP names an existing eSIM');
  } else {
    await checkTopUp(ctx.db, organizationId, input, customer);
  }
  await checkSubscriptions(ctx.db, organizationId, input, now);
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
  ctx.queue.wake();
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
