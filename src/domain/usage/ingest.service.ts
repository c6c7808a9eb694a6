// Mediation: batches of usage records from the network become rated usage items. Each
// record is checked on its own: a bad one is refused with its reason and the good ones
// of the batch still land. Rating happens in the transaction that inserts the items, so
// an item and what it took from an allowance are written together or not at all.
import { isUniqueViolation, type Executor } from '../../db/database.ts';
import { invalidParams } from '../errors.ts';
import { newId } from '../ids.ts';
import { rate, type RatedProduct } from './rating.ts';
import { parseUsageRecord, UNIT_OF, type UsageRecord } from './usage-record.ts';
import * as store from './usage.store.ts';
import { rateConnectUsage, type ConnectUsage } from './balances.ts';
import { holdingsOverlapping, type Holding } from '../inventory/holdings.store.ts';
import { suspensionsOf } from '../subscriptions/suspensions.store.ts';
import { Holders, keyOf, spanOf } from './attribution.ts';
import { checkAlerts } from '../alerts/check-alerts.ts';

export const MAX_BATCH = 10_000;

export interface Rejection {
  index: number;
  source_record_id: string | null;
  reason: string;
}

export interface IngestResult {
  received: number;
  /** Records rated now. */
  accepted: number;
  /** Records rated before (same source record id): ignored. */
  duplicates: number;
  rejected: number;
  /** Usage items written (a straddling record makes two). */
  items: number;
  rejections: Rejection[];
}

interface Placed {
  index: number;
  record: UsageRecord;
  subscription: store.SubscriptionContext;
}

/** A batch checked and placed on its subscriptions, ready to be rated in a transaction. */
export interface PreparedUsage {
  received: number;
  placed: Placed[];
  /** Data usage of SIMs sold through Connect, rated against their subscriptions' balances. */
  connect: ConnectUsage[];
  /** Repeats of a source record id within the batch. */
  duplicates: number;
  rejections: Rejection[];
  now: Date;
}

/** `correlationId`: the request that sent the records, for the notifications they cause. */
export async function ingestUsage(db: Executor, raw: unknown[], now = new Date(), correlationId?: string): Promise<IngestResult> {
  const prepared = await prepareUsage(db, raw, now);
  return db.transaction((tx) => rateUsage(tx, prepared, correlationId));
}

/**
 * Checks each record, finds whose it is and makes sure its month has a partition.
 * Done outside the rating transaction: partitions are made under a lock of their own.
 */
