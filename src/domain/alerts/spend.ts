// What a rated batch adds to its subscriptions' and accounts' spend. Pure: the alert
// check writes these deltas into spend_totals in one statement.

/** The fields of a usage item the spend totals need. */
export interface RatedItem {
  organizationId: string;
  accountId: string;
  subscriptionId: string;
  startedAt: Date;
  costType: string;
  roaming: boolean;
  /** As stored: numeric as a string; null when unpriced. */
  amount?: string | null;
  currency?: string | null;
}

export interface SpendDelta {
  organizationId: string;
  /** A subscription or an account. */
  ownerId: string;
  periodStart: Date;
  currency: string;
  outOfBundle: number;
  /** The part of the out-of-bundle spend made abroad. */
  roaming: number;
}

/** The billing period of usage: the calendar month (UTC) it started in. */
export function periodOf(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/** Spend per subscription and per account, month and currency; sorted by key so concurrent batches lock rows in one order. */
export function spendDeltas(items: RatedItem[]): SpendDelta[] {
  const byKey = new Map<string, SpendDelta>();
  for (const item of items) {
    if (item.costType !== 'out_of_bundle' || item.amount == null || !item.currency) continue;
    const amount = Number(item.amount);
    const periodStart = periodOf(item.startedAt);
    for (const ownerId of [item.subscriptionId, item.accountId]) {
      const key = [item.organizationId, ownerId, periodStart.toISOString(), item.currency].join('|');
      const delta = byKey.get(key) ?? { organizationId: item.organizationId, ownerId, periodStart, currency: item.currency, outOfBundle: 0, roaming: 0 };
      delta.outOfBundle += amount;
      if (item.roaming) delta.roaming += amount;
      byKey.set(key, delta);
    }
  }
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, delta]) => ({ ...delta, outOfBundle: round(delta.outOfBundle), roaming: round(delta.roaming) }));
}
