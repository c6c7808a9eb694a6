// Product offerings: what an organization can put on a subscription, a plan or an
// add-on, with its allowances, validity, price and footprint. Set up by the operator.
import type { Executor } from '../../db/database.ts';
import { invalidParams } from '../errors.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import { newId } from '../ids.ts';
import * as store from './offerings.store.ts';

export type { Offering } from './offerings.store.ts';

export interface NewOffering {
  type: 'plan' | 'add_on';
  name: string;
  description?: string;
  dataBytes?: number | null;
  voiceSeconds?: number | null;
  smsCount?: number | null;
  validityDays: number;
  price: string;
  currency: string;
  footprint?: string[];
  voiceIncrementSeconds?: number;
  dataIncrementBytes?: number;
  /** A plan's prices of usage beyond its allowances; unset or null: not priced. */
  outOfBundle?: {
    perMb?: string | null;
    perMinute?: string | null;
    perSms?: string | null;
    roamingMultiplier?: string;
  };
}

const RATE = /^\d{1,8}(\.\d{1,4})?$/;

function checkedRates(rates: NewOffering['outOfBundle'] = {}) {
  for (const [field, value] of Object.entries({ per_mb: rates.perMb, per_minute: rates.perMinute, per_sms: rates.perSms, roaming_multiplier: rates.roamingMultiplier })) {
    if (value != null && !RATE.test(value)) throw invalidParams(`out_of_bundle_rates.${field}: must be a decimal amount with at most 4 decimals, like 0.0125`);
  }
  return {
    outOfBundlePerMb: rates.perMb ?? null,
    outOfBundlePerMinute: rates.perMinute ?? null,
    outOfBundlePerSms: rates.perSms ?? null,
    roamingMultiplier: rates.roamingMultiplier ?? '1',
  };
}

export async function createOffering(db: Executor, organizationId: string, input: NewOffering) {
  await getOrganization(db, organizationId);
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(input.price)) throw invalidParams('price: must be a decimal amount like 12.50');
  if (!/^[A-Z]{3}$/.test(input.currency)) throw invalidParams('currency: must be an ISO 4217 code');
  const rates = checkedRates(input.outOfBundle);
  const badCountry = (input.footprint ?? []).findIndex((c) => !/^[A-Z]{2}$/.test(c));
  if (badCountry >= 0) throw invalidParams(`footprint[${badCountry}]: must be an ISO 3166-1 alpha-2 code`);
  return store.insertOffering(db, {
    id: newId('productOffering'),
    organizationId,
    type: input.type,
    name: input.name,
    description: input.description,
    dataBytes: input.dataBytes ?? null,
    voiceSeconds: input.voiceSeconds ?? null,
    smsCount: input.smsCount ?? null,
    validityDays: input.validityDays,
    priceAmount: input.price,
    currency: input.currency,
    footprint: [...new Set(input.footprint ?? [])],
    voiceIncrementSeconds: input.voiceIncrementSeconds ?? 60,
    dataIncrementBytes: input.dataIncrementBytes ?? 1024,
    ...rates,
  });
}

export const listOfferings = store.listOfferings;
export const findOfferings = store.findOfferings;
