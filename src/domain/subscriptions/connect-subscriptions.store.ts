// SQL of Connect's data-plan subscriptions: a product's balance on a SIM, with its dates.
import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { connectProducts, connectSims, connectSubscriptions } from '../../db/schema.ts';
import { customerCondition, type CustomerScope } from '../customers/scope.ts';

export type ConnectSubscription = typeof connectSubscriptions.$inferSelect;

/** Subscriptions that count against the 15 a SIM may hold. */
const LIVE_STATUSES = ['PENDING', 'ACTIVE'];

export async function countLiveSubscriptions(db: Executor, iccid: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(connectSubscriptions)
    .where(and(eq(connectSubscriptions.iccid, iccid), inArray(connectSubscriptions.status, LIVE_STATUSES)));
  return row.n;
}

export async function insertConnectSubscriptions(db: Executor, rows: (typeof connectSubscriptions.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(connectSubscriptions).values(rows);
}

export interface ConnectSubscriptionFilter {
  iccid?: string;
  productId?: string;
  email?: string;
  after?: Date;
  before?: Date;
  id?: string;
  customer?: CustomerScope;
  offset: number;
  rows: number;
}

/** Subscriptions with their product and device, newest first. */
export async function selectConnectSubscriptions(db: Executor, organizationId: string | undefined, filter: ConnectSubscriptionFilter) {
  return db
    .select({ subscription: connectSubscriptions, product: connectProducts, deviceId: connectSims.deviceId, customerId: connectSims.customerId })
    .from(connectSubscriptions)
    .innerJoin(connectProducts, eq(connectProducts.id, connectSubscriptions.productId))
    .innerJoin(connectSims, eq(connectSims.iccid, connectSubscriptions.iccid))
    .where(
      and(
        organizationId ? eq(connectSubscriptions.organizationId, organizationId) : undefined,
        filter.id ? eq(connectSubscriptions.id, filter.id) : undefined,
        customerCondition(connectSims.customerId, filter.customer),
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

export type ConnectSubscriptionRow = Awaited<ReturnType<typeof selectConnectSubscriptions>>[number];

/** PENDING → ACTIVE, now. Answers whether it was PENDING. */
export async function activatePendingById(db: Executor, id: string, now: Date, expiration: Date): Promise<boolean> {
  const rows = await db
    .update(connectSubscriptions)
    .set({ status: 'ACTIVE', activationDate: now, expirationDate: expiration })
    .where(and(eq(connectSubscriptions.id, id), eq(connectSubscriptions.status, 'PENDING')))
    .returning({ id: connectSubscriptions.id });
  return rows.length > 0;
}

/**
 * ACTIVE or DEPLETED → EXPIRED. Answers whether its end is still to be told: ended_at
 * keeps the moment a depletion told it, so only a row that had none takes `now`.
 */
export async function expireById(db: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(connectSubscriptions)
    .set({ status: 'EXPIRED', endedAt: sql`coalesce(${connectSubscriptions.endedAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(connectSubscriptions.id, id), inArray(connectSubscriptions.status, ['ACTIVE', 'DEPLETED'])))
    .returning({ status: connectSubscriptions.status, endedAt: connectSubscriptions.endedAt });
  return rows.length > 0 && rows[0].endedAt?.getTime() === now.getTime();
}

/** Whether any subscription of the SIM has used data. */
export async function anyDataUsed(db: Executor, iccid: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(connectSubscriptions)
    .where(and(eq(connectSubscriptions.iccid, iccid), sql`${connectSubscriptions.spentBalance} > 0`));
  return row.n > 0;
}

/**
 * Moves the organization's live subscriptions `seconds` into their future (the sandbox
 * clock): their activation and expiration dates come that much closer. Answers them as moved.
 */
export async function shiftLiveDates(db: Executor, organizationId: string, seconds: number) {
  const rows = await db
    .update(connectSubscriptions)
    .set({
      activationDate: sql`${connectSubscriptions.activationDate} - ${seconds} * interval '1 second'`,
      expirationDate: sql`${connectSubscriptions.expirationDate} - ${seconds} * interval '1 second'`,
    })
    .where(and(eq(connectSubscriptions.organizationId, organizationId), inArray(connectSubscriptions.status, ['PENDING', 'ACTIVE', 'DEPLETED'])))
    .returning({
      id: connectSubscriptions.id,
      status: connectSubscriptions.status,
      activationDate: connectSubscriptions.activationDate,
      expirationDate: connectSubscriptions.expirationDate,
    });
  return rows;
}
