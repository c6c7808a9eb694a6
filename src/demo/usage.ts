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
import { trafficRecord, type Line } from './traffic.ts';

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
    .select({
      id: products.id,
      accountId: products.accountId,
      subscriptionId: products.subscriptionId,
      offeringId: products.offeringId,
      validityDays: productOfferings.validityDays,
    })
    .from(products)
    .innerJoin(subscriptions, eq(subscriptions.id, products.subscriptionId))
    .innerJoin(productOfferings, eq(productOfferings.id, products.offeringId))
    .where(and(eq(products.organizationId, organizationId), eq(subscriptions.status, 'active'), eq(products.status, 'active'), lt(products.terminatesAt, now)));
  if (expired.length === 0) return;
  const start = new Date(now.getTime() - daysIntoTerm * DAY_MS);
  await db
    .update(products)
    .set({ status: 'terminated' })
    .where(
      inArray(
        products.id,
        expired.map((p) => p.id),
      ),
    );
  await db.insert(products).values(
    expired.map((p) => ({
      id: newId('product', start),
      organizationId,
      accountId: p.accountId,
      subscriptionId: p.subscriptionId,
      offeringId: p.offeringId,
      status: 'active',
      activatedAt: start,
      terminatesAt: new Date(start.getTime() + p.validityDays * DAY_MS),
      createdAt: start,
    })),
  );
}

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
