// The Connect catalogue: what a reseller sells. The operator sets it up; resellers read it.
import type { Executor } from '../../db/database.ts';
import { invalidParams, notFound } from '../errors.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import { opaqueId } from '../opaque-id.ts';
import * as store from './reseller-products.store.ts';

export type { ConnectProduct } from './reseller-products.store.ts';

export const PERIOD_UNITS = ['DAYS', 'MONTHS'] as const;
export const DATA_UNITS = ['MB', 'GB'] as const;

export interface ResellerProductInput {
  plan_id?: string;
  name: string;
  description?: string;
  period: number;
  period_unit: (typeof PERIOD_UNITS)[number];
  /** `units` as the seed spells it; `unit` as products.md does (either, or both alike). */
  data: { value: number; units?: (typeof DATA_UNITS)[number]; unit?: (typeof DATA_UNITS)[number] };
  footprint: string[];
  activeCountries?: string[];
  pricing: Record<string, number>;
  region: string;
}

export async function createResellerProduct(db: Executor, organizationId: string, input: ResellerProductInput) {
  await getOrganization(db, organizationId);
  const { units, unit } = input.data;
  if (units !== undefined && unit !== undefined && units !== unit) throw invalidParams('data.unit: and data.units name the same thing; give one');
  const dataUnits = units ?? unit;
  if (dataUnits === undefined) throw invalidParams('data.units: is required');
  const currencies = Object.keys(input.pricing);
  if (currencies.length === 0) throw invalidParams('pricing: at least one currency is required');
  const badCurrency = currencies.find((c) => !/^[A-Z]{3}$/.test(c));
  if (badCurrency) throw invalidParams(`pricing.${badCurrency}: is not an ISO 4217 currency code`);
  const badPrice = currencies.find((c) => !(input.pricing[c] >= 0));
  if (badPrice) throw invalidParams(`pricing.${badPrice}: must be a price of 0 or more`);
  return store.insertResellerProduct(db, {
    id: opaqueId(),
    organizationId,
    planId: input.plan_id ?? 'default',
    name: input.name,
    description: input.description ?? '',
    period: input.period,
    periodUnit: input.period_unit,
    dataValue: input.data.value,
    dataUnits,
    footprint: input.footprint,
    activeCountries: input.activeCountries ?? ['ALL'],
    pricing: input.pricing,
    region: input.region,
  });
}

export async function getResellerProduct(db: Executor, organizationId: string, id: string) {
  const product = await store.findResellerProduct(db, organizationId, id);
  if (!product) throw notFound(`product ${id}`);
  return product;
}

export const listResellerProducts = store.selectResellerProducts;
