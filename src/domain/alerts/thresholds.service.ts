// Alert thresholds (a cellhub extension): what an organization wants to hear about before
// the invoice, on an account or on one subscription. Checked as usage is rated
// (check-alerts.ts); each level fires once per period.
import type { Executor } from '../../db/database.ts';
import { findAccount } from '../accounts/accounts.store.ts';
import { invalidParams, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import * as store from './thresholds.store.ts';

export const THRESHOLD_KINDS = ['data_share', 'out_of_bundle_spend', 'roaming_spend'] as const;
export type ThresholdKind = (typeof THRESHOLD_KINDS)[number];

export const MAX_LEVELS = 10;
/** Data share levels are percentages of the bundle. */
const MAX_SHARE = 100;

export type Threshold = Omit<store.ThresholdRow, 'levels' | 'kind'> & { kind: ThresholdKind; levels: number[] };

export interface NewThreshold {
  accountId?: string;
  subscriptionId?: string;
  kind: ThresholdKind;
  levels: number[];
  currency?: string | null;
}

export interface ThresholdChange {
  levels?: number[];
  currency?: string | null;
}

const isSpend = (kind: ThresholdKind) => kind !== 'data_share';

export function fromRow(row: store.ThresholdRow): Threshold {
  return { ...row, kind: row.kind as ThresholdKind, levels: row.levels.map(Number) };
}

/** Levels without repeats, lowest first; each within the kind's range. */
export function checkedLevels(kind: ThresholdKind, levels: number[]): number[] {
  if (levels.length === 0 || levels.length > MAX_LEVELS) throw invalidParams(`levels: between 1 and ${MAX_LEVELS} levels`);
  levels.forEach((level, i) => {
    if (!(level > 0)) throw invalidParams(`levels[${i}]: must be greater than 0`);
    if (kind === 'data_share' && level > MAX_SHARE) throw invalidParams(`levels[${i}]: a data share is a percentage, at most ${MAX_SHARE}`);
    if (Math.round(level * 10_000) !== level * 10_000) throw invalidParams(`levels[${i}]: at most 4 decimals`);
  });
  return [...new Set(levels)].sort((a, b) => a - b);
}

function refuseCurrencyOfShare(kind: ThresholdKind, currency: string | null | undefined): void {
  if (!isSpend(kind) && currency) throw invalidParams('currency: only spend thresholds have a currency');
}

/**
 * A spend threshold counts in the currency given, or else in the account's: the one
 * currency its plans are priced in (out-of-bundle usage is priced at its plan's rates).
 */
async function currencyFor(db: Executor, organizationId: string, accountId: string, kind: ThresholdKind, currency: string | null | undefined): Promise<string | null> {
  if (!isSpend(kind)) return null;
  if (currency) return currency;
  const priced = await store.planCurrencies(db, organizationId, accountId);
  if (priced.length === 1) return priced[0];
  if (priced.length === 0) throw invalidParams(`currency: required for ${kind}: account ${accountId} has no plan to take it from`);
  throw invalidParams(`currency: required for ${kind}: account ${accountId}'s plans are priced in ${priced.join(', ')}`);
}

export async function createThreshold(db: Executor, organizationId: string, input: NewThreshold): Promise<Threshold> {
  if (Boolean(input.accountId) === Boolean(input.subscriptionId)) throw invalidParams('account_id: give either account_id or subscription_id');
  const levels = checkedLevels(input.kind, input.levels);
  refuseCurrencyOfShare(input.kind, input.currency);
  const accountId = input.subscriptionId
    ? await store.accountOfSubscription(db, organizationId, input.subscriptionId)
    : (await findAccount(db, organizationId, input.accountId!))?.id;
  if (!accountId) throw invalidParams(input.subscriptionId ? `subscription_id: no subscription ${input.subscriptionId}` : `account_id: no account ${input.accountId}`);
  const currency = await currencyFor(db, organizationId, accountId, input.kind, input.currency);
  const row = await store.insertThreshold(db, {
    id: newId('alertThreshold'),
    organizationId,
    accountId,
    subscriptionId: input.subscriptionId ?? null,
    kind: input.kind,
    levels: levels.map(String),
    currency,
  });
  return fromRow(row);
}

export async function getThreshold(db: Executor, organizationId: string, id: string): Promise<Threshold> {
  const row = await store.findThreshold(db, organizationId, id);
  if (!row) throw notFound(`alert threshold ${id}`);
  return fromRow(row);
}

export async function listThresholds(db: Executor, organizationId: string, page: { after?: string; rows: number }): Promise<Threshold[]> {
  return (await store.selectThresholds(db, organizationId, page)).map(fromRow);
}

export async function changeThreshold(db: Executor, organizationId: string, id: string, change: ThresholdChange): Promise<Threshold> {
  const existing = await getThreshold(db, organizationId, id);
  const levels = change.levels && checkedLevels(existing.kind, change.levels);
  refuseCurrencyOfShare(existing.kind, change.currency);
  const currency = change.currency === undefined ? undefined : await currencyFor(db, organizationId, existing.accountId, existing.kind, change.currency);
  const row = await store.updateThreshold(db, organizationId, id, { levels: levels?.map(String), currency });
  if (!row) throw notFound(`alert threshold ${id}`);
  return fromRow(row);
}

export async function deleteThreshold(db: Executor, organizationId: string, id: string): Promise<void> {
  if (!(await db.transaction((tx) => store.deleteThreshold(tx, organizationId, id)))) throw notFound(`alert threshold ${id}`);
}

export const recentFirings = store.recentFirings;
