// Realistic traffic for the demo subscriptions: calls, data sessions and messages at
// home, some roaming in Europe (covered by the roaming add-on) and some beyond it. It
// goes through the same ingest and rating as the network's records. The demo seeds a
// few weeks of it; `cellhub simulate` generates more, live.
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { products, phoneNumbers, productOfferings, subscriptions } from '../db/schema.ts';
import { newId } from '../domain/ids.ts';
import { ingestUsage } from '../domain/usage/ingest.service.ts';
import { DAY_MS } from '../domain/time.ts';


export interface Line {
  msisdn: string;
  homeCountry: string;
}

/** The active subscriptions' primary numbers, for one organization or all. */
export async function activeLines(db: Executor, organizationId?: string): Promise<Line[]> {
  return db
    .select({ msisdn: phoneNumbers.msisdn, homeCountry: phoneNumbers.country })
    .from(subscriptions)
    .innerJoin(phoneNumbers, and(eq(phoneNumbers.subscriptionId, subscriptions.id), eq(phoneNumbers.isPrimary, true)))
    .where(and(eq(subscriptions.status, 'active'), organizationId ? eq(subscriptions.organizationId, organizationId) : undefined))
    .orderBy(phoneNumbers.msisdn);
}

/**
 * Plans renew each period: an active subscription whose products have run out gets a
 * new term of each, begun `daysIntoTerm` days ago, so current usage has allowances.
 */
export async function renewProducts(db: Executor, organizationId: string, daysIntoTerm: number, now = new Date()): Promise<void> {
  const expired = await db
    .select({ id: products.id, accountId: products.accountId, subscriptionId: products.subscriptionId, offeringId: products.offeringId, validityDays: productOfferings.validityDays })
    .from(products)
    .innerJoin(subscriptions, eq(subscriptions.id, products.subscriptionId))
    .innerJoin(productOfferings, eq(productOfferings.id, products.offeringId))
    .where(and(eq(products.organizationId, organizationId), eq(subscriptions.status, 'active'), eq(products.status, 'active'), lt(products.terminatesAt, now)));
  if (expired.length === 0) return;
  const start = new Date(now.getTime() - daysIntoTerm * DAY_MS);
  await db.update(products).set({ status: 'terminated' }).where(inArray(products.id, expired.map((p) => p.id)));
  await db.insert(products).values(expired.map((p) => ({
    id: newId('product', start),
    organizationId,
    accountId: p.accountId,
    subscriptionId: p.subscriptionId,
    offeringId: p.offeringId,
    status: 'active',
    activatedAt: start,
    terminatesAt: new Date(start.getTime() + p.validityDays * DAY_MS),
    createdAt: start,
  })));
}

const EUROPE = ['FR', 'DE', 'ES', 'IT', 'NL', 'PT'];
const FAR = ['US', 'SG', 'JP', 'AE'];

/** One record of plausible traffic on the line at `at`. */
export function trafficRecord(line: Line, at: Date, random: () => number, id: string): Record<string, unknown> {
  const roll = random();
  // One record in eight is abroad: mostly Europe, sometimes further.
  const abroad = roll < 0.125;
  const country = abroad ? (random() < 0.7 ? pick(EUROPE.filter((c) => c !== line.homeCountry), random) : pick(FAR.filter((c) => c !== line.homeCountry), random)) : line.homeCountry;
  const kind = random();
  const direction = random() < 0.55 ? 'outbound' : 'inbound';
  const other = line.msisdn.slice(0, -4) + String(Math.floor(random() * 10_000)).padStart(4, '0');
  const base = { source_record_id: id, msisdn: line.msisdn, location_country: country, started_at: at.toISOString(), other_party: other };
  if (kind < 0.4) {
    const seconds = Math.round(5 + random() * 900);
    return { ...base, type: 'voice', direction, technology: random() < 0.7 ? 'volte' : 'cs', quantity: seconds, ended_at: new Date(at.getTime() + seconds * 1000).toISOString(), is_recorded: random() < 0.1 };
  }
  if (kind < 0.65) return { ...base, type: 'sms', direction, technology: 'cs', quantity: 1, ended_at: at.toISOString() };
  const bytes = Math.round(50_000 + random() ** 3 * 400_000_000);
  const minutes = Math.round(1 + random() * 90);
  return { ...base, type: 'data', direction: 'outbound', technology: random() < 0.6 ? '5g' : '4g', quantity: bytes, other_party: undefined, ended_at: new Date(at.getTime() + minutes * 60_000).toISOString() };
}

const pick = <T>(list: T[], random: () => number) => list[Math.floor(random() * list.length)];

/** A few weeks of usage for the organization's active lines, rated through the ingest. */
export async function seedDemoUsage(db: Executor, organizationId: string, random: () => number, days = 14, perDay = 4): Promise<number> {
  await renewProducts(db, organizationId, days + 6);
  const lines = await activeLines(db, organizationId);
  const now = Date.now();
  const records = [];
  for (const line of lines) {
    for (let day = days; day >= 0; day--) {
      for (let n = 0; n < perDay; n++) {
        const at = new Date(now - day * DAY_MS - Math.floor(random() * (day === 0 ? 6 : 24) * 3_600_000));
        records.push(trafficRecord(line, at, random, `demo-${organizationId}-${line.msisdn}-${day}-${n}`));
      }
    }
  }
  let items = 0;
  for (let i = 0; i < records.length; i += 5_000) items += (await ingestUsage(db, records.slice(i, i + 5_000))).items;
  return items;
}
