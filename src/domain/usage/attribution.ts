// Attribution: whose usage a record is. Numbers come from pools and had earlier holders,
// SIMs are swapped, and mediation delivers records hours or days late, so a record
// belongs to whoever held its number (or, without one, its SIM) when it STARTED, not to
// whoever holds it now. Pure: the ingest reads a batch's holdings and suspensions in one
// query each, then attributes every record here.
//
// - A holding covers [held_from, held_until): a record starting at a termination or a
//   swap is the next holder's, or nobody's.
// - A record in no holding (before the first, in quarantine, after the end) is refused.
// - A record starting within a suspension is refused: the network bars a suspended
//   subscription's services, so it makes no chargeable traffic then, and a record that
//   says otherwise is not the subscription's to pay (nor anyone else's).
import type { Holding, HoldingKind } from '../inventory/holdings.store.ts';
import type { Suspension } from '../subscriptions/suspensions.store.ts';
import type { UsageRecord } from './usage-record.ts';

export interface HeldKey {
  kind: HoldingKind;
  identifier: string;
}

/** What a record is looked up by: its number, or else its SIM. */
export function keyOf(record: UsageRecord): HeldKey {
  return record.msisdn ? { kind: 'msisdn', identifier: record.msisdn } : { kind: 'iccid', identifier: record.iccid! };
}

export type Attribution = { holding: Holding } | { reason: string };

/** The batch's holdings and suspensions, indexed for attributing its records. */
export class Holders {
  private readonly holdings = new Map<string, Holding[]>();
  private readonly suspensions = new Map<string, Suspension[]>();

  constructor(holdings: Holding[], suspensions: Suspension[] = []) {
    for (const h of holdings) push(this.holdings, `${h.kind}:${h.identifier}`, h);
    for (const s of suspensions) push(this.suspensions, s.subscriptionId, s);
  }

  /** The holding the record started in, if any (suspensions aside). */
  holdingAt(record: UsageRecord): Holding | undefined {
    const { kind, identifier } = keyOf(record);
    const t = record.startedAt.getTime();
    // Holdings of one identifier never overlap; should bad data make them, the latest wins.
    let found: Holding | undefined;
    for (const h of this.holdings.get(`${kind}:${identifier}`) ?? []) {
      if (within(h.heldFrom, h.heldUntil, t) && (!found || h.heldFrom > found.heldFrom)) found = h;
    }
    return found;
  }

  /** The holding the record is rated under, or why it is refused (naming the number or SIM and the time). */
  attribute(record: UsageRecord): Attribution {
    const holding = this.holdingAt(record);
    if (holding && !(holding.subscriptionId && this.suspendedAt(holding.subscriptionId, record.startedAt))) return { holding };
    const { kind, identifier } = keyOf(record);
    const at = record.startedAt.toISOString(); // as the usage API writes times
    if (!holding) return { reason: `${kind}: ${identifier} was held by no subscription at ${at}` };
    return { reason: `${kind}: ${identifier} was held by subscription ${holding.subscriptionId}, suspended at ${at} (services barred)` };
  }

  private suspendedAt(subscriptionId: string, at: Date): boolean {
    return (this.suspensions.get(subscriptionId) ?? []).some((s) => within(s.suspendedFrom, s.suspendedUntil, at.getTime()));
  }
}

/** The first and last start of the records: the window whose holdings the batch needs. */
export function spanOf(records: UsageRecord[]): { from: Date; until: Date } {
  let from = Infinity;
  let until = -Infinity;
  for (const { startedAt } of records) {
    from = Math.min(from, startedAt.getTime());
    until = Math.max(until, startedAt.getTime());
  }
  return { from: new Date(from), until: new Date(until) };
}

const within = (from: Date, until: Date | null, t: number) => from.getTime() <= t && (until === null || t < until.getTime());

function push<V>(map: Map<string, V[]>, key: string, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
