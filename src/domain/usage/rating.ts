// Rating: what a usage record costs the subscription. Pure: the ingest reads the
// subscription and its products (locked), rates the batch's records in order, then
// writes the items and what they took from the allowances, all in one transaction.
//
// - charged_quantity: voice rounded up to the plan's increment (45 s → 60 s), data
//   to its rounding unit, one per message.
// - free: inbound calls and messages in the home country.
// - in_bundle: covered by an allowance in force (which it consumes); roaming usage
//   only where the offering's footprint includes the country.
// - out_of_bundle: the rest. A record straddling the end of an allowance is split
//   into an in_bundle part and an out_of_bundle part.
// - amount: an out_of_bundle part's price at the rates of the plan in force (per MB
//   of 1,048,576 bytes, per minute, per message; times the roaming multiplier abroad),
//   in the plan's currency, to 4 decimals. Null without a plan or a rate for the type.
import type { CostType, UsageRecord, UsageType } from './usage-record.ts';

const DEFAULT_VOICE_INCREMENT = 60;
const DEFAULT_DATA_INCREMENT = 1024;

export interface RatedProduct {
  id: string;
  /** plan or add_on: plans' allowances are used first. */
  offeringType: string;
  status: string;
  activatedAt: Date;
  terminatesAt: Date | null;
  /** Allowances of the offering; null means none included. */
  allowance: Record<UsageType, number | null>;
  /** What has been taken so far (rating adds to it). */
  used: Record<UsageType, number>;
  /** Countries beyond home where the allowances apply (roaming). */
  footprint: string[];
  voiceIncrementSeconds: number;
  dataIncrementBytes: number;
  /** The offering's out-of-bundle prices (a plan's apply). */
  outOfBundle: OutOfBundleRates;
}

export interface OutOfBundleRates {
  currency: string;
  /** Per unit of each type; null: not priced. */
  perMb: number | null;
  perMinute: number | null;
  perSms: number | null;
  roamingMultiplier: number;
}

/** A subscription as it stood when a record started (attribution refused what fell outside its life or in a suspension). */
export interface RatedSubscription {
  homeCountry: string;
  products: RatedProduct[];
}

export interface RatedPart {
  part: number;
  quantity: number;
  chargedQuantity: number;
  costType: CostType;
  productId: string | null;
  roaming: boolean;
  /** out_of_bundle only: its price, and the currency of it. */
  amount: number | null;
  currency: string | null;
}

/** Rates one record against the subscription, taking what it uses from `subscription.products[].used`. */
export function rate(record: UsageRecord, subscription: RatedSubscription): RatedPart[] {
  const roaming = record.locationCountry !== subscription.homeCountry;
  const inForce = productsInForce(record, subscription);
  const charged = chargedQuantity(record, inForce);
  const unpriced = { amount: null, currency: null };
  const free = record.direction === 'inbound' && !roaming && record.type !== 'data';
  if (free || charged === 0) return [{ part: 0, quantity: record.quantity, chargedQuantity: charged, costType: 'free', productId: null, roaming, ...unpriced }];

  let left = charged;
  let firstProduct: string | null = null;
  for (const product of inForce.filter((p) => covers(p, record, roaming))) {
    const take = Math.min(left, product.allowance[record.type]! - product.used[record.type]);
    if (take <= 0) continue;
    product.used[record.type] += take;
    firstProduct ??= product.id;
    left -= take;
    if (left === 0) break;
  }
  const covered = charged - left;
  const rates = inForce.find((p) => p.offeringType === 'plan')?.outOfBundle;
  const priced = (quantity: number) => outOfBundlePrice(record.type, quantity, roaming, rates);
  if (covered === 0) return [{ part: 0, quantity: record.quantity, chargedQuantity: charged, costType: 'out_of_bundle', productId: null, roaming, ...priced(charged) }];
  if (left === 0) return [{ part: 0, quantity: record.quantity, chargedQuantity: charged, costType: 'in_bundle', productId: firstProduct, roaming, ...unpriced }];
  // Straddling the end of the allowance: the covered share, then the rest.
  const coveredQuantity = Math.min(record.quantity, covered);
  return [
    { part: 0, quantity: coveredQuantity, chargedQuantity: covered, costType: 'in_bundle', productId: firstProduct, roaming, ...unpriced },
    { part: 1, quantity: record.quantity - coveredQuantity, chargedQuantity: left, costType: 'out_of_bundle', productId: null, roaming, ...priced(left) },
  ];
}

const BYTES_PER_MB = 1_048_576;

/** The price of `charged` units of out-of-bundle usage at `rates`, to 4 decimals. */
export function outOfBundlePrice(type: UsageType, charged: number, roaming: boolean, rates: OutOfBundleRates | undefined): { amount: number | null; currency: string | null } {
  const perUnit = rates && { data: rates.perMb, voice: rates.perMinute, sms: rates.perSms }[type];
  if (perUnit === null || perUnit === undefined) return { amount: null, currency: null };
  const units = type === 'data' ? charged / BYTES_PER_MB : type === 'voice' ? charged / 60 : charged;
  const amount = units * perUnit * (roaming ? rates!.roamingMultiplier : 1);
  return { amount: Math.round(amount * 10_000) / 10_000, currency: rates!.currency };
}

/** Products whose allowances apply at the record's start: plans first, then add-ons, oldest first. */
function productsInForce(record: UsageRecord, subscription: RatedSubscription): RatedProduct[] {
  // By the record's time alone, never the product's status now: late usage of a
  // terminated subscription is rated as it would have been on time.
  const at = record.startedAt.getTime();
  return subscription.products
    .filter((p) => p.activatedAt.getTime() <= at && (p.terminatesAt === null || at < p.terminatesAt.getTime()))
    .sort((a, b) => rank(a) - rank(b) || a.activatedAt.getTime() - b.activatedAt.getTime());
}

const rank = (p: RatedProduct) => (p.offeringType === 'plan' ? 0 : 1);

function covers(product: RatedProduct, record: UsageRecord, roaming: boolean): boolean {
  if (product.allowance[record.type] === null) return false;
  return !roaming || product.footprint.includes(record.locationCountry);
}

function chargedQuantity(record: UsageRecord, inForce: RatedProduct[]): number {
  const plan = inForce.find((p) => p.offeringType === 'plan');
  if (record.type === 'voice') return roundUp(record.quantity, plan?.voiceIncrementSeconds ?? DEFAULT_VOICE_INCREMENT);
  if (record.type === 'data') return roundUp(record.quantity, plan?.dataIncrementBytes ?? DEFAULT_DATA_INCREMENT);
  return record.quantity;
}

const roundUp = (quantity: number, increment: number) => Math.ceil(quantity / increment) * increment;