export async function prepareUsage(db: Executor, raw: unknown[], now = new Date()): Promise<PreparedUsage> {
  if (raw.length > MAX_BATCH) throw invalidParams(`records: at most ${MAX_BATCH} records per batch`);
  const rejections: Rejection[] = [];
  const reject = (index: number, reason: string) => rejections.push({ index, source_record_id: sourceIdOf(raw[index]), reason });

  const parsed: { index: number; record: UsageRecord }[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  raw.forEach((value, index) => {
    const outcome = parseUsageRecord(value, now);
    if ('reason' in outcome) return reject(index, outcome.reason);
    if (seen.has(outcome.record.sourceRecordId)) return void duplicates++;
    seen.add(outcome.record.sourceRecordId);
    parsed.push({ index, record: outcome.record });
  });

  const { placed, connect } = await place(db, parsed, reject);
  await ensurePartitions(
    db,
    placed.map((p) => p.record.startedAt),
  );
  return { received: raw.length, placed, connect, duplicates, rejections, now };
}

/** Rates the prepared records and writes their items and balances, within `tx`. */
export async function rateUsage(tx: Executor, prepared: PreparedUsage, correlationId?: string): Promise<IngestResult> {
  // Re-sent records are rare, so the batch is first rated as if every record were new
  // and inserted plainly, in a savepoint. A record rated before makes that insert fail
  // (unique key); only then is the savepoint undone and the batch rated again without
  // the known records. The common case is spared a lookup of every source id and the
  // cost of ON CONFLICT on every row.
  const fresh = await tx
    .transaction((savepoint) => rateAndWrite(savepoint, prepared))
    .catch(async (error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      const known = await store.knownSourceIds(
        tx,
        prepared.placed.map((p) => p.record.sourceRecordId),
      );
      return rateAndWrite(tx, prepared, known);
    });
  const connectRated = await rateConnectUsage(tx, prepared.connect, prepared.now, correlationId);
  await checkAlerts(tx, fresh.rows, prepared.now, correlationId);
  return {
    received: prepared.received,
    accepted: fresh.records + connectRated,
    duplicates: prepared.duplicates + prepared.placed.length - fresh.records + prepared.connect.length - connectRated,
    rejected: prepared.rejections.length,
    items: fresh.items,
    rejections: [...prepared.rejections].sort((a, b) => a.index - b.index),
  };
}

/**
 * Rates the records not `known` to be rated before, taking from their products' balances,
 * and writes the items and balances. Without `known`, every record is taken for new and
 * one already stored fails the insert; with it, one stored since (by a concurrent batch)
 * is skipped.
 */
async function rateAndWrite(tx: Executor, prepared: PreparedUsage, known?: Set<string>) {
  const { placed, now } = prepared;
  const productsOf = await store.lockProducts(tx, [...new Set(placed.map((p) => p.subscription.id))]);
  const fresh = known ? placed.filter((p) => !known.has(p.record.sourceRecordId)) : [...placed];
  // Oldest first, so allowances are used up in the order the usage happened.
  fresh.sort((a, b) => a.record.startedAt.getTime() - b.record.startedAt.getTime());
  const rows = fresh.flatMap((p) => itemsOf(p, productsOf.get(p.subscription.id) ?? []));
  await store.insertItems(tx, rows, { processedAt: now, skipStored: known !== undefined });
  // Balances of every product the fresh records could have drawn on (unchanged ones keep their values).
  const rated = new Set(fresh.map((p) => p.subscription.id));
  await store.saveUsed(
    tx,
    [...productsOf].filter(([id]) => rated.has(id)).flatMap(([, products]) => products),
  );
  await store.markFresh(tx, [...new Set(rows.map((row) => row.organizationId))], now);
  return { records: fresh.length, items: rows.length, rows };
}

/** The months each database has partitions for, as far as this process knows. */
const partitionsMade = new WeakMap<Executor, Set<string>>();

async function ensurePartitions(db: Executor, dates: Date[]): Promise<void> {
  const made = partitionsMade.get(db) ?? new Set<string>();
  partitionsMade.set(db, made);
  // One Date per month stands for it (a batch has thousands of dates and a month or two).
  const byMonth = new Map(dates.map((date) => [date.getUTCFullYear() * 12 + date.getUTCMonth(), date]));
  for (const month of [...byMonth.values()].map(store.monthOf)) {
    if (made.has(month)) continue;
    await store.createMonthPartition(db, month);
    made.add(month);
  }
}

/**
 * Finds whose each record is: the subscription that held its number (or else its SIM)
 * when it started, or the SIM's Connect balances. One query for the batch's holdings,
 * one for their suspensions, one for their subscriptions.
 */
async function place(db: Executor, parsed: { index: number; record: UsageRecord }[], reject: (index: number, reason: string) => void) {
  const { from, until } = spanOf(parsed.map((p) => p.record));
  const found = await holdingsOverlapping(
    db,
    parsed.map((p) => keyOf(p.record).identifier),
    from,
    until,
  );
  const held = holdingSubscriptions(found);
  const holders = new Holders(found, await suspensionsOf(db, held));
  const contexts = await store.subscriptionContexts(
    db,
    held.map((s) => s.id),
  );
  const placed: Placed[] = [];
  const connect: ConnectUsage[] = [];
  for (const p of parsed) {
    const { record } = p;
    const attribution = holders.attribute(record);
    if ('reason' in attribution) {
      reject(p.index, attribution.reason);
    } else if (attribution.holding.subscriptionId) {
      placed.push({ ...p, subscription: contexts.get(attribution.holding.subscriptionId)! });
    } else if (record.type !== 'data') {
      reject(p.index, `type: SIM ${record.iccid} is a Connect eSIM, which carries data only`);
    } else {
      connect.push({
        sourceRecordId: record.sourceRecordId,
        organizationId: attribution.holding.organizationId,
        iccid: record.iccid!,
        bytes: record.quantity,
        startedAt: record.startedAt,
      });
    }
  }
  return { placed, connect };
}

/** The subscriptions among the holders, each once, with its organization. */
function holdingSubscriptions(found: Holding[]): { organizationId: string; id: string }[] {
  const byId = new Map<string, { organizationId: string; id: string }>();
  for (const h of found) if (h.subscriptionId) byId.set(h.subscriptionId, { organizationId: h.organizationId, id: h.subscriptionId });
  return [...byId.values()];
}

/** Rates the record (taking from the products' balances) and makes its usage items. */
function itemsOf(p: Placed, products: RatedProduct[]): store.UsageItemRow[] {
  const { record, subscription } = p;
  const parts = rate(record, { homeCountry: subscription.homeCountry ?? record.locationCountry, products });
  const own = record.msisdn ?? subscription.primaryMsisdn ?? '';
  const [from, to] = record.direction === 'outbound' ? [own, record.otherParty] : [record.otherParty, own];
  return parts.map((part) => ({
    id: newId('usageItem', record.startedAt),
    organizationId: subscription.organizationId,
    accountId: subscription.accountId,
    subscriptionId: subscription.id,
    subscriberId: subscription.subscriberId,
    msisdn: own,
    sourceRecordId: record.sourceRecordId,
    part: part.part,
    type: record.type,
    direction: record.direction,
    technology: record.technology,
    fromMsisdn: from,
    toMsisdn: to,
    locationCountry: record.locationCountry,
    roaming: part.roaming,
    isRecorded: record.isRecorded,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    quantity: part.quantity,
    unit: UNIT_OF[record.type],
    chargedQuantity: part.chargedQuantity,
    costType: part.costType,
    productId: part.productId,
    amount: part.amount === null ? null : String(part.amount),
    currency: part.currency,
  }));
}

function sourceIdOf(value: unknown): string | null {
  const id = (value as { source_record_id?: unknown } | null)?.source_record_id;
  return typeof id === 'string' ? id : null;
}
