// The alert check, run at the end of the transaction that rates usage (the mediation
// ingest and SMS charging both rate through usage/ingest.service.ts): the batch's spend
// is added to the running totals, and every threshold on a subscription or account the
// batch touched is measured against its levels, all in two statements whatever the
// batch's size. A level reached is recorded in alert_firings, whose key (threshold,
// level, period) lets it fire once per period even when batches race, and becomes an
// event (and so a webhook) in the same transaction.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/database.ts';
import { recordEvents } from '../events/events.service.ts';
import { spendDeltas, type RatedItem, type SpendDelta } from './spend.ts';

export interface Firing {
  organizationId: string;
  thresholdId: string;
  kind: string;
  accountId: string;
  subscriptionId: string | null;
  currency: string | null;
  level: string;
  value: string;
  periodStart: Date;
}

/** Checks the thresholds of what `items` (the batch's rated usage items) touched; `now`: the batch's time. */
export async function checkAlerts(tx: Executor, items: RatedItem[], now: Date, correlationId?: string): Promise<Firing[]> {
  if (items.length === 0) return [];
  const deltas = spendDeltas(items);
  await addSpend(tx, deltas);
  const fired = await fireCrossedLevels(tx, touchedBy(items), [...new Set(deltas.map((d) => d.periodStart.toISOString()))], now);
  await recordFirings(tx, fired, correlationId);
  return fired;
}

function touchedBy(items: RatedItem[]) {
  const bySubscription = new Map(items.map((item) => [item.subscriptionId, item]));
  const touched = [...bySubscription.values()];
  return { organizations: touched.map((t) => t.organizationId), subscriptions: touched.map((t) => t.subscriptionId), accounts: touched.map((t) => t.accountId) };
}

async function addSpend(tx: Executor, deltas: SpendDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await tx.execute(sql`
    INSERT INTO spend_totals (organization_id, owner_id, period_start, currency, out_of_bundle, roaming)
    SELECT * FROM unnest(${sql.param(deltas.map((d) => d.organizationId))}::text[], ${sql.param(deltas.map((d) => d.ownerId))}::text[],
                         ${sql.param(deltas.map((d) => d.periodStart.toISOString()))}::timestamptz[], ${sql.param(deltas.map((d) => d.currency))}::text[],
                         ${sql.param(deltas.map((d) => d.outOfBundle))}::numeric[], ${sql.param(deltas.map((d) => d.roaming))}::numeric[])
    ON CONFLICT (organization_id, owner_id, period_start, currency)
    DO UPDATE SET out_of_bundle = spend_totals.out_of_bundle + excluded.out_of_bundle, roaming = spend_totals.roaming + excluded.roaming`);
}

/**
 * Measures each threshold on a touched subscription or account (data share: what its
 * products in force used of their data; spend: the month's totals of the periods the
 * batch spent in) and records every level reached that has not fired in its period.
 */
