// Orders: POST answers 201 pending at once; fulfilment happens in the background.
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { readList } from '../../http/read-choice.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { paginate } from '../../http/cursor.ts';
import { HalList, halList, iso, Link, link, ListQuery } from '../../http/hal.ts';
import { errorResponses, Nullable, IdempotencyKeyHeader } from '../../http/schemas.ts';
import { idempotent } from '../../http/idempotency.ts';
import { idPattern } from '../../domain/ids.ts';
import { getOrder, listOrders, placeOrder, type OrderResult, type OrderRow } from '../../domain/orders/orders.service.ts';
import { ORDER_STATUSES, ORDER_TYPES } from '../../domain/orders/order-types.ts';
import { orderCommandOf } from '../../domain/orders/order-record.ts';
import { OrderBody, placeOrderCommand } from './bodies.ts';
import { getById } from './get-by-id.ts';
import { EXPENSIVE } from '../../http/tenant-gate.ts';
import { FULFIL_ORDER } from '../../jobs/kinds.ts';

const OrderAnswer = Type.Object(
  {
    id: Type.String(),
    status: Type.String(),
    type: Type.String(),
    account_id: Type.String(),
    subscription_id: Nullable(Type.String()),
    sim_profile: Nullable(
      Type.Object({
        iccid: Nullable(Type.String()),
        sim_type: Type.String(),
        delivery: Nullable(Type.Object({ type: Type.String(), to: Type.Array(Type.String()), cc: Type.Array(Type.String()), status: Type.Optional(Type.String()) })),
        _links: Type.Object({ self: Type.Optional(Link) }),
      }),
    ),
    phone_numbers: Type.Array(Type.Object({ msisdn: Type.String(), is_primary: Type.Boolean(), country: Type.String() })),
    subscriber: Nullable(
      Type.Object({
        id: Nullable(Type.String()),
        first_name: Type.String(),
        last_name: Type.String(),
        email: Type.String(),
        employee_id: Nullable(Type.String()),
        group: Nullable(Type.String()),
        _links: Type.Object({ self: Type.Optional(Link) }, { description: 'The subscriber, once the order has made or found it' }),
      }),
    ),
    reason: Nullable(Type.String()),
    failure_reason: Nullable(Type.String()),
    created_at: Type.String(),
    completed_at: Nullable(Type.String()),
    _links: Type.Object({ self: Link, account: Link, subscription: Type.Optional(Link) }),
  },
  {
    // what POST answers at once (seed 001): pending, filled in as fulfilment progresses
    examples: [
      {
        id: 'order_01HZS5KETGM8XXF53WZJWDDV4C',
        status: 'pending',
        type: 'activate_subscription',
        account_id: 'acc_01HTQ8VBN4DEJP5S8BPV4657VG',
        subscription_id: null,
        sim_profile: { iccid: null, sim_type: 'esim', delivery: { type: 'email', to: ['ada@example.com'], cc: ['it@example.com'] }, _links: {} },
        phone_numbers: [],
        subscriber: { id: null, first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', employee_id: 'E-1815', group: 'Engineering', _links: {} },
        reason: null,
        failure_reason: null,
        created_at: '2026-11-30T09:00:00.000Z',
        completed_at: null,
        _links: { self: { href: '/enterprise/orders/order_01HZS5KETGM8XXF53WZJWDDV4C' }, account: { href: '/enterprise/accounts/acc_01HTQ8VBN4DEJP5S8BPV4657VG' } },
      },
    ],
  },
);

export function representOrder(o: OrderRow) {
  const asked = orderCommandOf(o);
  const result = o.result as OrderResult;
  const sub = asked.subscriber;
  const delivery = asked.simProfile?.delivery;
  const simType = result.simType ?? asked.simProfile?.simType;
  const subscriptionLink = o.subscriptionId ? `/enterprise/subscriptions/${o.subscriptionId}` : undefined;
  return {
    id: o.id,
    status: o.status,
    type: o.type,
    account_id: o.accountId,
    subscription_id: o.subscriptionId,
    sim_profile: simType
      ? {
          iccid: result.iccid ?? null,
          sim_type: simType,
          delivery: delivery ? { type: delivery.type, to: delivery.to ?? [], cc: delivery.cc ?? [], status: result.delivery?.status } : null,
          _links: subscriptionLink && o.status === 'completed' ? { self: link(`${subscriptionLink}/sim-profile`) } : {},
        }
      : null,
    phone_numbers: (result.msisdns ?? []).map((msisdn, i) => ({ msisdn, is_primary: i === 0, country: result.country ?? '' })),
    subscriber: sub
      ? {
          id: result.subscriberId ?? null,
          first_name: sub.firstName,
          last_name: sub.lastName,
          email: sub.email,
          employee_id: sub.employeeId ?? null,
          group: sub.group ?? null,
          _links: result.subscriberId ? { self: link(`/enterprise/subscribers/${result.subscriberId}`) } : {},
        }
      : null,
    reason: asked.reason ?? null,
    failure_reason: o.failureReason,
    created_at: o.createdAt.toISOString(),
    completed_at: iso(o.completedAt),
    _links: {
      self: link(`/enterprise/orders/${o.id}`),
      account: link(`/enterprise/accounts/${o.accountId}`),
      ...(subscriptionLink ? { subscription: link(subscriptionLink) } : {}),
    },
  };
}

export function orderRoutes(platform: Platform) {
  return async (app: App) => {
    app.post(
      '/orders',
      {
        schema: {
          tags: ['orders'],
          summary: 'Place an order (answers at once; fulfilment is asynchronous)',
          description:
            'Places an order and answers 201 with `status: pending` at once; fulfilment runs in the background and the order becomes `completed`, or `failed` with a `reason`. Types: `activate_subscription` (template, subscriber, SIM profile with its delivery), `suspend_subscription` (with a `reason`), `resume_subscription`, `change_sim_profile` (SIM swap) and `terminate_subscription`. An order that cannot be valid (unknown template, subscription in the wrong state) is refused at once with 400 or 409. Send an `Idempotency-Key`: a retry with the same key and body replays the first answer; the same key with another body is 409.',
          headers: IdempotencyKeyHeader,
          body: OrderBody,
          response: { 201: OrderAnswer, ...errorResponses(400, 401, 403, 409, 429) },
        },
      },
      async (request, reply) => {
        const org = principalOf(request).organizationId;
        const body = await idempotent(platform.db, request, reply, async (db) => {
          const order = await placeOrder({ ...platform, db }, org, placeOrderCommand(request.body), request.id);
          return { status: 201, body: representOrder(order) };
        });
        platform.queue.wake(FULFIL_ORDER); // a keyed order commits after placing it woke the workers
        return body;
      },
    );

    getById(app, {
      path: '/orders',
      kind: 'order',
      tag: 'orders',
      summary: 'Get an order',
      description:
        'One order (`order_` + ULID): `status` (pending, completed, failed, canceled), `type`, and what fulfilment filled in (subscription, SIM profile, phone numbers, subscriber, `reason`).',
      body: OrderAnswer,
      find: (org, id) => getOrder(platform.db, org, id),
      represent: representOrder,
    });

    app.get(
      '/orders',
      {
        config: EXPENSIVE,
        schema: {
          tags: ['orders'],
          summary: 'List orders',
          description: "The organization's orders, newest first, filtered by `status`, `type` and `account_id` (a cellhub addition: the provider documents only the order by id).",
          querystring: Type.Object({
            status: Type.Optional(Type.Enum(ORDER_STATUSES)),
            type: Type.Optional(Type.Enum(ORDER_TYPES)),
            account_id: Type.Optional(Type.String({ pattern: idPattern('account') })),
            ...ListQuery,
          }),
          response: { 200: HalList('orders', OrderAnswer), ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        const org = principalOf(request).organizationId;
        const { status, type, account_id: accountId } = request.query;
        const page = await readList(platform.reads, request, reply, (db) =>
          paginate(request.query, { status, type, accountId }, (after, rows) => listOrders(db, org, { status, type, accountId, after, rows }), platform.expensivePages),
        );
        return halList(request, 'orders', page, representOrder);
      },
    );
  };
}
