// SQL of Connect balances: the data usage records of Connect SIMs and what they took.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { connectSubscriptions, connectUsageRecords } from '../../db/schema.ts';
import type { ConnectSubscription } from '../subscriptions/connect-subscriptions.store.ts';

/** Records new usage; answers the source ids not seen before (a re-sent record changes nothing). */
export async function insertConnectUsageRecords(db: Executor, rows: (typeof connectUsageRecords.$inferInsert)[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const fresh = await db.insert(connectUsageRecords).values(rows).onConflictDoNothing().returning({ id: connectUsageRecords.sourceRecordId });
  return new Set(fresh.map((r) => r.id));
}

/** Records how much of each usage record no balance covered. */
export async function recordOutOfBundle(db: Executor, rows: { organizationId: string; sourceRecordId: string; bytes: number }[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(pick: (r: (typeof rows)[number]) => T) => sql.param(rows.map(pick));
  await db.execute(sql`
    UPDATE ${connectUsageRecords} SET out_of_bundle_bytes = u.bytes
    FROM unnest(${column((r) => r.sourceRecordId)}::text[], ${column((r) => r.organizationId)}::text[], ${column((r) => r.bytes)}::bigint[])
      AS u(id, organization_id, bytes)
    WHERE ${connectUsageRecords.sourceRecordId} = u.id AND ${connectUsageRecords.organizationId} = u.organization_id`);
}

/**
 * The ACTIVE subscriptions of the SIMs, oldest activation first, locked until the
 * transaction ends: concurrent usage for one SIM takes turns, so balances stay exact
 * and each notification fires once. Locked in ICCID order, so batches never deadlock.
 */
export async function lockActiveSubscriptionsOfSims(db: Executor, iccids: string[]): Promise<ConnectSubscription[]> {
  if (iccids.length === 0) return [];
  return db
    .select()
    .from(connectSubscriptions)
    .where(and(inArray(connectSubscriptions.iccid, iccids), eq(connectSubscriptions.status, 'ACTIVE')))
    .orderBy(asc(connectSubscriptions.iccid), asc(connectSubscriptions.activationDate), asc(connectSubscriptions.id))
    .for('update');
}

export async function saveBalance(
  db: Executor,
  s: Pick<ConnectSubscription, 'id' | 'spentBalance' | 'status' | 'thresholdReachedAt' | 'thresholdLevelsReached' | 'endedAt'>,
): Promise<void> {
  await db
    .update(connectSubscriptions)
    .set({ spentBalance: s.spentBalance, status: s.status, thresholdReachedAt: s.thresholdReachedAt, thresholdLevelsReached: s.thresholdLevelsReached, endedAt: s.endedAt })
    .where(eq(connectSubscriptions.id, s.id));
}
