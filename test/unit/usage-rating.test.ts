// Rating rules and the checks of one record, on the pure functions (the ingest tests
// cover the database side).
import { describe, expect, it } from 'vitest';
import { outOfBundlePrice, rate, type OutOfBundleRates, type RatedProduct, type RatedSubscription } from '../../src/domain/usage/rating.ts';
import { parseUsageRecord, type UsageRecord } from '../../src/domain/usage/usage-record.ts';

const DAY = 86_400_000;
const now = new Date('2026-11-20T12:00:00Z');

function product(overrides: Partial<RatedProduct> = {}): RatedProduct {
  return {
    id: 'prod_plan',
    offeringType: 'plan',
    status: 'active',
    activatedAt: new Date(now.getTime() - 10 * DAY),
    terminatesAt: new Date(now.getTime() + 20 * DAY),
    allowance: { voice: 600, data: 10_000, sms: 2 },
    used: { voice: 0, data: 0, sms: 0 },
    footprint: ['GB'],
    voiceIncrementSeconds: 60,
    dataIncrementBytes: 1000,
    outOfBundle: { currency: 'GBP', perMb: null, perMinute: null, perSms: null, roamingMultiplier: 1 },
    ...overrides,
  };
}

const subscription = (products: RatedProduct[]): RatedSubscription => ({ homeCountry: 'GB', products });

function record(overrides: Partial<UsageRecord> = {}): UsageRecord {
  return {
    sourceRecordId: 'r1',
    msisdn: '447700900001',
    type: 'voice',
    direction: 'outbound',
    technology: 'cs',
    otherParty: '447700900002',
    locationCountry: 'GB',
    isRecorded: false,
    startedAt: now,
    endedAt: new Date(now.getTime() + 45_000),
    quantity: 45,
    ...overrides,
  };
}

describe('rating', () => {
  it('rounds voice up to the plan increment and takes it from the allowance', () => {
    const plan = product();
    const [item] = rate(record(), subscription([plan]));
    expect(item).toMatchObject({ quantity: 45, chargedQuantity: 60, costType: 'in_bundle', productId: 'prod_plan', roaming: false });
    expect(plan.used.voice).toBe(60);
  });

  it('rounds data to its unit and counts one per message', () => {
    const plan = product();
    expect(rate(record({ type: 'data', quantity: 1001 }), subscription([plan]))[0].chargedQuantity).toBe(2000);
    expect(rate(record({ type: 'sms', quantity: 1 }), subscription([plan]))[0]).toMatchObject({ chargedQuantity: 1, costType: 'in_bundle' });
    expect(plan.used).toEqual({ voice: 0, data: 2000, sms: 1 });
  });

  it('makes inbound calls and messages at home free, without touching the allowance', () => {
    const plan = product();
    expect(rate(record({ direction: 'inbound' }), subscription([plan]))[0]).toMatchObject({ costType: 'free', chargedQuantity: 60 });
    expect(rate(record({ direction: 'inbound', type: 'sms', quantity: 1 }), subscription([plan]))[0].costType).toBe('free');
    expect(plan.used.voice).toBe(0);
  });

  it('splits a record that straddles the end of the allowance', () => {
    const plan = product({ used: { voice: 540, data: 0, sms: 0 } });
    const parts = rate(record({ quantity: 150 }), subscription([plan]));
    expect(parts).toEqual([
      expect.objectContaining({ part: 0, quantity: 60, chargedQuantity: 60, costType: 'in_bundle', productId: 'prod_plan' }),
      expect.objectContaining({ part: 1, quantity: 90, chargedQuantity: 120, costType: 'out_of_bundle', productId: null }),
    ]);
    expect(plan.used.voice).toBe(600);
    expect(rate(record(), subscription([plan]))[0].costType).toBe('out_of_bundle');
  });

  it('covers roaming only where a footprint includes the country, and marks it roaming', () => {
    const plan = product();
    const eu = product({ id: 'prod_eu', offeringType: 'add_on', allowance: { voice: null, data: 5000, sms: null }, footprint: ['FR', 'DE'] });
    const inFrance = rate(record({ type: 'data', quantity: 1000, locationCountry: 'FR' }), subscription([plan, eu]))[0];
    expect(inFrance).toMatchObject({ costType: 'in_bundle', productId: 'prod_eu', roaming: true });
    const inUs = rate(record({ type: 'data', quantity: 1000, locationCountry: 'US' }), subscription([plan, eu]))[0];
    expect(inUs).toMatchObject({ costType: 'out_of_bundle', roaming: true });
    // A call received abroad is not free, and no voice allowance covers France.
    expect(rate(record({ direction: 'inbound', locationCountry: 'FR' }), subscription([plan, eu]))[0].costType).toBe('out_of_bundle');
    expect(plan.used.data).toBe(0);
    expect(eu.used.data).toBe(1000);
  });

  it('uses plans before add-ons', () => {
    const addOn = product({ id: 'prod_addon', offeringType: 'add_on', activatedAt: new Date(now.getTime() - 20 * DAY) });
    const plan = product();
    expect(rate(record(), subscription([addOn, plan]))[0].productId).toBe('prod_plan');
  });

  it('does not cover usage outside a product term', () => {
    const expired = product({ terminatesAt: new Date(now.getTime() - DAY) });
    expect(rate(record(), subscription([expired]))[0].costType).toBe('out_of_bundle');
    const later = product({ activatedAt: new Date(now.getTime() + DAY) });
    expect(rate(record(), subscription([later]))[0].costType).toBe('out_of_bundle');
    expect(expired.used.voice + later.used.voice).toBe(0);
  });

  it("covers a late record by the product's term at the record's time, whatever its status now", () => {
    // Terminated since (its term cut short an hour after the record): the record was within it.
    const ended = product({ status: 'terminated', terminatesAt: new Date(now.getTime() + 3_600_000) });
    expect(rate(record(), subscription([ended]))[0]).toMatchObject({ costType: 'in_bundle', productId: 'prod_plan' });
    expect(ended.used.voice).toBe(60);
  });
});

