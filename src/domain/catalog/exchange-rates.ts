// Prices in a currency a product has no price in. The operator keeps exchange rates (one
// unit of a currency in another); Connect shows a product's price in the currency asked
// for (EUR by default, as products.md says): its own price in that currency when it has
// one, else one of its prices converted by a rate, saying which. A rate converts back
// too (1 / rate), unless the operator set the reverse rate as well.
import type { Executor } from '../../db/database.ts';
import { invalidParams, notFound } from '../errors.ts';
import { connectTime } from '../time.ts';
import { deleteExchangeRate, insertExchangeRateUnlessSet, selectExchangeRates, upsertExchangeRate, type ExchangeRateRow } from './exchange-rates.store.ts';

/** products.md: "The currency in which the price is presented … Default EUR". */
export const DEFAULT_CURRENCY = 'EUR';

const ISO_4217 = new Set(Intl.supportedValuesOf('currency'));
/** The largest rate numeric(20, 10) holds. */
const MAX_RATE = 1e10;

/** Refuses anything but an ISO 4217 code (upper case, as the pages write them), naming the field. */
export function checkCurrency(code: string, field: string): string {
  if (!/^[A-Z]{3}$/.test(code) || !ISO_4217.has(code)) throw invalidParams(`${field}: ${code} is not an ISO 4217 currency code (e.g. EUR, USD)`);
  return code;
}

export interface ExchangeRate {
  from: string;
  to: string;
  rate: number;
  setAt: Date;
}

const rateOf = (row: ExchangeRateRow): ExchangeRate => ({ from: row.fromCurrency, to: row.toCurrency, rate: Number(row.rate), setAt: row.setAt });

export async function listExchangeRates(db: Executor): Promise<ExchangeRate[]> {
  return (await selectExchangeRates(db)).map(rateOf);
}

/** Sets (or replaces) how many units of `to` one unit of `from` is worth. */
export async function setExchangeRate(db: Executor, from: string, to: string, rate: number): Promise<ExchangeRate> {
  checkCurrency(from, 'from_currency');
  checkCurrency(to, 'to_currency');
  if (from === to) throw invalidParams('to_currency: must differ from from_currency');
  if (!Number.isFinite(rate) || rate <= 0 || rate >= MAX_RATE) throw invalidParams(`rate: must be more than 0 and less than ${MAX_RATE}`);
  // Ten decimals is what is stored; a rate that rounds to nothing is none.
  if (Number(rate.toFixed(10)) === 0) throw invalidParams('rate: must be at least 0.0000000001');
  return rateOf(await upsertExchangeRate(db, from, to, rate.toFixed(10)));
}

/** Sets a rate only where the operator set none (the demo's rates). */
export async function insertExchangeRateIfNone(db: Executor, from: string, to: string, rate: number): Promise<void> {
  await insertExchangeRateUnlessSet(db, checkCurrency(from, 'from_currency'), checkCurrency(to, 'to_currency'), rate.toFixed(10));
}

export async function removeExchangeRate(db: Executor, from: string, to: string): Promise<void> {
  if (!(await deleteExchangeRate(db, from, to))) throw notFound(`exchange rate ${from} to ${to}`);
}

/** How a price shown in a currency was found (the cellhub extension `pricing_source`). */
export type PriceSource =
  | { currency: string; source: 'catalogue' }
  | {
      currency: string;
      source: 'exchange_rate';
      /** The product's own price it was converted from. */
      from_currency: string;
      from_amount: number;
      /** Units of `currency` per unit of `from_currency`. */
      rate: number;
      /** When the operator set the rate. */
      rate_set_at: string;
      /** The operator set the rate the other way round (currency → from_currency); its inverse was used. */
      inverse?: true;
    };

/** The operator's rates, looked up both ways. */
export class ExchangeRates {
  private readonly byPair = new Map<string, ExchangeRate>();

  constructor(rates: ExchangeRate[]) {
    for (const r of rates) this.byPair.set(`${r.from}>${r.to}`, r);
  }

  static async load(db: Executor): Promise<ExchangeRates> {
    return new ExchangeRates(await listExchangeRates(db));
  }

  /** The rate from one currency to another: the operator's own, else the inverse of the reverse one. */
  find(from: string, to: string): { rate: number; setAt: Date; inverse: boolean } | undefined {
    const direct = this.byPair.get(`${from}>${to}`);
    if (direct) return { rate: direct.rate, setAt: direct.setAt, inverse: false };
    const reverse = this.byPair.get(`${to}>${from}`);
    if (reverse) return { rate: Number((1 / reverse.rate).toPrecision(10)), setAt: reverse.setAt, inverse: true };
    return undefined;
  }

  /** Whether a price list can be shown in `currency`. */
  reaches(pricing: Record<string, number>, currency: string): boolean {
    return currency in pricing || Object.keys(pricing).some((c) => this.find(c, currency));
  }
}

/** Currencies in the order their prices are converted from: EUR (the default) first, then alphabetically. */
const preferred = (a: string, b: string) => (a === DEFAULT_CURRENCY ? -1 : b === DEFAULT_CURRENCY ? 1 : a.localeCompare(b));

/** Rounds to the cent (half away from zero). */
const cents = (amount: number) => Math.round((amount + Number.EPSILON) * 100) / 100;

/**
 * The price in `currency`: the product's own, else converted from one of its prices by a
 * rate (an operator's own rate before an inverted one; EUR before other currencies).
 * Undefined when neither can be had.
 */
export function priceIn(pricing: Record<string, number>, currency: string, rates: ExchangeRates): { amount: number; source: PriceSource } | undefined {
  if (currency in pricing) return { amount: pricing[currency], source: { currency, source: 'catalogue' } };
  const candidates = Object.keys(pricing)
    .sort(preferred)
    .map((from) => ({ from, found: rates.find(from, currency) }))
    .filter((c): c is { from: string; found: NonNullable<ReturnType<ExchangeRates['find']>> } => c.found !== undefined)
    .sort((a, b) => Number(a.found.inverse) - Number(b.found.inverse));
  const best = candidates[0];
  if (!best) return undefined;
  return {
    amount: cents(pricing[best.from] * best.found.rate),
    source: {
      currency,
      source: 'exchange_rate',
      from_currency: best.from,
      from_amount: pricing[best.from],
      rate: best.found.rate,
      rate_set_at: connectTime(best.found.setAt),
      ...(best.found.inverse ? { inverse: true as const } : {}),
    },
  };
}

/**
 * The refusal of a price that cannot be shown in `currency`, naming the field and the
 * currency; `isDefault` when the client named none and EUR was taken.
 */
export function noPriceIn(productId: string, pricing: Record<string, number>, currency: string, field: string, isDefault = false): Error {
  const own = Object.keys(pricing).sort(preferred);
  return invalidParams(
    `${field}: product ${productId} has no price in ${currency}${isDefault ? ' (the default currency)' : ''}, and no exchange rate converts ${own.join(' or ')} to ${currency}` +
      (isDefault ? `; ask for ?${field}=${own[0]}, or have the operator set a rate` : ' (the operator sets rates)'),
  );
}
