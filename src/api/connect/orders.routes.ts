// Connect orders: POST answers ACCEPTED at once; fulfilment is asynchronous.
import { readList } from '../../http/read-choice.ts';
import { Type } from 'typebox';
import { connectTime } from '../../domain/time.ts';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { errorResponses, IdempotencyKeyHeader } from '../../http/schemas.ts';
import { idempotent } from '../../http/idempotency.ts';
import { getConnectOrder, listConnectOrders, placeConnectOrder } from '../../domain/orders/connect-orders.service.ts';
import { OrderBody, placeConnectOrderCommand } from './bodies.ts';
import type { ConnectOrder } from '../../domain/orders/connect-orders.store.ts';
import { dateQuery, PageQuery, pagingOf, sendPage } from './paging.ts';
import { connectScope } from '../../domain/customers/customers.service.ts';

const ORDER_STATUSES = ['ACCEPTED', 'FULFILLING', 'COMPLETED', 'FAILED'] as const;

const OrderAnswer = Type.Object(
  {
    id: Type.String(),
    externalId: Type.String(),
    status: Type.String(),
    operationType: Type.String(),
    createdDate: Type.String(),
    output: Type.Optional(Type.Record(Type.String(), Type.String())),
    failureReason: Type.Optional(Type.String()),
  },
  {
    examples: [
      {
        id: '3a6acf89-1ccf-4611-9424-453930f57ef1',
        externalId: '3a6acf89-1ccf-4611-9424-453930f57ef1',
        status: 'ACCEPTED',
        operationType: 'NEW_ESIM',
        createdDate: '2026-11-30T09:00:00Z',
      },
      {
        id: '3a6acf89-1ccf-4611-9424-453930f57ef1',
        externalId: '3a6acf89-1ccf-4611-9424-453930f57ef1',
        status: 'COMPLETED',
        operationType: 'NEW_ESIM',
        createdDate: '2026-11-30T09:00:00Z',
        output: {
          iccid: '8944500102198304826',
          matchingId: 'QR-G-5C-KR-1PXPK7D',
          smdpUrl: 'smdp.cellhub.local',
          lpa_url: 'LPA:1$smdp.cellhub.local$QR-G-5C-KR-1PXPK7D',
          subscription_id: 'aG9sZGluZzEyMw',
        },
      },
    ],
  },
);

function representOrder(o: ConnectOrder) {
  return {
    id: o.id,
    externalId: o.id,
    status: o.status,
    operationType: o.operationType,
    createdDate: connectTime(o.createdAt),
    ...(o.status === 'COMPLETED' ? { output: o.output as Record<string, string> } : {}),
    ...(o.failureReason ? { failureReason: o.failureReason } : {}),
  };
}

export function connectOrderRoutes(platform: Platform) {
  return async (app: App) => {
    app.post(
      '/v1/order',
      {
        schema: {
          tags: ['connect orders'],
          summary: 'Order a new eSIM (NEW_ESIM) or more subscriptions on one (TOPUP)',
          description:
            "Places a Connect order: `NEW_ESIM` makes a new eSIM with the given subscriptions; `TOPUP` adds subscriptions to the reseller's eSIM named in `esim.iccid`. Checked at once (known products, `activationDate` not in the past, `price` and `currency` together, a `currency` the product is priced in or an exchange rate reaches, at most 15 live subscriptions per SIM; `countryCode` a country, required for a NEW_ESIM and, if the operator configured the reseller so, for a TOPUP) and answered `{id, externalId, status: ACCEPTED}`; it then goes ACCEPTED → FULFILLING → COMPLETED or FAILED.",
          headers: IdempotencyKeyHeader,
          body: OrderBody,
          response: {
            201: Type.Object(
              { id: Type.String(), externalId: Type.String(), status: Type.String() },
              { examples: [{ id: '3a6acf89-1ccf-4611-9424-453930f57ef1', externalId: '3a6acf89-1ccf-4611-9424-453930f57ef1', status: 'ACCEPTED' }] },
            ),
            ...errorResponses(400, 401, 403, 409, 429),
          },
        },
      },
      async (request, reply) => {
        const scope = await connectScope(platform.db, principalOf(request));
        const body = await idempotent(platform.db, request, reply, async (db) => {
          const order = await placeConnectOrder({ ...platform, db }, scope.organizationId, placeConnectOrderCommand(request.body), new Date(), scope.customerId, request.id);
          return { status: 201, body: { id: order.id, externalId: order.id, status: order.status } };
        });
        platform.queue.wake(); // a keyed order commits after placing it woke the workers
        return body;
      },
    );

    app.get(
      '/v1/order',
      {
        schema: {
          tags: ['connect orders'],
          summary: 'List orders, newest first',
          description:
            "The reseller's orders, newest first, filtered by `status` (ACCEPTED, FULFILLING, COMPLETED, FAILED), `start_date` and `end_date`, paginated by `page` and `page_size`.",
          querystring: Type.Object({
            status: Type.Optional(Type.Enum(ORDER_STATUSES)),
            start_date: Type.Optional(Type.String({ maxLength: 40 })),
            end_date: Type.Optional(Type.String({ maxLength: 40 })),
            ...PageQuery,
          }),
          response: { 200: Type.Array(OrderAnswer), ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        const paging = pagingOf(request.query, 40);
        const from = dateQuery(request.query.start_date, 'start_date');
        const to = dateQuery(request.query.end_date, 'end_date', true);
        const scope = await connectScope(platform.db, principalOf(request));
        const rows = await readList(platform.reads, request, reply, (db) =>
          listConnectOrders(db, scope.organizationId, {
            status: request.query.status,
            from,
            to,
            customer: scope.customerId,
            offset: paging.offset,
            rows: paging.size + 1,
          }),
        );
        return sendPage(request, reply, platform.config.publicUrl, paging, rows, representOrder);
      },
    );

    app.get(
      '/v1/order/:id',
      {
        schema: {
          tags: ['connect orders'],
          summary: 'Get an order; a completed one carries the eSIM it made',
          description: 'One order by its UUID; a COMPLETED one carries `output{iccid, matchingId, smdpUrl, lpa_url, subscription_id}` to install the eSIM with.',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          response: { 200: OrderAnswer, ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request) => {
        const scope = await connectScope(platform.db, principalOf(request));
        return representOrder(await getConnectOrder(platform.db, scope.organizationId, request.params.id, scope.customerId));
      },
    );
  };
}
