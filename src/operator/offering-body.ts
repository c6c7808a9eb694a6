// An offering as the operator API and the CLI take it (snake_case), and the domain's
// command made of it: one mapping, so that both create the same offering from one body.
import type { NewOffering } from '../domain/catalog/offerings.service.ts';

export interface OfferingBody {
  type: string;
  name: string;
  description?: string;
  data_bytes?: number | null;
  voice_seconds?: number | null;
  sms_count?: number | null;
  validity_days: number;
  price: string;
  currency: string;
  footprint?: string[];
  voice_increment_seconds?: number;
  data_increment_bytes?: number;
  out_of_bundle_rates?: OutOfBundleRatesBody;
}

/** Prices of usage beyond the allowances, in the offering's currency (decimal strings). */
export interface OutOfBundleRatesBody {
  per_mb?: string | null;
  per_minute?: string | null;
  per_sms?: string | null;
  roaming_multiplier?: string;
}

/** The type is checked where the body arrives (the route's schema, the CLI's choices). */
export const newOffering = (b: OfferingBody): NewOffering => ({
  type: b.type as NewOffering['type'],
  name: b.name,
  description: b.description,
  dataBytes: b.data_bytes,
  voiceSeconds: b.voice_seconds,
  smsCount: b.sms_count,
  validityDays: b.validity_days,
  price: b.price,
  currency: b.currency,
  footprint: b.footprint,
  voiceIncrementSeconds: b.voice_increment_seconds,
  dataIncrementBytes: b.data_increment_bytes,
  outOfBundle: b.out_of_bundle_rates && {
    perMb: b.out_of_bundle_rates.per_mb,
    perMinute: b.out_of_bundle_rates.per_minute,
    perSms: b.out_of_bundle_rates.per_sms,
    roamingMultiplier: b.out_of_bundle_rates.roaming_multiplier,
  },
});
