// Usage items: rated usage, newest first, in keyset pages. The answer also says up to
// when the organization's usage is complete (`usage_complete_until`), so a client
// knows how current the list is.
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { readList } from '../../http/read-choice.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { decodeCursor, toPage } from '../../http/cursor.ts';
import { halList, iso, Link, link, ListQuery } from '../../http/hal.ts';
import { invalidParams } from '../../domain/errors.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';
import { idPattern } from '../../domain/ids.ts';
import { COST_TYPES, DIRECTIONS, USAGE_TYPES } from '../../domain/usage/usage-record.ts';
import { processedUntil, selectUsage, type UsageItem } from '../../domain/usage/usage.store.ts';
import { EXPENSIVE } from '../../http/tenant-gate.ts';
import { DAY_MS } from '../../domain/time.ts';

const DatePattern = '^([0-9]{4})-(?:[0-9]{2})-([0-9]{2})$';

const UsageQuery = Type.Object({
  'from-date': Type.Optional(Type.String({ pattern: DatePattern, description: 'First day (inclusive), YYYY-MM-DD' })),
  'to-date': Type.Optional(Type.String({ pattern: DatePattern, description: 'Last day (inclusive), YYYY-MM-DD' })),
  'account-id': Type.Optional(Type.String({ pattern: idPattern('account') })),
  'subscription-id': Type.Optional(Type.String({ pattern: idPattern('subscription') })),
  'subscriber-id': Type.Optional(Type.String({ pattern: idPattern('subscriber') })),
  msisdn: Type.Optional(Type.String({ pattern: '^\\d{12,15}$' })),
  type: Type.Optional(Type.Array(Type.Enum(USAGE_TYPES), { description: 'Repeatable, or a comma-separated list' })),
  direction: Type.Optional(Type.Enum(DIRECTIONS)),
  'cost-type': Type.Optional(Type.Array(Type.Enum(COST_TYPES), { description: 'Repeatable, or a comma-separated list' })),
  ...ListQuery,
});

const Msisdn = Nullable(Type.Integer());

const UsageItemBody = Type.Object(
  {
    id: Type.String(),
    type: Type.String(),
    direction: Type.String(),
    technology: Nullable(Type.String()),
    from_msisdn: Msisdn,
    to_msisdn: Msisdn,
    location_country: Type.String(),
    roaming: Type.Boolean(),
    is_recorded: Type.Boolean(),
    started_at: Type.String(),
    ended_at: Type.String(),
    processed_at: Type.String(),
    quantity: Type.Integer(),
    unit: Type.String(),
    charged_quantity: Type.Integer(),
    cost_type: Type.String(),
    cellhub_out_of_bundle_cost: Type.Optional(
      Nullable(
        Type.Object(
          { amount: Type.String({ description: 'A decimal amount, 4 decimals' }), currency: Type.String() },
          {
            description:
              'A cellhub extension (not in the provider’s API): what an `out_of_bundle` item costs at its plan’s out-of-bundle rates, in the plan’s currency; null when the item is not out of bundle or its plan has no rate for the type.',
          },
        ),
      ),
    ),
    _links: Type.Object({ subscription: Link, subscriber: Link }),
  },
  {
    // 45 s charged as 60 s: the plan's increment (the seed's example)
    examples: [
      {
        id: 'uitem_01J00000000000000000000004',
        type: 'voice',
        direction: 'outbound',
        technology: 'VoLTE',
        from_msisdn: 447700900123,
        to_msisdn: 447700900456,
        location_country: 'GB',
        roaming: false,
        is_recorded: false,
        started_at: '2026-11-30T09:15:22.000Z',
        ended_at: '2026-11-30T09:16:07.000Z',
        processed_at: '2026-11-30T09:20:00.000Z',
        quantity: 45,
        unit: 'seconds',
        charged_quantity: 60,
        cost_type: 'in_bundle',
        _links: {
          subscription: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB' },
          subscriber: { href: '/enterprise/subscribers/sbr_01CWCM8KDGFTCYVH3KDP46HDXV' },
        },
      },
    ],
  },
);

const UsageList = Type.Object({
  usage_complete_until: Nullable(Type.String()),
  _links: Type.Object({ self: Link, next: Type.Optional(Link) }),
  _embedded: Type.Object({ items: Type.Array(UsageItemBody) }),
});

