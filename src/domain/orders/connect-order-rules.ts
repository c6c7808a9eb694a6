// The rules a Connect order must meet to be accepted, checked at once and naming the
// field: what each operation needs, the products and their prices, and room on a
// TOPUP's SIM. They read through ConnectOrderReads, passed in: the stores over the
// request's executor in the service (connectOrderReads), stand-ins in a unit test.
import { conflict, accessDenied, invalidParams } from '../errors.ts';
import { checkCustomerScope, type CustomerScope } from '../customers/scope.ts';
import { isSupportedCountry } from 'libphonenumber-js';
import type { PlaceConnectOrder } from './connect-orders.service.ts';
import { checkCurrency, noPriceIn, type ExchangeRates } from '../catalog/exchange-rates.ts';

export const MAX_LIVE_SUBSCRIPTIONS = 15;
/** Clocks differ: an activation date this close to now is not "in the past". */
const CLOCK_SKEW_MS = 60_000;

export interface ConnectOrderReads {
  /** The organization's products among these ids, by id. */
  products(organizationId: string, ids: string[]): Promise<Map<string, { id: string; pricing: unknown }>>;
  sim(iccid: string): Promise<{ organizationId: string; customerId: string | null } | undefined>;
  /** The SIM's subscriptions that are pending or active. */
  liveSubscriptions(iccid: string): Promise<number>;
  /** The operator's exchange rates. */
  exchangeRates(): Promise<ExchangeRates>;
  /** Whether the reseller's settings make `countryCode` required on a TOPUP. */
  topupRequiresCountryCode(organizationId: string): Promise<boolean>;
}

async function checkSubscriptions(reads: ConnectOrderReads, organizationId: string, input: PlaceConnectOrder, now: Date) {
  const products = await reads.products(organizationId, [...new Set(input.subscriptions.map((s) => s.productId))]);
  const rates = input.subscriptions.some((s) => s.currency !== undefined) ? await reads.exchangeRates() : undefined;
  input.subscriptions.forEach((s, i) => {
    const field = `input.subscriptions[${i}]`;
    const product = products.get(s.productId);
    if (!product) throw invalidParams(`${field}.product_id: no product ${s.productId} in this catalogue`);
    if (s.activationDate !== undefined && new Date(s.activationDate).getTime() < now.getTime() - CLOCK_SKEW_MS) {
      throw invalidParams(`${field}.activationDate: is in the past`);
    }
    if ((s.price === undefined) !== (s.currency === undefined)) throw invalidParams(`${field}.${s.price === undefined ? 'price' : 'currency'}: price and currency go together`);
    // "one of the currencies supported by the client": one the product is priced in, or one a rate converts its price to.
    if (s.currency !== undefined) {
      checkCurrency(s.currency, `${field}.currency`);
      const pricing = product.pricing as Record<string, number>;
      if (!rates!.reaches(pricing, s.currency)) throw noPriceIn(product.id, pricing, s.currency, `${field}.currency`);
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
 * orders.md: `countryCode` is required for a NEW_ESIM, and "configurable" for a TOPUP:
 * required only of a reseller the operator configured so. When given, it must be a country.
 */
async function checkCountryCode(reads: ConnectOrderReads, organizationId: string, input: PlaceConnectOrder) {
  const code = input.countryCode;
  if (code === undefined) {
    if (input.operationType === 'NEW_ESIM') throw invalidParams('input.countryCode: is required for a NEW_ESIM');
    if (await reads.topupRequiresCountryCode(organizationId)) throw invalidParams("input.countryCode: is required for a TOPUP by this reseller's settings");
    return;
  }
  if (!isSupportedCountry(code)) throw invalidParams(`input.countryCode: ${code} is not an ISO 3166-1 alpha-2 country code`);
}

/**
 * Refuses an order that breaks a rule, with the first broken one. `customer`: the
 * ACCOUNT_MANAGER's customer the order is for (null: it has none yet, and cannot
 * order), or undefined for a RESELLER.
 */
export async function checkConnectOrder(reads: ConnectOrderReads, organizationId: string, input: PlaceConnectOrder, now: Date, customer: CustomerScope): Promise<void> {
  if (customer === null) throw conflict('this ACCOUNT_MANAGER client acts for no customer yet: create it first (POST /v1/customer)');
  await checkCountryCode(reads, organizationId, input);
  if (input.operationType === 'NEW_ESIM') {
    if (!input.customer) throw invalidParams('input.customer: is required for a NEW_ESIM');
    if (!input.device) throw invalidParams('input.device: is required for a NEW_ESIM');
    if (!input.device.type) throw invalidParams('input.device.type: is required for a NEW_ESIM');
    if (input.iccid) throw invalidParams('input.esim: only a TOPUP names an existing eSIM');
  } else {
    await checkTopUp(reads, organizationId, input, customer);
  }
  await checkSubscriptions(reads, organizationId, input, now);
}
