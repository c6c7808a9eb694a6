// SQL of the SIMs sold through Connect: the stock's SIM profile joined with the sale.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { connectNotificationPreferences, connectSims, connectSubscriptions, simProfiles } from '../../db/schema.ts';
import { customerCondition, type CustomerScope } from '../customers/scope.ts';

export interface ConnectSimView {
  iccid: string;
  organizationId: string;
  eid: string | null;
  matchingId: string | null;
  smdpAddress: string | null;
  state: string;
  lastModified: Date;
  deviceId: string | null;
  /** The ACCOUNT_MANAGER's customer it was sold to; null for a RESELLER's sale. */
  customerId: string | null;
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
  customerId: connectSims.customerId,
};

/** A Connect SIM of any organization (the caller tells "not yours" from "none"). */
export async function findConnectSimById(db: Executor, iccid: string): Promise<ConnectSimView | undefined> {
  const [row] = await db.select(simColumns).from(connectSims).innerJoin(simProfiles, eq(simProfiles.iccid, connectSims.iccid)).where(eq(connectSims.iccid, iccid));
  return row;
}

export async function selectConnectSims(db: Executor, organizationId: string, offset: number, rows: number, customer?: CustomerScope): Promise<{ iccid: string }[]> {
  return db
    .select({ iccid: connectSims.iccid })
    .from(connectSims)
    .where(and(eq(connectSims.organizationId, organizationId), customerCondition(connectSims.customerId, customer)))
    .orderBy(asc(connectSims.createdAt), asc(connectSims.iccid))
    .offset(offset)
    .limit(rows);
}

export async function insertConnectSim(db: Executor, row: typeof connectSims.$inferInsert): Promise<void> {
  await db.insert(connectSims).values(row);
}

/** Removes the organization's SIM's Connect records: its preferences, subscriptions and the SIM itself. */
export async function deleteConnectSimRecords(db: Executor, organizationId: string, iccid: string): Promise<void> {
  await db.delete(connectNotificationPreferences).where(and(eq(connectNotificationPreferences.organizationId, organizationId), eq(connectNotificationPreferences.iccid, iccid)));
  await db.delete(connectSubscriptions).where(and(eq(connectSubscriptions.organizationId, organizationId), eq(connectSubscriptions.iccid, iccid)));
  await db.delete(connectSims).where(and(eq(connectSims.organizationId, organizationId), eq(connectSims.iccid, iccid)));
}

export async function lockSimProfileById(db: Executor, iccid: string): Promise<{ state: string } | undefined> {
  const [row] = await db.select({ state: simProfiles.state }).from(simProfiles).where(eq(simProfiles.iccid, iccid)).for('update');
  return row;
}

/** Locks the Connect SIM until the transaction ends: top-ups of one SIM take turns counting its subscriptions. */
export async function lockConnectSimById(db: Executor, iccid: string): Promise<void> {
  await db.select({ iccid: connectSims.iccid }).from(connectSims).where(eq(connectSims.iccid, iccid)).for('update');
}