// MSISDNs are numbers in the provider's answers (15 digits fit a JSON number exactly).
const msisdnNumber = (value: string | null) => (value && /^\d{1,15}$/.test(value) ? Number(value) : null);

const representItem = (u: UsageItem) => ({
  id: u.id,
  type: u.type,
  direction: u.direction,
  technology: u.technology,
  from_msisdn: msisdnNumber(u.fromMsisdn),
  to_msisdn: msisdnNumber(u.toMsisdn),
  location_country: u.locationCountry,
  roaming: u.roaming,
  is_recorded: u.isRecorded,
  started_at: u.startedAt.toISOString(),
  ended_at: u.endedAt.toISOString(),
  processed_at: u.processedAt.toISOString(),
  quantity: u.quantity,
  unit: u.unit,
  charged_quantity: u.chargedQuantity,
  cost_type: u.costType,
  cellhub_out_of_bundle_cost: u.amount === null || u.currency === null ? null : { amount: u.amount, currency: u.currency },
  _links: {
    subscription: link(`/enterprise/subscriptions/${u.subscriptionId}`),
    subscriber: link(`/enterprise/subscribers/${u.subscriberId}`),
  },
});

/** `type=voice,sms` and `type=voice&type=sms` mean the same: split comma lists before validation. */
async function splitCommaLists(request: FastifyRequest) {
  const query = request.query as Record<string, unknown>;
  for (const key of ['type', 'cost-type']) {
    const value = query[key];
    if (value === undefined) continue;
    query[key] = ([] as unknown[])
      .concat(value)
      .flatMap((v) => String(v).split(','))
      .filter(Boolean);
  }
}

function dayOf(field: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw invalidParams(`${field}: ${value} is not a date`);
  return date;
}

/** Cursors carry the last item's (started_at, id): the list is ordered by both. */
const keyOf = (u: UsageItem) => `${u.startedAt.toISOString()}|${u.id}`;

function afterKey(key: string | undefined) {
  if (!key) return undefined;
  const [at, id] = key.split('|');
  const startedAt = new Date(at);
  if (!id || Number.isNaN(startedAt.getTime())) throw invalidParams('cursor: is not a cursor this API issued');
  return { startedAt, id };
}

export function usageRoutes(platform: Platform) {
  return async (app: App) => {
    app.get(
      '/usage/items',
      {
        config: EXPENSIVE,
        preValidation: splitCommaLists,
        schema: {
          tags: ['usage'],
          summary: 'List itemized usage events, newest first',
          description:
            "Rated usage items (voice, data, sms), newest first by `started_at`, filtered by `from-date`/`to-date` (inclusive dates), `account-id`, `subscription-id`, `subscriber-id`, `msisdn`, `type`, `direction` and `cost-type` (repeat a filter or give a comma list). Each item says what was charged (`charged_quantity`, voice rounded up to the plan's increment) and how (`cost_type`: free, in_bundle, out_of_bundle); `usage_complete_until` says how current the list is.",
          querystring: UsageQuery,
          response: { 200: UsageList, ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        const org = principalOf(request).organizationId;
        const q = request.query;
        const from = dayOf('from-date', q['from-date']);
        const to = dayOf('to-date', q['to-date']);
        if (from && to && to < from) throw invalidParams('to-date: is before from-date');
        const filters = {
          fromDate: from,
          toDate: to ? new Date(to.getTime() + DAY_MS) : undefined,
          accountId: q['account-id'],
          subscriptionId: q['subscription-id'],
          subscriberId: q['subscriber-id'],
          msisdn: q.msisdn,
          types: q.type ? [...new Set(q.type)].sort() : undefined,
          direction: q.direction,
          costTypes: q['cost-type'] ? [...new Set(q['cost-type'])].sort() : undefined,
        };
        const limit = q.limit ?? 10;
        const after = afterKey(decodeCursor(q.cursor, filters));
        // The items and how complete they are come from the same copy: read on a replica,
        // usage_complete_until is the replica's, so it says how far its replay has come.
        const [rows, until] = await readList(platform.reads, request, reply, (db) =>
          Promise.all([selectUsage(db, org, { ...filters, after, rows: limit + 1 }), processedUntil(db, org)]),
        );
        const page = toPage(rows, limit, keyOf, filters);
        const body = halList(request, 'items', page, representItem);
        return { usage_complete_until: iso(until), _links: body._links, _embedded: { items: body._embedded.items } };
      },
    );
  };
}
