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
import { extraThresholdLevels } from '../webhooks/notification-preferences.store.ts';
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
  const extraLevels = await extraThresholdLevels(tx, [...new Set([...touched].map((s) => s.iccid))]);
  for (const s of touched) {
    const reached = (level: number) => s.spentBalance * 100 >= s.initialBalance * level;
    const tellThreshold = !s.thresholdReachedAt && reached(THRESHOLD_PERCENT);
    const extra = extraLevelsReached(s, extraLevels.get(s.iccid), reached);
    const tellEnd = !s.endedAt && s.spentBalance >= s.initialBalance;
    if (tellThreshold) s.thresholdReachedAt = now;
    if (extra.length > 0) s.thresholdLevelsReached = [...s.thresholdLevelsReached, ...extra];
    if (tellEnd) Object.assign(s, { status: 'DEPLETED', endedAt: now });
    await saveBalance(tx, s);
    const levels = [...(tellThreshold ? [THRESHOLD_PERCENT] : []), ...extra].sort((a, b) => a - b);
    for (const level of levels) await notify(tx, s, 'USAGE_THRESHOLD', correlationId, level);
    if (tellEnd) await notify(tx, s, 'SUBSCRIPTION_END', correlationId);
  }
  return records.length;
}

/** The reseller's extra levels (a cellhub extension) the subscription has now reached and not yet told. */
function extraLevelsReached(s: ConnectSubscription, extra: { organizationId: string; levels: number[] } | undefined, reached: (level: number) => boolean): number[] {
  if (!extra || extra.organizationId !== s.organizationId) return [];
  return extra.levels.filter((level) => level !== THRESHOLD_PERCENT && !s.thresholdLevelsReached.includes(level) && reached(level));
}

/** A subscription's balance applies to usage that started between its activation and its expiry. */
function inForce(s: ConnectSubscription, at: Date): boolean {
  return s.activationDate.getTime() <= at.getTime() && at.getTime() < s.expirationDate.getTime();
}
