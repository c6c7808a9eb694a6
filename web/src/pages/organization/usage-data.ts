// Usage as the charts read it: the API's items (newest first, cursor pages) summed by day,
// type and cost type, and roaming by country. The enterprise API has items and no totals,
// so the console sums what it read and says when it stopped short.
import { useQuery } from '@tanstack/react-query';
import type { Cellhub, DataOf } from '@cellhub/sdk';
import { useConsole, nextCursor } from '../../app/api.tsx';

type UsageList = DataOf<'/enterprise/usage/items', 'get'>;
export type UsageItem = UsageList['_embedded']['items'][number];
export type UsageType = 'voice' | 'data' | 'sms';
export type CostType = 'free' | 'in_bundle' | 'out_of_bundle';

export interface UsageFilters {
  'from-date'?: string;
  'to-date'?: string;
  'account-id'?: string;
  'subscription-id'?: string;
  'subscriber-id'?: string;
  msisdn?: string;
  type?: UsageType[];
  direction?: 'inbound' | 'outbound';
  'cost-type'?: CostType[];
}

export interface UsageSummary {
  items: UsageItem[];
  /** More items matched than were read (the sums cover the newest `items.length`). */
  truncated: boolean;
  completeUntil: string | null;
  days: string[];
  /** Charged quantity per day, by `${type}:${cost_type}`. */
  byDay: Record<string, number[]>;
  /** Charged quantity per type and cost type. */
  totals: Record<UsageType, Record<CostType, number>>;
  /** Roaming items per country: count and charged quantity per type. */
  roaming: { country: string; count: number; data: number; voice: number; sms: number }[];
}

const PAGE = 100;
const MAX_PAGES = 20;

function clean(filters: UsageFilters): UsageFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
}

async function readUsage(client: Cellhub, filters: UsageFilters): Promise<{ items: UsageItem[]; truncated: boolean; completeUntil: string | null }> {
  const items: UsageItem[] = [];
  let cursor: string | undefined;
  let completeUntil: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const list = await client.get('/enterprise/usage/items', { params: { query: { ...clean(filters), limit: PAGE, cursor } } });
    if (page === 0) completeUntil = list.usage_complete_until;
    items.push(...list._embedded.items);
    cursor = nextCursor(list._links);
    if (!cursor) return { items, truncated: false, completeUntil };
  }
  return { items, truncated: true, completeUntil };
}

export function summarize(items: UsageItem[]): Omit<UsageSummary, 'items' | 'truncated' | 'completeUntil'> {
  const days = [...new Set(items.map((i) => i.started_at.slice(0, 10)))].sort();
  const index = new Map(days.map((d, i) => [d, i]));
  const byDay: Record<string, number[]> = {};
  const zero = () => ({ free: 0, in_bundle: 0, out_of_bundle: 0 });
  const totals: UsageSummary['totals'] = { voice: zero(), data: zero(), sms: zero() };
  const roaming = new Map<string, UsageSummary['roaming'][number]>();
  for (const item of items) {
    const type = item.type as UsageType;
    const cost = item.cost_type as CostType;
    const key = `${type}:${cost}`;
    byDay[key] ??= days.map(() => 0);
    byDay[key][index.get(item.started_at.slice(0, 10))!] += item.charged_quantity;
    if (totals[type]) totals[type][cost] += item.charged_quantity;
    if (item.roaming) {
      const row = roaming.get(item.location_country) ?? { country: item.location_country, count: 0, data: 0, voice: 0, sms: 0 };
      row.count++;
      row[type] += item.charged_quantity;
      roaming.set(item.location_country, row);
    }
  }
  return { days, byDay, totals, roaming: [...roaming.values()].sort((a, b) => b.count - a.count) };
}

export function useUsage(filters: UsageFilters) {
  const { client } = useConsole();
  return useQuery({
    queryKey: ['enterprise', 'usage', filters],
    queryFn: async (): Promise<UsageSummary> => {
      const read = await readUsage(client, filters);
      return { ...read, ...summarize(read.items) };
    },
  });
}

/** The same items as CSV, for a spreadsheet. */
export function usageCsv(items: UsageItem[]): string {
  const columns = [
    'id',
    'type',
    'direction',
    'started_at',
    'ended_at',
    'from_msisdn',
    'to_msisdn',
    'location_country',
    'roaming',
    'quantity',
    'unit',
    'charged_quantity',
    'cost_type',
  ] as const;
  const cell = (value: string | number | boolean | null | undefined) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...items.map((item) => columns.map((c) => cell(item[c])).join(','))].join('\n') + '\n';
}

/** Bytes in MB, seconds in minutes, messages as they are: the units the charts plot. */
export function plotted(type: UsageType, quantity: number): number {
  if (type === 'data') return Math.round((quantity / 1e6) * 10) / 10;
  if (type === 'voice') return Math.round((quantity / 60) * 10) / 10;
  return quantity;
}

export const UNIT: Record<UsageType, string> = { data: 'MB', voice: 'min', sms: 'messages' };
