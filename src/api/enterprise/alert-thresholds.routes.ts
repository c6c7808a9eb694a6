// Alert thresholds (a cellhub extension): levels of data use or spend on an account or a
// subscription that, once reached, become events (usage.threshold_crossed, spend.alert)
// and so webhooks. Checked in the transaction that rates usage; each level fires once per
// calendar month (UTC).
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { paginate } from '../../http/cursor.ts';
import { HalList, halList, Link, link, ListQuery } from '../../http/hal.ts';
import { errorResponses, IdempotencyKeyHeader, Nullable } from '../../http/schemas.ts';
import { idempotent } from '../../http/idempotency.ts';
import { idPattern } from '../../domain/ids.ts';
import {
  changeThreshold,
  createThreshold,
  deleteThreshold,
  getThreshold,
  listThresholds,
  MAX_LEVELS,
  recentFirings,
  THRESHOLD_KINDS,
  type Threshold,
  type ThresholdKind,
} from '../../domain/alerts/thresholds.service.ts';
import type { FiringRow } from '../../domain/alerts/thresholds.store.ts';
import type { Executor } from '../../db/database.ts';
import { IdParams, pathId } from './path-ids.ts';

const NOTE = 'A cellhub extension (not in the provider’s API); needs the `events` licence.';
const selfOf = (id: string) => `/enterprise/alert-thresholds/${id}`;

const Kind = Type.String({
  enum: [...THRESHOLD_KINDS],
  description: '`data_share`: data used of the bundle in force, in %; `out_of_bundle_spend`: out-of-bundle spend of the month; `roaming_spend`: the part of it made abroad',
});
const Levels = Type.Array(Type.Number({ exclusiveMinimum: 0 }), {
  minItems: 1,
  maxItems: MAX_LEVELS,
  description: 'Percentages (1..100) for `data_share`; amounts in `currency` for spend. Each fires once per month.',
});
const Currency = Nullable(
  Type.String({
    pattern: '^[A-Z]{3}$',
    description: 'ISO 4217; spend thresholds only (the currency of the plans’ out-of-bundle rates); omitted: the account’s, the one currency its plans are priced in',
  }),
);

const Firing = Type.Object({ level: Type.Number(), period_start: Type.String(), fired_at: Type.String() });

const ThresholdAnswer = Type.Object(
  {
    id: Type.String(),
    kind: Type.String({ enum: [...THRESHOLD_KINDS] }),
    account_id: Type.String(),
    subscription_id: Nullable(Type.String({ description: 'Null: the whole account' })),
    levels: Type.Array(Type.Number()),
    currency: Nullable(Type.String()),
    recent_firings: Type.Array(Firing, { description: 'The last 20 levels fired, newest period first' }),
    created_at: Type.String(),
    updated_at: Type.String(),
    _links: Type.Object({ self: Link, account: Link, subscription: Type.Optional(Link) }),
  },
  {
    examples: [
      {
        id: 'althr_01HZS5KETGM8XXF53WZJWDDV4C',
        kind: 'data_share',
        account_id: 'acc_01HZS5KETGM8XXF53WZJWDDV4D',
        subscription_id: 'sub_01HZS5KETGM8XXF53WZJWDDV4E',
        levels: [50, 80, 100],
        currency: null,
        recent_firings: [{ level: 50, period_start: '2026-11-01T00:00:00.000Z', fired_at: '2026-11-12T08:30:00.000Z' }],
        created_at: '2026-11-01T09:00:00.000Z',
        updated_at: '2026-11-01T09:00:00.000Z',
        _links: {
          self: { href: '/enterprise/alert-thresholds/althr_01HZS5KETGM8XXF53WZJWDDV4C' },
          account: { href: '/enterprise/accounts/acc_01HZS5KETGM8XXF53WZJWDDV4D' },
          subscription: { href: '/enterprise/subscriptions/sub_01HZS5KETGM8XXF53WZJWDDV4E' },
        },
      },
    ],
  },
);

/** The data of `usage.threshold_crossed` and `spend.alert` events. */
export const AlertEventData = Type.Object(
  {
    threshold_id: Type.String(),
    kind: Type.String({ enum: [...THRESHOLD_KINDS] }),
    account_id: Type.String(),
    subscription_id: Nullable(Type.String()),
    level: Type.Number({ description: 'The level reached: a percentage for data_share, an amount in `currency` for spend' }),
    value: Type.Number({ description: 'Where the measure stood when the level fired' }),
    currency: Nullable(Type.String()),
    period_start: Type.String({ description: 'The month (UTC) the level fired in; it fires again no earlier than the next' }),
    period_end: Type.String(),
    _links: Type.Object({ threshold: Link, account: Link, subscription: Type.Optional(Link) }),
  },
  {
    title: 'AlertEventData',
    description: 'The data of `usage.threshold_crossed` (kind data_share) and `spend.alert` (spend kinds) events: a cellhub extension.',
  },
);

function representThreshold(t: Threshold, firings: FiringRow[]) {
  return {
    id: t.id,
    kind: t.kind,
    account_id: t.accountId,
    subscription_id: t.subscriptionId,
    levels: t.levels,
    currency: t.currency,
    recent_firings: firings.map((f) => ({ level: Number(f.level), period_start: f.periodStart.toISOString(), fired_at: f.firedAt.toISOString() })),
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
    _links: {
      self: link(selfOf(t.id)),
      account: link(`/enterprise/accounts/${t.accountId}`),
      ...(t.subscriptionId ? { subscription: link(`/enterprise/subscriptions/${t.subscriptionId}`) } : {}),
    },
  };
}

