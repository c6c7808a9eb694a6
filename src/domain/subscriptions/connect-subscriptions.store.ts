// SQL of Connect's data-plan subscriptions: a product's balance on a SIM, with its dates.
import { and, desc, eq, getTableColumns, gte, inArray, lt, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/database.ts';
import { rowOf, statement } from '../../db/statement.ts';
import { connectProducts, connectSims, connectSubscriptions, simProfiles } from '../../db/schema.ts';
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

/** A table's columns as `column AS "prefix.key"`, so two tables' columns share a row. */
const prefixedColumns = (table: PgTable, prefix: string) =>
  sql.join(
    Object.keys(getTableColumns(table)).map((key) => sql`${getTableColumns(table)[key]} AS ${sql.identifier(`${prefix}.${key}`)}`),
    sql`, `,
  );

/** The part of a raw row whose keys carry `prefix.`, without it. */
function unprefixed(raw: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const part: Record<string, unknown> = {};
  for (const key in raw) if (key.startsWith(`${prefix}.`)) part[key.slice(prefix.length + 1)] = raw[key];
  return part;
}

// The SIM's page of subscriptions in one prepared statement (a hot read of Connect): the
// SIM's row comes with every subscription, or alone (with nulls) when the page is empty.
const simSubscriptionsStatement = statement<Record<string, unknown>>(
  'connect_sim_subscriptions',
  () => sql`
    SELECT ${connectSims.organizationId} AS "simOrganizationId", ${connectSims.customerId} AS "simCustomerId", ${connectSims.deviceId} AS "deviceId",
           ${prefixedColumns(connectSubscriptions, 'subscription')}, ${prefixedColumns(connectProducts, 'product')}
    FROM ${connectSims}
    JOIN ${simProfiles} ON ${simProfiles.iccid} = ${connectSims.iccid}
    LEFT JOIN (${connectSubscriptions} JOIN ${connectProducts} ON ${connectProducts.id} = ${connectSubscriptions.productId})
      ON ${connectSubscriptions.iccid} = ${connectSims.iccid} AND ${connectSubscriptions.organizationId} = ${sql.placeholder('organizationId')}
    WHERE ${connectSims.iccid} = ${sql.placeholder('iccid')}
    ORDER BY ${connectSubscriptions.createdAt} DESC, ${connectSubscriptions.id} DESC
    OFFSET ${sql.placeholder('offset')} LIMIT ${sql.placeholder('rows')}`,
);

/**
 * A Connect SIM's owner and customer with a page of its subscriptions (of
 * `organizationId`, newest first), in one round trip. `sim` is undefined when the SIM
 * is unknown, or when the page lies past the last subscription (the caller tells which).
 */
export async function selectSimSubscriptions(db: Executor, organizationId: string, iccid: string, offset: number, rows: number) {
  const raw = await simSubscriptionsStatement(db, { organizationId, iccid, offset, rows });
  if (raw.length === 0) return { sim: undefined, rows: [] };
  const sim = { organizationId: raw[0].simOrganizationId as string, customerId: raw[0].simCustomerId as string | null };
  const page: ConnectSubscriptionRow[] = raw
    .filter((r) => r['subscription.id'] !== null)
    .map((r) => ({
      subscription: rowOf(connectSubscriptions, unprefixed(r, 'subscription')),
      product: rowOf(connectProducts, unprefixed(r, 'product')),
      deviceId: r.deviceId as string | null,
      customerId: sim.customerId,
    }));
  return { sim, rows: page };
}

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
 * ACTIVE or DEPLETED → EXPIRED. Answers whether this call expired it, and whether its
 * end is still to be told: ended_at keeps the moment a depletion told it, so only a row
 * that had none takes `now`.
 */
export async function expireById(db: Executor, id: string, now: Date): Promise<{ expired: boolean; tellsEnd: boolean }> {
  const rows = await db
    .update(connectSubscriptions)
    .set({ status: 'EXPIRED', endedAt: sql`coalesce(${connectSubscriptions.endedAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(connectSubscriptions.id, id), inArray(connectSubscriptions.status, ['ACTIVE', 'DEPLETED'])))
    .returning({ status: connectSubscriptions.status, endedAt: connectSubscriptions.endedAt });
  return { expired: rows.length > 0, tellsEnd: rows.length > 0 && rows[0].endedAt?.getTime() === now.getTime() };
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
