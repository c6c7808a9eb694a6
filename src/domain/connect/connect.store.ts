// SQL of the Connect family: orders, SIMs and subscriptions, always within one
// organization (a row of another is never returned, only told apart as "not yours").
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { connectNotificationPreferences, connectOrders, connectProducts, connectSims, connectSubscriptions, connectUsageRecords, simProfiles } from '../../db/schema.ts';

export type ConnectOrder = typeof connectOrders.$inferSelect;
export type ConnectSubscription = typeof connectSubscriptions.$inferSelect;

/** Subscriptions that count against the 15 a SIM may hold. */
const LIVE_STATUSES = ['PENDING', 'ACTIVE'];

export async function insertOrder(db: Executor, row: typeof connectOrders.$inferInsert): Promise<ConnectOrder> {
  const [created] = await db.insert(connectOrders).values(row).returning();
  return created;
}

export async function findOrder(db: Executor, id: string): Promise<ConnectOrder | undefined> {
  const [row] = await db.select().from(connectOrders).where(eq(connectOrders.id, id));
  return row;
}

export async function lockOrder(db: Executor, id: string): Promise<ConnectOrder | undefined> {
  const [row] = await db.select().from(connectOrders).where(eq(connectOrders.id, id)).for('update');
  return row;
}

export async function updateOrder(db: Executor, id: string, changes: Partial<typeof connectOrders.$inferInsert>): Promise<void> {
  await db.update(connectOrders).set({ ...changes, updatedAt: new Date() }).where(eq(connectOrders.id, id));
}

export async function selectOrders(db: Executor, organizationId: string, filter: { status?: string; from?: Date; to?: Date; offset: number; rows: number }) {
  return db
    .select()
    .from(connectOrders)
    .where(
      and(
        eq(connectOrders.organizationId, organizationId),
        filter.status ? eq(connectOrders.status, filter.status) : undefined,
        filter.from ? gte(connectOrders.createdAt, filter.from) : undefined,
        filter.to ? lt(connectOrders.createdAt, filter.to) : undefined,
      ),
    )
    .orderBy(desc(connectOrders.createdAt), desc(connectOrders.id))
    .offset(filter.offset)
    .limit(filter.rows);
}


export interface SimView {
  iccid: string;
  organizationId: string;
  eid: string | null;
  matchingId: string | null;
  smdpAddress: string | null;
  state: string;
  lastModified: Date;
  deviceId: string | null;
}

const simColumns = {
  iccid: connectSims.iccid,
  organizationId: connectSims.organizationId,
  eid: simProfiles.eid,
  matchingId: simProfiles.matchingId,
  smdpAddress: simProfiles.smdpAddress,
  state: simProfiles.state,
  lastModified: sql<Date>`coalesce(${simProfiles.updatedAt}, ${connectSims.createdAt})`.mapWith(simProfiles.updatedAt),
  deviceId: connectSims.deviceId,
};

/** A Connect SIM of any organization (the caller tells "not yours" from "none"). */
export async function findSim(db: Executor, iccid: string): Promise<SimView | undefined> {
  const [row] = await db.select(simColumns).from(connectSims).innerJoin(simProfiles, eq(simProfiles.iccid, connectSims.iccid)).where(eq(connectSims.iccid, iccid));
  return row;
}

export async function selectSims(db: Executor, organizationId: string, offset: number, rows: number): Promise<{ iccid: string }[]> {
  return db
    .select({ iccid: connectSims.iccid })
    .from(connectSims)
    .where(eq(connectSims.organizationId, organizationId))
    .orderBy(asc(connectSims.createdAt), asc(connectSims.iccid))
    .offset(offset)
    .limit(rows);
}

export async function insertSim(db: Executor, row: typeof connectSims.$inferInsert): Promise<void> {
  await db.insert(connectSims).values(row);
}

export async function countLive(db: Executor, iccid: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(connectSubscriptions)
    .where(and(eq(connectSubscriptions.iccid, iccid), inArray(connectSubscriptions.status, LIVE_STATUSES)));
  return row.n;
}