/** The thresholds as answered, with their recent firings read in one query. */
async function withFirings(db: Executor, organizationId: string, thresholds: Threshold[]) {
  const firings = await recentFirings(
    db,
    organizationId,
    thresholds.map((t) => t.id),
  );
  return thresholds.map((t) => representThreshold(t, firings.get(t.id) ?? []));
}
const oneWithFirings = async (db: Executor, organizationId: string, t: Threshold) => (await withFirings(db, organizationId, [t]))[0];

export function alertThresholdRoutes(platform: Platform) {
  const thresholdId = (value: string) => pathId('alertThreshold', value, 'alert threshold');

  return async (app: App) => {
    app.post(
      '/alert-thresholds',
      {
        schema: {
          tags: ['events'],
          summary: 'Create an alert threshold (cellhub extension)',
          description: `${NOTE} On an account (\`account_id\`) or one subscription (\`subscription_id\`), one of the two. Each level, once reached, becomes an event (\`usage.threshold_crossed\` for \`data_share\`, \`spend.alert\` for spend) in the transaction that rated the usage, once per calendar month (UTC). Send an \`Idempotency-Key\`.`,
          headers: IdempotencyKeyHeader,
          body: Type.Object(
            {
              account_id: Type.Optional(Type.String({ pattern: idPattern('account') })),
              subscription_id: Type.Optional(Type.String({ pattern: idPattern('subscription') })),
              kind: Kind,
              levels: Levels,
              currency: Type.Optional(Currency),
            },
            {
              additionalProperties: false,
              examples: [
                { subscription_id: 'sub_01HZS5KETGM8XXF53WZJWDDV4E', kind: 'data_share', levels: [50, 80, 100] },
                { account_id: 'acc_01HZS5KETGM8XXF53WZJWDDV4D', kind: 'out_of_bundle_spend', levels: [100, 500], currency: 'EUR' },
              ],
            },
          ),
          response: { 201: ThresholdAnswer, ...errorResponses(400, 401, 403, 409, 429) },
        },
      },
      async (request, reply) => {
        const org = principalOf(request).organizationId;
        const b = request.body;
        return idempotent(platform.db, request, reply, async (db) => {
          const threshold = await createThreshold(db, org, {
            accountId: b.account_id,
            subscriptionId: b.subscription_id,
            kind: b.kind as ThresholdKind,
            levels: b.levels,
            currency: b.currency,
          });
          return { status: 201, body: representThreshold(threshold, []) };
        });
      },
    );

    app.get(
      '/alert-thresholds',
      {
        schema: {
          tags: ['events'],
          summary: 'List alert thresholds (cellhub extension)',
          description: `${NOTE} The organization's alert thresholds, newest first.`,
          querystring: Type.Object(ListQuery),
          response: { 200: HalList('alert-thresholds', ThresholdAnswer), ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request) => {
        const org = principalOf(request).organizationId;
        const page = await paginate(request.query, {}, (after, rows) => listThresholds(platform.db, org, { after, rows }));
        const items = await withFirings(platform.db, org, page.items);
        return halList(request, 'alert-thresholds', { ...page, items }, (item) => item);
      },
    );

    app.get(
      '/alert-thresholds/:id',
      {
        schema: {
          tags: ['events'],
          summary: 'Get an alert threshold (cellhub extension)',
          description: `${NOTE} One alert threshold (\`althr_\` + ULID) with the levels it fired lately.`,
          params: IdParams,
          response: { 200: ThresholdAnswer, ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request) => {
        const org = principalOf(request).organizationId;
        return oneWithFirings(platform.db, org, await getThreshold(platform.db, org, thresholdId(request.params.id)));
      },
    );

    app.patch(
      '/alert-thresholds/:id',
      {
        schema: {
          tags: ['events'],
          summary: 'Change an alert threshold (cellhub extension)',
          description: `${NOTE} Changes its levels or (spend) currency; its kind and scope stay. A level that already fired this month does not fire again.`,
          params: IdParams,
          body: Type.Object(
            { levels: Type.Optional(Levels), currency: Type.Optional(Currency) },
            { additionalProperties: false, minProperties: 1, examples: [{ levels: [80, 100] }] },
          ),
          response: { 200: ThresholdAnswer, ...errorResponses(400, 401, 403, 404, 429) },
        },
      },
      async (request) => {
        const org = principalOf(request).organizationId;
        const changed = await changeThreshold(platform.db, org, thresholdId(request.params.id), request.body);
        return oneWithFirings(platform.db, org, changed);
      },
    );

    app.delete(
      '/alert-thresholds/:id',
      {
        schema: {
          tags: ['events'],
          summary: 'Delete an alert threshold (cellhub extension)',
          description: `${NOTE} The threshold and the record of its fired levels; events already written stay.`,
          params: IdParams,
          response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request, reply) => {
        await deleteThreshold(platform.db, principalOf(request).organizationId, thresholdId(request.params.id));
        reply.code(204);
        return null;
      },
    );
  };
}
