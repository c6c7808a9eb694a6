// Operator: webhook deliveries across organizations (with every attempt), redelivery,
// each organization's signing secret, and its events followed as they are made (what
// `cellhub listen` reads: a long poll, so that it needs no other connection).
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { paginate } from '../../http/cursor.ts';
import { ListQuery } from '../../http/hal.ts';
import { followDeliveries, getDelivery, listDeliveries, redeliver } from '../../domain/webhooks/webhooks.service.ts';
import { rotateWebhookSecret, webhookSecret } from '../../domain/webhooks/secrets.ts';
import { getOrganization } from '../../domain/organizations/organizations.service.ts';
import { deliveryJson, webhookEventJson } from '../../operator/representations.ts';
import { idPattern } from '../../domain/ids.ts';
import { OrgParams } from './params.ts';
import { keyed, ok } from './keyed.ts';
import { IdempotencyKeyHeader } from '../../http/schemas.ts';
import { DeliveryBody, OperatorList } from '../../operator/schemas.ts';

const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
/** Longest a follower's request is held: under the 30 s many proxies allow an idle answer. */
export const MAX_WAIT_SECONDS = 25;

const WebhookEvent = Type.Object({
  id: Type.String({ description: 'the delivery id, sent as `webhook-id`' }),
  event_type: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  correlation_id: Type.Union([Type.String(), Type.Null()], { description: 'the X-Correlation-ID of the request that caused the event' }),
  body: Type.String({ description: 'the JSON body, exactly as the receiver gets it and as its signature covers it' }),
});
const WebhookEvents = Type.Object(
  {
    items: Type.Array(WebhookEvent),
    next_cursor: Type.String({ description: 'pass as `after` to follow what comes next' }),
  },
  {
    examples: [
      {
        items: [
          {
            id: 'msg_01JQ7Z8X4N6V2D5R3T9W1YB0KC',
            event_type: 'USAGE_THRESHOLD',
            created_at: '2026-11-30T10:00:00.000Z',
            correlation_id: 'import-2026-11-30',
            body: '{"id":"q2Vh0dYk3b8fXl1mP7sR4tW9zA6cE5gJ0nK2uQ8yB1o=","type":"USAGE_THRESHOLD","iccid":"8944990000000000017","threshold":80,"current_balance":"214748364","expiration_date":"2026-12-30T10:00:00.000Z","subscription_id":"Xb3r9Lq0sT6vN2mK8pW4yH1cJ7fD5gA0eR3uZ9iO2kM="}',
          },
        ],
        next_cursor: 'msg_01JQ7Z8X4N6V2D5R3T9W1YB0KC',
      },
    ],
  },
);

/** Looks for due deliveries now: this process's webhook dispatcher. */
export interface Waker {
  wake(): void;
}

export function webhookRoutes(app: App, platform: Platform, dispatcher?: Waker): void {
  const db = platform.db;
  const keyedRun = keyed(platform);

  app.get(
    '/webhooks/deliveries',
    {
      schema: {
        summary: 'List webhook deliveries, newest first',
        description: 'Webhook deliveries of every organization with their status (pending, delivered, failed) and attempts so far.',
        querystring: Type.Object({ status: Type.Optional(Type.Enum(DELIVERY_STATUSES)), organization_id: Type.Optional(Type.String()), ...ListQuery }),
        response: { 200: OperatorList(DeliveryBody) },
      },
    },
    async (request) => {
      const { status, organization_id: organizationId } = request.query;
      const page = await paginate(request.query, { status, organizationId }, (after, rows) => listDeliveries(db, { organizationId, status, after, rows }));
      return { items: page.items.map((d) => deliveryJson(d)), next_cursor: page.next ?? null };
    },
  );

  app.get(
    '/webhooks/deliveries/:id',
    {
      schema: {
        summary: 'Show a delivery with every attempt',
        description: 'One delivery with its payload and every attempt (status code, error, duration).',
        params: Type.Object({ id: Type.String() }),
        response: { 200: DeliveryBody },
      },
    },
    async (request) => {
      const { delivery, attempts } = await getDelivery(db, request.params.id);
      return deliveryJson(delivery, attempts);
    },
  );

  app.post(
    '/webhooks/deliveries/:id/redeliver',
    {
      schema: {
        summary: 'Send a delivery again, from the start of the retry schedule, with the same webhook-id',
        description: 'Queues a delivery again from the start of the retry schedule; the receiver can de-duplicate it by its unchanged `webhook-id`.',
        params: Type.Object({ id: Type.String() }),
        headers: IdempotencyKeyHeader,
        response: { 202: DeliveryBody },
      },
    },
    async (request, reply) => {
      const answer = await keyedRun(request, reply, async (tx) => ({ status: 202, body: deliveryJson(await redeliver(tx, request.params.id)) }));
      dispatcher?.wake(); // without one here, a worker process finds it at its next poll
      return answer;
    },
  );

  // Followers waiting when the server closes are answered at once, so that closing waits for none.
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());

  app.get(
    '/organizations/:org/webhook-events',
    {
      schema: {
        summary: "Follow the organization's webhook events as they are made (what `cellhub listen` reads)",
        description:
          "The organization's webhook deliveries made after `after` (a delivery id), oldest first, each with its body exactly as the receiver gets it; with `wait`, the answer is held up to that many seconds until there is one (a long poll). Without `after`, answers no events and the cursor of now, to follow from. Events of transactions that commit late may sort before the cursor: a follower asks again from a little earlier now and then, and drops the ids it has seen.",
        params: OrgParams,
        querystring: Type.Object({
          after: Type.Optional(Type.String({ pattern: idPattern('webhook'), description: 'the `next_cursor` of the previous answer, or a delivery id' })),
          wait: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_WAIT_SECONDS, default: 0, description: 'seconds to hold the answer while there is no event' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 100 })),
        }),
        response: { 200: WebhookEvents },
      },
    },
    async (request, reply) => {
      const { org } = request.params;
      await getOrganization(db, org);
      const gone = new AbortController();
      reply.raw.once('close', () => gone.abort());
      const { deliveries, next } = await followDeliveries(db, org, {
        after: request.query.after,
        rows: request.query.limit ?? 100,
        waitMs: (request.query.wait ?? 0) * 1000,
        signal: AbortSignal.any([gone.signal, closing.signal]),
      });
      return { items: deliveries.map(webhookEventJson), next_cursor: next };
    },
  );

  app.get(
    '/organizations/:org/webhook-secret',
    {
      schema: {
        summary: "The organization's whsec_ secret, to verify webhook signatures with",
        description: "The organization's current Standard Webhooks secret (`whsec_…`), which the receiver verifies `webhook-signature` with.",
        params: OrgParams,
      },
    },
    async (request) => {
      await getOrganization(db, request.params.org);
      return { secret: await webhookSecret(db, platform.sealing, request.params.org) };
    },
  );

  app.post(
    '/organizations/:org/webhook-secret/rotate',
    {
      schema: {
        summary: 'Replace the signing secret; deliveries from now on use the new one',
        description:
          "Rotates the organization's webhook signing secret (a new generation); deliveries from now on are signed with the new one. A retry with the same `Idempotency-Key` replays the first answer (stored sealed) and does not rotate again.",
        params: OrgParams,
        headers: IdempotencyKeyHeader,
      },
    },
    async (request, reply) =>
      keyedRun(request, reply, async (tx) => {
        await getOrganization(tx, request.params.org);
        return ok({ secret: await rotateWebhookSecret(tx, platform.sealing, request.params.org) });
      }),
  );
}
