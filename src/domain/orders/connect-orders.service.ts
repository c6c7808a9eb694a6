// Connect orders: NEW_ESIM (a SIM profile with its first subscriptions) and TOPUP (more
// subscriptions on a SIM the reseller already sold). Every rule of the provider's API
// is checked at once, naming the field; the order and its fulfilment job commit together.
import { randomUUID } from 'node:crypto';
import { isSupportedCountry } from 'libphonenumber-js';
import type { Executor } from '../../db/database.ts';
import { accessDenied, conflict, invalidParams, notFound } from '../errors.ts';
import { checkCustomerScope, type CustomerScope } from '../customers/scope.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { FULFIL_CONNECT_ORDER } from '../../jobs/kinds.ts';
import { findConnectSimById } from '../inventory/connect-sims.store.ts';
import { findConnectOrderById, insertConnectOrder, selectConnectOrders } from './connect-orders.store.ts';
import { countLiveSubscriptions } from '../subscriptions/connect-subscriptions.store.ts';
import { resellerProductsByIds } from '../catalog/reseller-products.store.ts';
import { checkCurrency, ExchangeRates, noPriceIn } from '../catalog/exchange-rates.ts';
import { readConnectSettings } from '../organizations/connect-settings.service.ts';

export const MAX_LIVE_SUBSCRIPTIONS = 15;
/** Clocks differ: an activation date this close to now is not "in the past". */
const CLOCK_SKEW_MS = 60_000;

export interface ConnectOrderInput {
  /** TOPUP_ACTIVATION: the deprecated name of TOPUP the pages still print; stored as TOPUP. */
  operationType: 'NEW_ESIM' | 'TOPUP' | 'TOPUP_ACTIVATION';
  /** Required for a NEW_ESIM; for a TOPUP only if the reseller's settings say so ("configurable"). */
  countryCode?: string;
  customer?: { email: string; [more: string]: unknown };
  /** `type` is required for a NEW_ESIM, optional for a TOPUP (orders.md's tables). */
  device?: { id: string; type?: string; model?: string; eid?: string; make?: string };
  subscriptions: { product_id: string; activationDate?: string; price?: number; currency?: string; auto_renew?: boolean | 'true' | 'false' }[];
  esim?: { iccid: string };
  /** Set by cellhub on the order an auto-renewal makes: the subscription it renews. */
  renewalOf?: string;
}

/** `auto_renew` as sent: a boolean, or the string the pages print ("false"). */
export const autoRenewOf = (s: { auto_renew?: boolean | 'true' | 'false' }) => s.auto_renew === true || s.auto_renew === 'true';

export interface ConnectContext {
  /** The database, or the transaction of an Idempotency-Key (see http/idempotency.ts). */
  db: Executor;
  queue: JobQueue;
}

async function checkSubscriptions(db: Executor, organizationId: string, input: ConnectOrderInput, now: Date) {
  const products = await resellerProductsByIds(db, organizationId, [...new Set(input.subscriptions.map((s) => s.product_id))]);
  const rates = input.subscriptions.some((s) => s.currency !== undefined) ? await ExchangeRates.load(db) : new ExchangeRates([]);
  input.subscriptions.forEach((s, i) => {
    const field = `input.subscriptions[${i}]`;
    const product = products.get(s.product_id);
    if (!product) throw invalidParams(`${field}.product_id: no product ${s.product_id} in this catalogue`);
    if (s.activationDate !== undefined && new Date(s.activationDate).getTime() < now.getTime() - CLOCK_SKEW_MS) {
      throw invalidParams(`${field}.activationDate: is in the past`);
    }
    if ((s.price === undefined) !== (s.currency === undefined)) throw invalidParams(`${field}.${s.price === undefined ? 'price' : 'currency'}: price and currency go together`);
    // "one of the currencies supported by the client": one the product is priced in, or one a rate converts its price to.
    if (s.currency !== undefined) {
      checkCurrency(s.currency, `${field}.currency`);
      const pricing = product.pricing as Record<string, number>;
      if (!rates.reaches(pricing, s.currency)) throw noPriceIn(product.id, pricing, s.currency, `${field}.currency`);
    }
  });
}

/** A TOPUP's SIM: the reseller's own (its customer's, for an ACCOUNT_MANAGER), with room for the new subscriptions. */
async function checkTopUp(db: Executor, organizationId: string, input: ConnectOrderInput, customer: CustomerScope) {
  const iccid = input.esim?.iccid;
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
 * orders.md: `countryCode` is required for a NEW_ESIM, and "configurable" for a TOPUP:
 * required only of a reseller the operator configured so. When given, it must be a country.
 */
async function checkCountryCode(db: Executor, organizationId: string, input: ConnectOrderInput) {
  const code = input.countryCode;
  if (code === undefined) {
    if (input.operationType === 'NEW_ESIM') throw invalidParams('input.countryCode: is required for a NEW_ESIM');
    if ((await readConnectSettings(db, organizationId)).topupRequiresCountryCode) {
      throw invalidParams('input.countryCode: is required for a TOPUP by this reseller\'s settings');
    }
    return;
  }
  if (!isSupportedCountry(code)) throw invalidParams(`input.countryCode: ${code} is not an ISO 3166-1 alpha-2 country code`);
}

/**
 * Places an order. `customer` is the ACCOUNT_MANAGER's customer the order is for (null:
 * the client has none yet, and cannot order), or undefined for a RESELLER's order.
 */
export async function placeConnectOrder(ctx: ConnectContext, organizationId: string, asSent: ConnectOrderInput, now = new Date(), customer?: CustomerScope, correlationId?: string) {
  const input: ConnectOrderInput = asSent.operationType === 'TOPUP_ACTIVATION' ? { ...asSent, operationType: 'TOPUP' } : asSent;
  if (customer === null) throw conflict('this ACCOUNT_MANAGER client acts for no customer yet: create it first (POST /v1/customer)');
  await checkCountryCode(ctx.db, organizationId, input);
  if (input.operationType === 'NEW_ESIM') {
    if (!input.customer) throw invalidParams('input.customer: is required for a NEW_ESIM');
    if (!input.device) throw invalidParams('input.device: is required for a NEW_ESIM');
    if (!input.device.type) throw invalidParams('input.device.type: is required for a NEW_ESIM');
    if (input.esim) throw invalidParams('input.esim: only a TOPUP names an existing eSIM');
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
      input,
      output: input.esim ? { iccid: input.esim.iccid } : {},
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