async function fireCrossedLevels(tx: Executor, touched: ReturnType<typeof touchedBy>, spendPeriods: string[], now: Date): Promise<Firing[]> {
  const at = now.toISOString();
  return queryRows<Firing>(
    tx,
    sql`
    WITH touched AS (
      SELECT DISTINCT * FROM unnest(${sql.param(touched.organizations)}::text[], ${sql.param(touched.subscriptions)}::text[], ${sql.param(touched.accounts)}::text[])
        AS x(organization_id, subscription_id, account_id)
    ), thresholds AS (
      SELECT t.* FROM alert_thresholds t JOIN touched x ON t.organization_id = x.organization_id AND t.subscription_id = x.subscription_id
      UNION
      SELECT t.* FROM alert_thresholds t JOIN (SELECT DISTINCT organization_id, account_id FROM touched) x
        ON t.organization_id = x.organization_id AND t.account_id = x.account_id AND t.subscription_id IS NULL
    ), measured AS (
      SELECT t.id, t.organization_id, t.kind, t.account_id, t.subscription_id, t.currency, t.levels, m.period_start, m.value
      FROM thresholds t CROSS JOIN LATERAL (
        SELECT date_trunc('month', ${at}::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS period_start,
               round(100 * sum(p.data_used_bytes)::numeric / nullif(sum(o.data_bytes), 0), 4) AS value
        FROM (
          -- Apart, so each finds its products by an index (a subscription's, an account's).
          SELECT p.* FROM products p WHERE t.kind = 'data_share' AND t.subscription_id IS NOT NULL AND p.subscription_id = t.subscription_id
          UNION ALL
          SELECT p.* FROM products p
          WHERE t.kind = 'data_share' AND t.subscription_id IS NULL AND p.organization_id = t.organization_id AND p.account_id = t.account_id
        ) p JOIN product_offerings o ON o.id = p.offering_id
        WHERE p.organization_id = t.organization_id AND o.data_bytes IS NOT NULL
          AND p.activated_at <= ${at}::timestamptz AND (p.terminates_at IS NULL OR p.terminates_at > ${at}::timestamptz)
        HAVING t.kind = 'data_share'
        UNION ALL
        SELECT s.period_start, CASE WHEN t.kind = 'roaming_spend' THEN s.roaming ELSE s.out_of_bundle END
        FROM spend_totals s
        WHERE t.kind <> 'data_share' AND s.organization_id = t.organization_id AND s.owner_id = coalesce(t.subscription_id, t.account_id)
          AND s.currency = t.currency AND s.period_start = ANY(${sql.param(spendPeriods)}::timestamptz[])
      ) m
    ), crossed AS (
      SELECT m.*, level FROM measured m CROSS JOIN LATERAL unnest(m.levels) AS level WHERE m.value >= level
    ), fired AS (
      INSERT INTO alert_firings (organization_id, threshold_id, level, period_start, fired_at)
      SELECT organization_id, id, level, period_start, ${at}::timestamptz FROM crossed
      ON CONFLICT DO NOTHING
      RETURNING organization_id, threshold_id, level, period_start
    )
    SELECT f.organization_id AS "organizationId", f.threshold_id AS "thresholdId", c.kind, c.account_id AS "accountId",
           c.subscription_id AS "subscriptionId", c.currency, f.level::text AS level, c.value::text AS value, f.period_start AS "periodStart"
    FROM fired f JOIN crossed c ON c.organization_id = f.organization_id AND c.id = f.threshold_id AND c.level = f.level AND c.period_start = f.period_start
    ORDER BY f.organization_id, f.threshold_id, f.level`,
  );
}

/** Each fired level as an event of its organization (usage.threshold_crossed or spend.alert). */
async function recordFirings(tx: Executor, fired: Firing[], correlationId?: string): Promise<void> {
  const byOrganization = new Map<string, Firing[]>();
  for (const f of fired) {
    const firings = byOrganization.get(f.organizationId) ?? [];
    if (firings.length === 0) byOrganization.set(f.organizationId, firings);
    firings.push(f);
  }
  for (const [organizationId, firings] of byOrganization) {
    const changes = firings.map((f) => ({
      type: f.kind === 'data_share' ? ('usage.threshold_crossed' as const) : ('spend.alert' as const),
      subject: { kind: 'data' as const, data: alertData(f) },
    }));
    await recordEvents(tx, organizationId, changes, correlationId);
  }
}

/** An alert event's data (its OpenAPI shape is AlertEventData in api/enterprise). */
export function alertData(f: Firing) {
  const periodStart = new Date(f.periodStart);
  const periodEnd = new Date(Date.UTC(periodStart.getUTCFullYear(), periodStart.getUTCMonth() + 1, 1));
  const links = {
    threshold: { href: `/enterprise/alert-thresholds/${f.thresholdId}` },
    account: { href: `/enterprise/accounts/${f.accountId}` },
    ...(f.subscriptionId ? { subscription: { href: `/enterprise/subscriptions/${f.subscriptionId}` } } : {}),
  };
  return {
    threshold_id: f.thresholdId,
    kind: f.kind,
    account_id: f.accountId,
    subscription_id: f.subscriptionId,
    level: Number(f.level),
    value: Number(f.value),
    currency: f.currency,
    period_start: periodStart.toISOString(),
    period_end: periodEnd.toISOString(),
    _links: links,
  };
}
