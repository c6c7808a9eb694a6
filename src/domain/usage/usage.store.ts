import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../../db/database.ts';
import { connectionOf, copyRows } from '../../db/copy.ts';
import { holdings, phoneNumbers, productOfferings, products, subscriptions, usageFreshness, usageItems } from '../../db/schema.ts';
import type { RatedProduct } from './rating.ts';

export type UsageItem = typeof usageItems.$inferSelect;

/** What rating needs to know of a subscription. */
export interface SubscriptionContext {
  id: string;
  organizationId: string;
  accountId: string;
  subscriberId: string;
  primaryMsisdn: string | null;
  homeCountry: string | null;
}

/**
 * `column = ANY(array)`: one parameter however many values (a batch names thousands,
 * and `IN (…)` would build and send a parameter for each), repeats removed.
 */
function anyOf(column: AnyPgColumn, values: string[]): SQL {
  return sql`${column} = ANY(${sql.param([...new Set(values)])}::text[])`;
}

/**
 * The subscriptions with the number they held last, whose country is home: a
 * terminated subscription keeps its number here after the pool has given it to another.
 */
export async function subscriptionContexts(db: Executor, ids: string[]): Promise<Map<string, SubscriptionContext>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<SubscriptionContext>(
    db,
    sql`
    SELECT s.id, s.organization_id AS "organizationId", s.account_id AS "accountId", s.subscriber_id AS "subscriberId",
           number.msisdn AS "primaryMsisdn", number.country AS "homeCountry"
    FROM ${subscriptions} s
    LEFT JOIN LATERAL (
      SELECT h.identifier AS msisdn, n.country FROM ${holdings} h JOIN ${phoneNumbers} n ON n.msisdn = h.identifier
      WHERE h.organization_id = s.organization_id AND h.subscription_id = s.id AND h.kind = 'msisdn'
      ORDER BY h.held_from DESC LIMIT 1
    ) number ON TRUE
    WHERE s.id = ANY(${sql.param([...new Set(ids)])}::text[])`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The subscriptions' products with their allowances and what was used, locked until the
 * transaction ends: concurrent ingests for one subscription take turns, so no update
 * to a balance is lost. Locked in id order, so two ingests never wait on each other.
 */
export async function lockProducts(db: Executor, subscriptionIds: string[]): Promise<Map<string, RatedProduct[]>> {
  const bySubscription = new Map<string, RatedProduct[]>();
  if (subscriptionIds.length === 0) return bySubscription;
  const rows = await db
    .select({
      id: products.id,
      subscriptionId: products.subscriptionId,
      status: products.status,
      activatedAt: products.activatedAt,
      terminatesAt: products.terminatesAt,
      dataUsed: products.dataUsedBytes,
      voiceUsed: products.voiceUsedSeconds,
      smsUsed: products.smsUsed,
      offeringType: productOfferings.type,
      dataBytes: productOfferings.dataBytes,
      voiceSeconds: productOfferings.voiceSeconds,
      smsCount: productOfferings.smsCount,
      footprint: productOfferings.footprint,
      voiceIncrementSeconds: productOfferings.voiceIncrementSeconds,
      dataIncrementBytes: productOfferings.dataIncrementBytes,
      currency: productOfferings.currency,
      perMb: productOfferings.outOfBundlePerMb,
      perMinute: productOfferings.outOfBundlePerMinute,
      perSms: productOfferings.outOfBundlePerSms,
      roamingMultiplier: productOfferings.roamingMultiplier,
    })
    .from(products)
    .innerJoin(productOfferings, eq(productOfferings.id, products.offeringId))
    .where(anyOf(products.subscriptionId, subscriptionIds))
    .orderBy(products.id)
    .for('update', { of: products });
  for (const r of rows) {
    const list = bySubscription.get(r.subscriptionId) ?? [];
    list.push({
      id: r.id,
      offeringType: r.offeringType,
      status: r.status,
      activatedAt: r.activatedAt,
      terminatesAt: r.terminatesAt,
      allowance: { data: r.dataBytes, voice: r.voiceSeconds, sms: r.smsCount },
      used: { data: r.dataUsed, voice: r.voiceUsed, sms: r.smsUsed },
      footprint: r.footprint,
      voiceIncrementSeconds: r.voiceIncrementSeconds,
      dataIncrementBytes: r.dataIncrementBytes,
      outOfBundle: {
        currency: r.currency,
        perMb: numberOrNull(r.perMb),
        perMinute: numberOrNull(r.perMinute),
        perSms: numberOrNull(r.perSms),
        roamingMultiplier: Number(r.roamingMultiplier),
      },
    });
    bySubscription.set(r.subscriptionId, list);
  }
  return bySubscription;
}

const numberOrNull = (value: string | null) => (value === null ? null : Number(value));

/** Writes the new balances of the products rating took from. */
export async function saveUsed(db: Executor, changed: RatedProduct[]): Promise<void> {
  if (changed.length === 0) return;
  await db.execute(sql`
    UPDATE ${products} SET data_used_bytes = u.data, voice_used_seconds = u.voice, sms_used = u.sms
    FROM unnest(${sql.param(changed.map((p) => p.id))}::text[], ${sql.param(changed.map((p) => p.used.data))}::bigint[],
                ${sql.param(changed.map((p) => p.used.voice))}::bigint[], ${sql.param(changed.map((p) => p.used.sms))}::bigint[])
         AS u(id, data, voice, sms)
    WHERE ${products.id} = u.id`);
}

/** Source record ids already rated (re-sent records are ignored). */
export async function knownSourceIds(db: Executor, sourceIds: string[]): Promise<Set<string>> {
  if (sourceIds.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(db, sql`SELECT DISTINCT source_record_id AS id FROM ${usageItems} WHERE source_record_id = ANY(${sql.param(sourceIds)}::text[])`);
  return new Set(rows.map((r) => r.id));
}

/** An item to insert; processed_at is the batch's, given once. */
export type UsageItemRow = Omit<typeof usageItems.$inferInsert, 'processedAt'>;

/** Columns of usage_items with their SQL array types, in insert order. */
const ITEM_COLUMNS: [string, keyof UsageItemRow, string][] = [
  ['id', 'id', 'text'],
  ['organization_id', 'organizationId', 'text'],
  ['account_id', 'accountId', 'text'],
  ['subscription_id', 'subscriptionId', 'text'],
  ['subscriber_id', 'subscriberId', 'text'],
  ['msisdn', 'msisdn', 'text'],
  ['source_record_id', 'sourceRecordId', 'text'],
  ['part', 'part', 'int'],
  ['type', 'type', 'text'],
  ['direction', 'direction', 'text'],
  ['technology', 'technology', 'text'],
  ['from_msisdn', 'fromMsisdn', 'text'],
  ['to_msisdn', 'toMsisdn', 'text'],
  ['location_country', 'locationCountry', 'text'],
  ['roaming', 'roaming', 'boolean'],
  ['is_recorded', 'isRecorded', 'boolean'],
  ['started_at', 'startedAt', 'timestamptz'],
  ['ended_at', 'endedAt', 'timestamptz'],
  ['quantity', 'quantity', 'bigint'],
  ['unit', 'unit', 'text'],
  ['charged_quantity', 'chargedQuantity', 'bigint'],
  ['cost_type', 'costType', 'text'],
  ['product_id', 'productId', 'text'],
  ['amount', 'amount', 'numeric'],
  ['currency', 'currency', 'text'],
];

const arrayValue = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

/**
 * Inserts the items: on PostgreSQL by COPY; on PGlite (no COPY from a client), and when
 * stored items are to be skipped, in one statement of one array per column, unnested
 * (far cheaper than a multi-row VALUES). An item already stored fails the insert, unless
 * `skipStored` says to skip it.
 */
export async function insertItems(db: Executor, rows: UsageItemRow[], { processedAt, skipStored }: { processedAt: Date; skipStored: boolean }): Promise<void> {
  if (rows.length === 0) return;
  // COPY cannot skip a stored item (one fails it): skipping takes the statement.
  const connection = skipStored ? undefined : connectionOf(db);
  if (connection) {
    const names = [...ITEM_COLUMNS.map(([name]) => name), 'processed_at'];
    await copyRows(
      connection,
      'usage_items',
      names,
      rows.map((row) => [...ITEM_COLUMNS.map(([, key]) => row[key]), processedAt]),
    );
    return;
  }
  const names = sql.raw(ITEM_COLUMNS.map(([name]) => name).join(', '));
  const arrays = sql.join(
    ITEM_COLUMNS.map(([, key, type]) => sql`${sql.param(rows.map((row) => arrayValue(row[key])))}::${sql.raw(type)}[]`),
    sql`, `,
  );
  await db.execute(sql`
    INSERT INTO usage_items (${names}, processed_at)
    SELECT item.*, ${processedAt.toISOString()}::timestamptz FROM unnest(${arrays}) AS item
    ${skipStored ? sql`ON CONFLICT DO NOTHING` : sql``}`);
}

/** Partition names and bounds: one per calendar month (UTC) of started_at. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** Creates the month's partition unless it exists; concurrent callers serialize on an advisory lock. */
export async function createMonthPartition(db: Executor, month: string): Promise<void> {
  const [year, mon] = month.split('-').map(Number);
  const from = new Date(Date.UTC(year, mon - 1, 1)).toISOString();
  const to = new Date(Date.UTC(year, mon, 1)).toISOString();
  const name = `usage_items_${year}_${String(mon).padStart(2, '0')}`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('usage_items partitions'))`);
    await tx.execute(sql.raw(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF usage_items FOR VALUES FROM ('${from}') TO ('${to}')`));
  });
}

