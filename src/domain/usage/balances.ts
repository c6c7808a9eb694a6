// Connect balances: data usage of a Connect SIM is taken from the subscriptions that were
// in force when it started (ACTIVE, activated by then and not yet expired), oldest first,
// in the usage ingest's transaction. Crossing 80 % tells USAGE_THRESHOLD and running out
// makes the subscription DEPLETED and tells SUBSCRIPTION_END, each once (the subscriptions
// are locked while a batch rates them, and the moments are recorded). A balance that has
// ended since (depleted or expired) is not reopened by late usage: what no balance takes
// is recorded as out of bundle on the usage record.
import type { Executor } from '../../db/database.ts';
import { notify, THRESHOLD_PERCENT } from '../webhooks/notifications.ts';
import type { ConnectSubscription } from '../subscriptions/connect-subscriptions.store.ts';
import { insertConnectUsageRecords, lockActiveSubscriptionsOfSims, recordOutOfBundle, saveBalance } from './balances.store.ts';

export interface ConnectUsage {
  sourceRecordId: string;
  /** Whose SIM it was when the record started. */
  organizationId: string;
  iccid: string;
  bytes: number;
  startedAt: Date;
}

/** Rates the usage; answers how many records were new (the rest were seen before). */
export async function rateConnectUsage(tx: Executor, usage: ConnectUsage[], now: Date, correlationId?: string): Promise<number> {
  const fresh = await insertConnectUsageRecords(tx, usage);
  const records = usage.filter((u) => fresh.has(u.sourceRecordId)).sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  if (records.length === 0) return 0;
  const subscriptions = await lockActiveSubscriptionsOfSims(tx, [...new Set(records.map((r) => r.iccid))].sort());
  const touched = new Set<ConnectSubscription>();
  const uncovered: { organizationId: string; sourceRecordId: string; bytes: number }[] = [];
  for (const record of records) {
    let left = record.bytes;
    for (const s of subscriptions) {
      if (left === 0) break;
      if (s.iccid !== record.iccid || s.status !== 'ACTIVE' || !inForce(s, record.startedAt)) continue;
      const take = Math.min(left, s.initialBalance - s.spentBalance);
      if (take <= 0) continue;
      s.spentBalance += take;
      left -= take;
      touched.add(s);
    }
    // Usage beyond every balance is not charged here (the network bars data once a SIM has
    // none), but recorded: late usage of an ended balance is out of bundle.
    if (left > 0) uncovered.push({ organizationId: record.organizationId, sourceRecordId: record.sourceRecordId, bytes: left });
  }
  await recordOutOfBundle(tx, uncovered);
  for (const s of touched) {
    const tellThreshold = !s.thresholdReachedAt && s.spentBalance * 100 >= s.initialBalance * THRESHOLD_PERCENT;
    const tellEnd = !s.endedAt && s.spentBalance >= s.initialBalance;
    if (tellThreshold) s.thresholdReachedAt = now;
    if (tellEnd) Object.assign(s, { status: 'DEPLETED', endedAt: now });
    await saveBalance(tx, s);
    if (tellThreshold) await notify(tx, s, 'USAGE_THRESHOLD', correlationId);
    if (tellEnd) await notify(tx, s, 'SUBSCRIPTION_END', correlationId);
  }
  return records.length;
}

/** A subscription's balance applies to usage that started between its activation and its expiry. */
function inForce(s: ConnectSubscription, at: Date): boolean {
  return s.activationDate.getTime() <= at.getTime() && at.getTime() < s.expirationDate.getTime();
}