export async function insertSubscriptions(db: Executor, rows: (typeof connectSubscriptions.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(connectSubscriptions).values(rows);
}

export interface SubscriptionFilter {
  iccid?: string;
  productId?: string;
  email?: string;
  after?: Date;
  before?: Date;
  id?: string;
  offset: number;
  rows: number;
}

/** Subscriptions with their product and device, newest first. */
export async function selectSubscriptions(db: Executor, organizationId: string | undefined, filter: SubscriptionFilter) {
  return db
    .select({ subscription: connectSubscriptions, product: connectProducts, deviceId: connectSims.deviceId })
    .from(connectSubscriptions)
    .innerJoin(connectProducts, eq(connectProducts.id, connectSubscriptions.productId))
    .innerJoin(connectSims, eq(connectSims.iccid, connectSubscriptions.iccid))
    .where(
      and(
        organizationId ? eq(connectSubscriptions.organizationId, organizationId) : undefined,
        filter.id ? eq(connectSubscriptions.id, filter.id) : undefined,
        filter.iccid ? eq(connectSubscriptions.iccid, filter.iccid) : undefined,
        filter.productId ? eq(connectSubscriptions.productId, filter.productId) : undefined,
        filter.email ? eq(connectSims.customerEmail, filter.email.toLowerCase()) : undefined,
        filter.after ? gte(connectSubscriptions.createdAt, filter.after) : undefined,
        filter.before ? lt(connectSubscriptions.createdAt, filter.before) : undefined,
      ),
    )
    .orderBy(desc(connectSubscriptions.createdAt), desc(connectSubscriptions.id))
    .offset(filter.offset)
    .limit(filter.rows);
}

export type SubscriptionRow = Awaited<ReturnType<typeof selectSubscriptions>>[number];

/** PENDING → ACTIVE, now. Answers whether it was PENDING. */
export async function activateNow(db: Executor, id: string, now: Date, expiration: Date): Promise<boolean> {
  const rows = await db
    .update(connectSubscriptions)
    .set({ status: 'ACTIVE', activationDate: now, expirationDate: expiration })
    .where(and(eq(connectSubscriptions.id, id), eq(connectSubscriptions.status, 'PENDING')))
    .returning({ id: connectSubscriptions.id });
  return rows.length > 0;
}

export async function preferencesOf(db: Executor, iccid: string) {
  return db.select().from(connectNotificationPreferences).where(eq(connectNotificationPreferences.iccid, iccid)).orderBy(asc(connectNotificationPreferences.type));
}

export async function setPreference(db: Executor, iccid: string, type: string, webhookUrl: string): Promise<void> {
  await db
    .insert(connectNotificationPreferences)
    .values({ iccid, type, webhookUrl })
    .onConflictDoUpdate({ target: [connectNotificationPreferences.iccid, connectNotificationPreferences.type], set: { webhookUrl } });
}

export async function deletePreference(db: Executor, iccid: string, type: string): Promise<boolean> {
  const rows = await db
    .delete(connectNotificationPreferences)
    .where(and(eq(connectNotificationPreferences.iccid, iccid), eq(connectNotificationPreferences.type, type)))
    .returning();
  return rows.length > 0;
}

/**
 * ACTIVE or DEPLETED → EXPIRED. Answers whether its end is still to be told: ended_at
 * keeps the moment a depletion told it, so only a row that had none takes `now`.
 */
export async function expire(db: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(connectSubscriptions)
    .set({ status: 'EXPIRED', endedAt: sql`coalesce(${connectSubscriptions.endedAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(connectSubscriptions.id, id), inArray(connectSubscriptions.status, ['ACTIVE', 'DEPLETED'])))
    .returning({ status: connectSubscriptions.status, endedAt: connectSubscriptions.endedAt });
  return rows.length > 0 && rows[0].endedAt?.getTime() === now.getTime();
}

/** Whether any subscription of the SIM has used data. */
export async function anyUsed(db: Executor, iccid: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(connectSubscriptions)
    .where(and(eq(connectSubscriptions.iccid, iccid), sql`${connectSubscriptions.spentBalance} > 0`));
  return row.n > 0;
}

/** Removes the SIM's Connect records: its preferences, subscriptions and the SIM itself. */
export async function deleteSim(db: Executor, iccid: string): Promise<void> {
  await db.delete(connectNotificationPreferences).where(eq(connectNotificationPreferences.iccid, iccid));
  await db.delete(connectSubscriptions).where(eq(connectSubscriptions.iccid, iccid));
  await db.delete(connectSims).where(eq(connectSims.iccid, iccid));
}

export async function lockSim(db: Executor, iccid: string): Promise<{ state: string } | undefined> {
  const [row] = await db.select({ state: simProfiles.state }).from(simProfiles).where(eq(simProfiles.iccid, iccid)).for('update');
  return row;
}

/** Records new usage; answers the source ids not seen before (a re-sent record changes nothing). */
export async function insertUsageRecords(db: Executor, rows: (typeof connectUsageRecords.$inferInsert)[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const fresh = await db.insert(connectUsageRecords).values(rows).onConflictDoNothing().returning({ id: connectUsageRecords.sourceRecordId });
  return new Set(fresh.map((r) => r.id));
}

/** Records how much of each usage record no balance covered. */
export async function recordOutOfBundle(db: Executor, rows: { sourceRecordId: string; bytes: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    UPDATE ${connectUsageRecords} SET out_of_bundle_bytes = u.bytes
    FROM unnest(${sql.param(rows.map((r) => r.sourceRecordId))}::text[], ${sql.param(rows.map((r) => r.bytes))}::bigint[]) AS u(id, bytes)
    WHERE ${connectUsageRecords.sourceRecordId} = u.id`);
}

/**
 * The ACTIVE subscriptions of the SIMs, oldest activation first, locked until the
 * transaction ends: concurrent usage for one SIM takes turns, so balances stay exact
 * and each notification fires once. Locked in ICCID order, so batches never deadlock.
 */
export async function lockActiveSubscriptions(db: Executor, iccids: string[]): Promise<ConnectSubscription[]> {
  if (iccids.length === 0) return [];
  return db
    .select()
    .from(connectSubscriptions)
    .where(and(inArray(connectSubscriptions.iccid, iccids), eq(connectSubscriptions.status, 'ACTIVE')))
    .orderBy(asc(connectSubscriptions.iccid), asc(connectSubscriptions.activationDate), asc(connectSubscriptions.id))
    .for('update');
}

export async function saveBalance(db: Executor, s: Pick<ConnectSubscription, 'id' | 'spentBalance' | 'status' | 'thresholdReachedAt' | 'endedAt'>): Promise<void> {
  await db
    .update(connectSubscriptions)
    .set({ spentBalance: s.spentBalance, status: s.status, thresholdReachedAt: s.thresholdReachedAt, endedAt: s.endedAt })
    .where(eq(connectSubscriptions.id, s.id));
}

/**
 * Moves the organization's live subscriptions `seconds` into their future (the sandbox
 * clock): their activation and expiration dates come that much closer. Answers them as moved.
 */
export async function shiftDates(db: Executor, organizationId: string, seconds: number) {
  const rows = await db
    .update(connectSubscriptions)
    .set({
      activationDate: sql`${connectSubscriptions.activationDate} - ${seconds} * interval '1 second'`,
      expirationDate: sql`${connectSubscriptions.expirationDate} - ${seconds} * interval '1 second'`,
    })
    .where(and(eq(connectSubscriptions.organizationId, organizationId), inArray(connectSubscriptions.status, ['PENDING', 'ACTIVE', 'DEPLETED'])))
    .returning({ id: connectSubscriptions.id, status: connectSubscriptions.status, activationDate: connectSubscriptions.activationDate, expirationDate: connectSubscriptions.expirationDate });
  return rows;
}

/** Locks the Connect SIM until the transaction ends: top-ups of one SIM take turns counting its subscriptions. */
export async function lockConnectSim(db: Executor, iccid: string): Promise<void> {
  await db.select({ iccid: connectSims.iccid }).from(connectSims).where(eq(connectSims.iccid, iccid)).for('update');
}