export interface UsageFilter {
  fromDate?: Date;
  /** Exclusive: the day after the inclusive to-date. */
  toDate?: Date;
  accountId?: string;
  subscriptionId?: string;
  subscriberId?: string;
  msisdn?: string;
  types?: string[];
  direction?: string;
  costTypes?: string[];
  /** Keyset: the (started_at, id) of the last item of the previous page. */
  after?: { startedAt: Date; id: string };
  rows: number;
}

/**
 * Newest first. Every filter combination is served by one of the (organization, …,
 * started_at, id) indexes. The subscriber and number filters have no index of their own
 * (see the schema): their subscriptions are found first, and each one's newest matching
 * items read from the subscription index, merged.
 */
export async function selectUsage(db: Executor, organizationId: string, f: UsageFilter): Promise<UsageItem[]> {
  const holders = f.subscriptionId ? undefined : await subscriptionsFiltered(db, organizationId, f);
  if (holders?.length === 0) return [];
  const conditions: (SQL | undefined)[] = [
    eq(usageItems.organizationId, organizationId),
    f.accountId ? eq(usageItems.accountId, f.accountId) : undefined,
    f.subscriptionId ? eq(usageItems.subscriptionId, f.subscriptionId) : undefined,
    // Found through the subscriptions, these need no check on the items (see subscriptionsFiltered).
    f.subscriberId && !holders ? eq(usageItems.subscriberId, f.subscriberId) : undefined,
    f.msisdn && !holders ? eq(usageItems.msisdn, f.msisdn) : undefined,
    f.types?.length ? inArray(usageItems.type, f.types) : undefined,
    f.direction ? eq(usageItems.direction, f.direction) : undefined,
    f.costTypes?.length ? inArray(usageItems.costType, f.costTypes) : undefined,
    f.fromDate ? sql`${usageItems.startedAt} >= ${f.fromDate.toISOString()}::timestamptz` : undefined,
    f.toDate ? sql`${usageItems.startedAt} < ${f.toDate.toISOString()}::timestamptz` : undefined,
    f.after ? sql`(${usageItems.startedAt}, ${usageItems.id}) < (${f.after.startedAt.toISOString()}::timestamptz, ${f.after.id})` : undefined,
  ];
  const newestFirst = [desc(usageItems.startedAt), desc(usageItems.id)];
  // One subscription (a number's only holder, a subscriber's only line): as its own filter.
  if (!holders || holders.length === 1) {
    const [holder] = holders ?? [];
    return db
      .select()
      .from(usageItems)
      .where(and(...conditions, holder && eq(usageItems.subscriptionId, holder.id), holder?.otherNumbers ? eq(usageItems.msisdn, f.msisdn!) : undefined))
      .orderBy(...newestFirst)
      .limit(f.rows);
  }
  const page = db
    .select()
    .from(usageItems)
    .where(and(...conditions, sql`${usageItems.subscriptionId} = holder.id`, f.msisdn ? sql`(NOT holder.other_numbers OR ${usageItems.msisdn} = ${f.msisdn})` : undefined))
    .orderBy(...newestFirst)
    .limit(f.rows)
    .as('page');
  return db
    .select(page._.selectedFields)
    .from(sql`unnest(${sql.param(holders.map((h) => h.id))}::text[], ${sql.param(holders.map((h) => h.otherNumbers))}::boolean[]) AS holder(id, other_numbers)`)
    .crossJoinLateral(page)
    .orderBy(desc(page.startedAt), desc(page.id))
    .limit(f.rows);
}

