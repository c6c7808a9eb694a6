// Connect subscriptions: data plans on SIM profiles, with their balances in bytes
// (as strings, as the provider sends them). Both spellings of the path are served.
import { readList } from '../../http/read-choice.ts';
import { Type } from 'typebox';
import { connectTime } from '../../domain/time.ts';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { errorResponses, IdempotencyKeyHeader } from '../../http/schemas.ts';
import { idempotent } from '../../http/idempotency.ts';
import { deprecationHeaders } from '../../http/deprecation.ts';
import { activateSubscription, getConnectSubscription, listConnectSubscriptions } from '../../domain/subscriptions/connect-subscriptions.service.ts';
import type { ConnectSubscriptionRow } from '../../domain/subscriptions/connect-subscriptions.store.ts';
import { dateQuery, PageQuery, pagingOf, sendPage } from './paging.ts';
import { ProductAnswer, representProduct } from './products.routes.ts';
import { connectScope } from '../../domain/customers/customers.service.ts';

export const SubscriptionAnswer = Type.Object(
  {
    id: Type.String(),
    status: Type.String(),
    initialBalance: Type.String(),
    spentBalance: Type.String(),
    activationDate: Type.String(),
    expirationDate: Type.String(),
    createdDate: Type.String(),
    product: ProductAnswer,
    iccid: Type.String(),
    device_id: Type.Union([Type.String(), Type.Null()]),
    auto_renew: Type.Enum(['true', 'false'], {
      description: 'Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it',
    }),
  },
  {
    examples: [
      {
        id: 'aG9sZGluZzEyMw',
        status: 'ACTIVE',
        initialBalance: '5368709120',
        spentBalance: '1073741824',
        activationDate: '2026-11-30T09:00:00Z',
        expirationDate: '2026-12-30T09:00:00Z',
        createdDate: '2026-11-30T09:00:00Z',
        product: {
          id: 'a3u3z000000PZBhAAO',
          name: 'Europe 5 GB, 30 days',
          description: '5 GB of data in 38 European countries for 30 days',
          period: 30,
          period_unit: 'DAY',
          data: { value: 5, units: 'GB' },
          footprint: ['PT', 'ES', 'FR', 'DE', 'IT'],
          activeCountries: ['PT', 'ES', 'FR', 'DE', 'IT'],
          pricing: { EUR: 12.5, USD: 13.9 },
          region: 'Europe',
          plan_id: 'europe-5gb-30d',
        },
        iccid: '8944500102198304826',
        device_id: '123456789',
        auto_renew: 'false',
      },
    ],
  },
);

export function representSubscription({ subscription: s, product, deviceId }: ConnectSubscriptionRow) {
  return {
    id: s.id,
    status: s.status,
    initialBalance: String(s.initialBalance),
    spentBalance: String(s.spentBalance),
    activationDate: connectTime(s.activationDate),
    expirationDate: connectTime(s.expirationDate),
    createdDate: connectTime(s.createdAt),
    product: representProduct(product),
    iccid: s.iccid,
    device_id: deviceId,
    auto_renew: s.autoRenew ? ('true' as const) : ('false' as const),
  };
}

export function connectSubscriptionRoutes(platform: Platform) {
  const db = platform.db;
  return async (app: App) => {
    for (const path of ['/v1/subscriptions', '/v1/subscription']) {
      app.get(
        path,
        {
          schema: {
            tags: ['connect subscriptions'],
            summary: 'List subscriptions, newest first',
            description:
              "The reseller's subscriptions, newest first, filtered by `after`, `before`, `email`, `iccid` and `product-id`, paginated by `page` and `size`. `/v1/subscription` is an alias.",
            querystring: Type.Object({
              after: Type.Optional(Type.String({ maxLength: 40 })),
              before: Type.Optional(Type.String({ maxLength: 40 })),
              email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
              iccid: Type.Optional(Type.String({ pattern: '^[0-9]{19,22}$' })),
              'product-id': Type.Optional(Type.String({ maxLength: 128 })),
              ...PageQuery,
            }),
            response: { 200: Type.Array(SubscriptionAnswer), ...errorResponses(400, 401, 403, 429) },
          },
        },
        async (request, reply) => {
          const q = request.query;
          const paging = pagingOf(q, 40);
          const scope = await connectScope(db, principalOf(request));
          const filter = {
            customer: scope.customerId,
            after: dateQuery(q.after, 'after'),
            before: dateQuery(q.before, 'before'),
            email: q.email,
            iccid: q.iccid,
            productId: q['product-id'],
            offset: paging.offset,
            rows: paging.size + 1,
          };
          const rows = await readList(platform.reads, request, reply, (from) => listConnectSubscriptions(from, scope.organizationId, filter));
          return sendPage(request, reply, platform.config.publicUrl, paging, rows, representSubscription);
        },
      );

      app.get(
        `${path}/:id`,
        {
          schema: {
            tags: ['connect subscriptions'],
            summary: 'A subscription with its balance',
            description:
              'One subscription: `status` (PENDING, ACTIVE, DEPLETED, EXPIRED), `initialBalance` and `spentBalance` in bytes (as strings), `activationDate`, `expirationDate`, `createdDate`, its `product`, `iccid`, `device_id` and `auto_renew` ("true" or "false": an auto-renewing subscription is followed at its expiry by a new one of the same product).',
            params: Type.Object({ id: Type.String({ maxLength: 128 }) }),
            response: { 200: SubscriptionAnswer, ...errorResponses(401, 403, 404, 429) },
          },
        },
        async (request) => {
          const scope = await connectScope(db, principalOf(request));
          return representSubscription(await getConnectSubscription(db, scope.organizationId, request.params.id, scope.customerId));
        },
      );

      // subscriptions.md still lists v1/status/subscription/{id}/activate [Deprecated].
      const activations = path === '/v1/subscription' ? [`${path}/:id/activate`, '/v1/status/subscription/:id/activate'] : [`${path}/:id/activate`];
      for (const url of activations) {
        const deprecated = url.startsWith('/v1/status/');
        app.post(
          url,
          {
            schema: {
              tags: ['connect subscriptions'],
              summary: deprecated ? 'A PENDING subscription becomes ACTIVE now (deprecated: POST /v1/subscription/{id}/activate)' : 'A PENDING subscription becomes ACTIVE now',
              description: 'Activates a PENDING subscription now instead of at its activation date; any other status answers 409 CONFLICT.',
              ...(deprecated ? { deprecated: true } : {}),
              params: Type.Object({ id: Type.String({ maxLength: 128 }) }),
              headers: IdempotencyKeyHeader,
              response: { 200: SubscriptionAnswer, ...errorResponses(401, 403, 404, 409, 429) },
            },
            ...(deprecated
              ? {
                  onSend: deprecationHeaders(
                    platform.config.publicUrl,
                    (request) => `/connect-api/v1/subscription/${encodeURIComponent((request.params as { id: string }).id)}/activate`,
                  ),
                }
              : {}),
          },
          async (request, reply) => {
            const scope = await connectScope(db, principalOf(request));
            // With a key, a retry after a lost answer replays the activation instead of a 409 (no longer PENDING).
            const answer = await idempotent(db, request, reply, async (tx) => ({
              status: 200,
              body: representSubscription(await activateSubscription(tx, platform.queue, scope.organizationId, request.params.id, scope.customerId)),
            }));
            platform.queue.wake(); // a keyed activation commits after it woke the workers
            return answer;
          },
        );
      }
    }
  };
}