describe('usage record checks', () => {
  const good = {
    source_record_id: 'r1',
    msisdn: '+447700900001',
    type: 'voice',
    direction: 'outbound',
    location_country: 'gb',
    started_at: '2026-11-20T12:00:00Z',
    ended_at: '2026-11-20T12:00:45Z',
    quantity: 45,
  };
  const reason = (changes: object) => {
    const parsed = parseUsageRecord({ ...good, ...changes }, now);
    return 'reason' in parsed ? parsed.reason : undefined;
  };

  it('takes a good record, normalizing the number and the country', () => {
    const parsed = parseUsageRecord(good, now);
    expect('record' in parsed && parsed.record).toMatchObject({ msisdn: '447700900001', locationCountry: 'GB', quantity: 45 });
    expect(reason({ ended_at: undefined })).toBeUndefined();
    expect(reason({ quantity: '45' })).toBeUndefined();
  });

  it('names the field of each refusal', () => {
    const cases: [object, string][] = [
      [{ source_record_id: '' }, 'source_record_id'],
      [{ source_record_id: 'x'.repeat(129) }, 'source_record_id'],
      [{ msisdn: undefined }, 'msisdn'],
      [{ msisdn: 'abc' }, 'msisdn'],
      [{ msisdn: undefined, iccid: '8944' }, 'iccid'],
      [{ direction: 'up' }, 'direction'],
      [{ ended_at: '2026-11-20T11:00:00Z' }, 'ended_at'],
      [{ ended_at: 'later' }, 'ended_at'],
      [{ started_at: '2026-11-25T12:00:00Z', ended_at: '2026-11-25T12:00:00Z' }, 'started_at'],
      [{ started_at: '2024-01-01T00:00:00Z', ended_at: '2024-01-01T00:00:00Z' }, 'started_at'],
      [{ quantity: 1.5 }, 'quantity'],
      [{ other_party: '12-34' }, 'other_party'],
      [{ technology: 'x'.repeat(17) }, 'technology'],
    ];
    for (const [changes, field] of cases) expect(reason(changes)?.split(':')[0], JSON.stringify(changes)).toBe(field);
  });
});

describe('out-of-bundle amounts', () => {
  const rates: OutOfBundleRates = { currency: 'EUR', perMb: 0.5, perMinute: 0.1, perSms: 0.05, roamingMultiplier: 3 };

  it('prices data per MB, voice per minute and messages each, to 4 decimals', () => {
    expect(outOfBundlePrice('data', 3 * 1_048_576, false, rates)).toEqual({ amount: 1.5, currency: 'EUR' });
    expect(outOfBundlePrice('voice', 90, false, rates)).toEqual({ amount: 0.15, currency: 'EUR' });
    expect(outOfBundlePrice('sms', 3, false, rates)).toEqual({ amount: 0.15, currency: 'EUR' });
    expect(outOfBundlePrice('data', 1000, false, rates).amount).toBe(0.0005);
  });

  it('multiplies the rate abroad', () => {
    expect(outOfBundlePrice('sms', 2, true, rates).amount).toBe(0.3);
  });

  it('leaves usage unpriced without a rate for its type or without a plan', () => {
    expect(outOfBundlePrice('data', 1_048_576, false, { ...rates, perMb: null })).toEqual({ amount: null, currency: null });
    expect(outOfBundlePrice('sms', 1, false, undefined)).toEqual({ amount: null, currency: null });
  });

  it('prices only the out-of-bundle part of a straddling record, at the plan in force', () => {
    const plan = product({ allowance: { voice: 60, data: null, sms: null }, outOfBundle: rates });
    const parts = rate(record({ quantity: 150 }), subscription([plan]));
    expect(parts).toMatchObject([
      { costType: 'in_bundle', chargedQuantity: 60, amount: null, currency: null },
      { costType: 'out_of_bundle', chargedQuantity: 120, amount: 0.2, currency: 'EUR' },
    ]);
  });

  it('prices roaming usage outside the footprint with the multiplier', () => {
    const plan = product({ footprint: [], outOfBundle: rates });
    const [part] = rate(record({ type: 'sms', quantity: 1, locationCountry: 'US' }), subscription([plan]));
    expect(part).toMatchObject({ costType: 'out_of_bundle', roaming: true, amount: 0.15, currency: 'EUR' });
  });

  it('never prices free or in-bundle usage', () => {
    const plan = product({ outOfBundle: rates });
    expect(rate(record({ direction: 'inbound' }), subscription([plan]))[0]).toMatchObject({ costType: 'free', amount: null });
    expect(rate(record(), subscription([plan]))[0]).toMatchObject({ costType: 'in_bundle', amount: null });
  });
});