/**
 * The organization's subscriptions the subscriber and number filters leave, or undefined
 * when neither is given: the subscriber's (subscriptions_subscriber_idx), and those that
 * ever held the number (its holdings' key). Exact without looking at the items: an item's
 * subscriber is its subscription's, which never changes; its number is one its
 * subscription held (the record's, or the subscription's last), so only the items of a
 * subscription that has held other numbers too (`otherNumbers`) need their number checked.
 * Checking it on the others would cost more than it seems: the planner takes the number
 * for independent of the subscription, expects next to no rows, and sorts all of them.
 */
async function subscriptionsFiltered(db: Executor, organizationId: string, f: UsageFilter) {
  if (!f.msisdn && !f.subscriberId) return undefined;
  const bySubscriber = f.subscriberId ? sql`AND s.subscriber_id = ${f.subscriberId}` : sql``;
  return queryRows<{ id: string; otherNumbers: boolean }>(
    db,
    f.msisdn
      ? sql`
      SELECT s.id, EXISTS (SELECT 1 FROM ${holdings} o WHERE o.organization_id = ${organizationId} AND o.subscription_id = s.id AND o.kind = 'msisdn' AND o.identifier <> ${f.msisdn}) AS "otherNumbers"
      FROM ${subscriptions} s
      WHERE s.organization_id = ${organizationId} ${bySubscriber} AND s.id IN (
        SELECT h.subscription_id FROM ${holdings} h WHERE h.organization_id = ${organizationId} AND h.kind = 'msisdn' AND h.identifier = ${f.msisdn})`
      : sql`SELECT s.id, false AS "otherNumbers" FROM ${subscriptions} s WHERE s.organization_id = ${organizationId} ${bySubscriber}`,
  );
}

/** Up to when the organization's usage is complete: the newest processed_at. */
export async function processedUntil(db: Executor, organizationId: string): Promise<Date | null> {
  const [row] = await db.select({ at: usageFreshness.completeUntil }).from(usageFreshness).where(eq(usageFreshness.organizationId, organizationId));
  return row?.at ?? null;
}

/**
 * Moves the organizations' freshness forward to `at`. The last statement of a rating
 * transaction, so the row lock it takes is held only for the commit.
 */
export async function markFresh(db: Executor, organizationIds: string[], at: Date): Promise<void> {
  if (organizationIds.length === 0) return;
  await db.execute(sql`
    INSERT INTO ${usageFreshness} (organization_id, complete_until)
    SELECT id, ${at.toISOString()}::timestamptz FROM unnest(${sql.param([...organizationIds].sort())}::text[]) AS id
    ON CONFLICT (organization_id) DO UPDATE SET complete_until = greatest(${usageFreshness.completeUntil}, excluded.complete_until)`);
}
