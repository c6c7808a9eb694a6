// The rules a Connect order must meet to be accepted, checked at once and naming the
// field: what each operation needs, the products and their prices, and room on a
// TOPUP's SIM. They read through ConnectOrderReads, passed in: the stores over the
// request's executor in the service (connectOrderReads), stand-ins in a unit test.
import { conflict, accessDenied, invalidParams } from '../errors.ts';
import { checkCustomerScope, type CustomerScope } from '../customers/scope.ts';
import type { PlaceConnectOrder } from './connect-orders.service.ts';

export const MAX_LIVE_SUBSCRIPTIONS = 15;
/** Clocks differ: an activation date this close to now is not "in the past". */
const CLOCK_SKEW_MS = 60_000;

export interface ConnectOrderReads {
  /** The organization's products among these ids, by id. */
  products(organizationId: string, ids: string[]): Promise<Map<string, { id: string; pricing: unknown }>>;
  sim(iccid: string): Promise<{ organizationId: string; customerId: string | null } | undefined>;
  /** The SIM's subscriptions that are pending or active. */
  liveSubscriptions(iccid: string): Promise<number>;
}

async function checkSubscriptions(reads: ConnectOrderReads, organizationId: string, input: PlaceConnectOrder, now: Date) {
  const products = await reads.products(organizationId, [...new Set(input.subscriptions.map((s) => s.productId))]);
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
async function checkTopUp(reads: ConnectOrderReads, organizationId: string, input: PlaceConnectOrder, customer: CustomerScope) {
  const iccid = input.iccid;
  if (!iccid) throw invalidParams('input.esim.iccid: is required for a TOPUP');
  const sim = await reads.sim(iccid);
  if (!sim) throw invalidParams(`input.esim.iccid: no SIM ${iccid}`);
  if (sim.organizationId !== organizationId) throw accessDenied(`SIM ${iccid} belongs to another client`);
  checkCustomerScope(customer, sim.customerId, `SIM ${iccid}`);
  const live = await reads.liveSubscriptions(iccid);
  if (live + input.subscriptions.length > MAX_LIVE_SUBSCRIPTIONS) {
    throw invalidParams(`input.subscriptions: SIM ${iccid} has ${live} active subscriptions; at most ${MAX_LIVE_SUBSCRIPTIONS}`);
  }
}

/**
 * Refuses an order that breaks a rule, with the first broken one. `customer`: the
 * ACCOUNT_MANAGER's customer the order is for (null: it has none yet, and cannot
 * order), or undefined for a RESELLER.
 */
export async function checkConnectOrder(reads: ConnectOrderReads, organizationId: string, input: PlaceConnectOrder, now: Date, customer: CustomerScope): Promise<void> {
  if (customer === null) throw conflict('this ACCOUNT_MANAGER client acts for no customer yet: create it first (POST /v1/customer)');
  if (input.operationType === 'NEW_ESIM') {
    if (!input.customer) throw invalidParams('input.customer: is required for a NEW_ESIM');
    if (!input.device) throw invalidParams('input.device: is required for a NEW_ESIM');
    if (input.iccid) throw invalidParams('input.esim: only a TOPUP names an existing eSIM');
  } else {
    await checkTopUp(reads, organizationId, input, customer);
  }
  await checkSubscriptions(reads, organizationId, input, now);
}
