// Webhook endpoints (a cellhub extension): where an organization's events are pushed,
// signed per Standard Webhooks with each endpoint's own secret, with the delivery log
// and redelivery open to the organization itself.
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { paginate } from '../../http/cursor.ts';
import { HalList, halList, iso, Link, link, ListQuery } from '../../http/hal.ts';
import { errorResponses, IdempotencyKeyHeader, Nullable } from '../../http/schemas.ts';
import { idempotent } from '../../http/idempotency.ts';
import { EVENT_TYPES } from '../../domain/events/event-types.ts';
import {
  changeEndpoint,
  createEndpoint,
  endpointDeliveries,
  getEndpoint,
  getEndpointDelivery,
  listEndpoints,
  redeliverToEndpoint,
  rotateEndpointSecret,
  secretsOf,
  type WebhookEndpoint,
} from '../../domain/webhooks/endpoints.service.ts';
import type { WebhookAttempt, WebhookDelivery } from '../../domain/webhooks/webhooks.store.ts';
import { pathId } from './path-ids.ts';

const NOTE = 'A cellhub extension (not in the provider’s API); needs the `events` licence.';
const STATUSES = ['enabled', 'disabled'] as const;
const selfOf = (id: string) => `/enterprise/webhook-endpoints/${id}`;

const EventTypes = Type.Array(Type.String({ enum: [...EVENT_TYPES] }), { maxItems: 50, description: 'The event types sent to it; empty or absent: every type' });
const Url = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000, description: 'Public http(s) URL; private addresses are refused' });
const Description = Nullable(Type.String({ maxLength: 500 }));

const EndpointAnswer = Type.Object(
  {
    id: Type.String(),
    url: Type.String(),
    description: Nullable(Type.String()),
    event_types: Type.Array(Type.String()),
    status: Type.String({ enum: [...STATUSES] }),
    previous_secret_expires_at: Nullable(Type.String({ description: 'Until then the secret before the last rotation also signs' })),
    created_at: Type.String(),
    updated_at: Type.String(),
    _links: Type.Object({ self: Link, secret: Link, deliveries: Link }),
  },
  {
    examples: [
      {
        id: 'whep_01HZS5KETGM8XXF53WZJWDDV4C',
        url: 'https://hooks.acme.example/cellhub',
        description: 'IT service desk',
        event_types: ['subscription.suspended', 'order.failed'],
        status: 'enabled',
        previous_secret_expires_at: null,
        created_at: '2026-11-30T09:00:00.000Z',
        updated_at: '2026-11-30T09:00:00.000Z',
        _links: {
          self: { href: '/enterprise/webhook-endpoints/whep_01HZS5KETGM8XXF53WZJWDDV4C' },
          secret: { href: '/enterprise/webhook-endpoints/whep_01HZS5KETGM8XXF53WZJWDDV4C/secret' },
          deliveries: { href: '/enterprise/webhook-endpoints/whep_01HZS5KETGM8XXF53WZJWDDV4C/deliveries' },
        },
      },
    ],
  },
);

function representEndpoint(e: WebhookEndpoint) {
  const self = selfOf(e.id);
  const overlapping = e.previousSecretExpiresAt && e.previousSecretExpiresAt > new Date();
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    event_types: e.eventTypes,
    status: e.status,
    previous_secret_expires_at: overlapping ? iso(e.previousSecretExpiresAt) : null,
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
    _links: { self: link(self), secret: link(`${self}/secret`), deliveries: link(`${self}/deliveries`) },
  };
}

const Attempt = Type.Object({ attempt: Type.Integer(), at: Type.String(), status_code: Nullable(Type.Integer()), error: Nullable(Type.String()), duration_ms: Type.Integer() });

const EXAMPLE_ENDPOINT = '/enterprise/webhook-endpoints/whep_01HZS5KETGM8XXF53WZJWDDV4C';

const DeliveryAnswer = Type.Object(
  {
    id: Type.String(),
    webhook_id: Type.String({ description: 'The `webhook-id` header: the event id, the same on every attempt and redelivery' }),
    event_type: Type.String(),
    status: Type.String({ enum: ['pending', 'delivered', 'failed'] }),
    attempts: Type.Integer(),
    next_attempt_at: Nullable(Type.String()),
    last_error: Nullable(Type.String()),
    created_at: Type.String(),
    delivered_at: Nullable(Type.String()),
    attempt_log: Type.Optional(Type.Array(Attempt)),
    _links: Type.Object({ self: Link, endpoint: Link, event: Link }),
  },
  {
    examples: [
      {
        id: 'msg_01HZS5KF0Q2W8N5R4T7Y9B3C6D',
        webhook_id: 'evt_01HZS5KETGM8XXF53WZJWDDV4E',
        event_type: 'order.failed',
        status: 'delivered',
        attempts: 2,
        next_attempt_at: null,
        last_error: null,
        created_at: '2026-11-30T09:00:00.000Z',
        delivered_at: '2026-11-30T09:00:05.000Z',
        attempt_log: [
          { attempt: 1, at: '2026-11-30T09:00:00.100Z', status_code: 503, error: 'HTTP 503', duration_ms: 41 },
          { attempt: 2, at: '2026-11-30T09:00:05.000Z', status_code: 204, error: null, duration_ms: 12 },
        ],
        _links: {
          self: { href: `${EXAMPLE_ENDPOINT}/deliveries/msg_01HZS5KF0Q2W8N5R4T7Y9B3C6D` },
          endpoint: { href: EXAMPLE_ENDPOINT },
          event: { href: '/enterprise/events/evt_01HZS5KETGM8XXF53WZJWDDV4E' },
        },
      },
    ],
  },
);

function representDelivery(d: WebhookDelivery, attempts?: WebhookAttempt[]) {
  const endpoint = selfOf(d.endpointId!);
  const eventId = d.messageId ?? d.id;
  return {
    id: d.id,
    webhook_id: eventId,
    event_type: d.eventType,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    last_error: d.lastError,
    created_at: d.createdAt.toISOString(),
    delivered_at: iso(d.deliveredAt),
    ...(attempts
      ? { attempt_log: attempts.map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), status_code: a.statusCode, error: a.error, duration_ms: a.durationMs })) }
      : {}),
    _links: { self: link(`${endpoint}/deliveries/${d.id}`), endpoint: link(endpoint), event: link(`/enterprise/events/${eventId}`) },
  };
}

const EndpointParams = Type.Object({ id: Type.String() });
const DeliveryParams = Type.Object({ id: Type.String(), delivery_id: Type.String() });

export function webhookEndpointRoutes(platform: Platform) {
  const policy = () => ({ allowPrivate: platform.config.webhookAllowPrivate });
  const endpointId = (value: string) => pathId('webhookEndpoint', value, 'webhook endpoint');
  const deliveryId = (value: string) => pathId('webhook', value, 'webhook delivery');

  return async (app: App) => {
    app.post(
      '/webhook-endpoints',
      {
        schema: {
          tags: ['events'],
          summary: 'Create a webhook endpoint (cellhub extension)',
          description: `${NOTE} Events of the chosen types (all, when \`event_types\` is empty or absent) are POSTed to \`url\` as the event feed shows them, signed per Standard Webhooks with the endpoint's own \`whsec_\` secret (read it at \`_links.secret\`); \`webhook-id\` is the event id. Retried on failure as every cellhub webhook is. Send an \`Idempotency-Key\`.`,
          headers: IdempotencyKeyHeader,
          body: Type.Object(
            { url: Url, event_types: Type.Optional(EventTypes), description: Type.Optional(Description) },
            {
              additionalProperties: false,
              examples: [{ url: 'https://hooks.acme.example/cellhub', event_types: ['subscription.suspended', 'order.failed'], description: 'IT service desk' }],
            },
          ),
          response: { 201: EndpointAnswer, ...errorResponses(400, 401, 403, 409, 429) },
        },
      },
      async (request, reply) => {
        const org = principalOf(request).organizationId;
        const { url, event_types: eventTypes, description } = request.body;
        return idempotent(platform.db, request, reply, async (db) => ({
          status: 201,
          body: representEndpoint(await createEndpoint(db, platform.sealing, policy(), org, { url, eventTypes, description })),
        }));
      },
    );

    app.get(
      '/webhook-endpoints',
      {
        schema: {
          tags: ['events'],
          summary: 'List webhook endpoints (cellhub extension)',
          description: `${NOTE} The organization's webhook endpoints, newest first.`,
          querystring: Type.Object(ListQuery),
          response: { 200: HalList('webhook-endpoints', EndpointAnswer), ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request) => {
        const org = principalOf(request).organizationId;
        const page = await paginate(request.query, {}, (after, rows) => listEndpoints(platform.db, org, { after, rows }));
        return halList(request, 'webhook-endpoints', page, representEndpoint);
      },
    );

    app.get(
      '/webhook-endpoints/:id',
      {
        schema: {
          tags: ['events'],
          summary: 'Get a webhook endpoint (cellhub extension)',
          description: `${NOTE} One webhook endpoint (\`whep_\` + ULID).`,
          params: EndpointParams,
          response: { 200: EndpointAnswer, ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request) => representEndpoint(await getEndpoint(platform.db, principalOf(request).organizationId, endpointId(request.params.id))),
    );

    app.patch(
      '/webhook-endpoints/:id',
      {
        schema: {
          tags: ['events'],
          summary: 'Change or disable a webhook endpoint (cellhub extension)',
          description: `${NOTE} Changes the fields sent. \`status: disabled\` stops deliveries to it (those still waiting fail as refused; redeliver them once it is enabled again).`,
          params: EndpointParams,
          body: Type.Object(
            {
              url: Type.Optional(Url),
              event_types: Type.Optional(EventTypes),
              description: Type.Optional(Description),
              status: Type.Optional(Type.String({ enum: [...STATUSES] })),
            },
            { additionalProperties: false, minProperties: 1, examples: [{ status: 'disabled' }] },
          ),
          response: { 200: EndpointAnswer, ...errorResponses(400, 401, 403, 404, 429) },
        },
      },
      async (request) => {
        const { url, event_types: eventTypes, description, status } = request.body;
        const id = endpointId(request.params.id);
        const changed = await changeEndpoint(platform.db, policy(), principalOf(request).organizationId, id, {
          url,
          eventTypes,
          description,
          status: status as (typeof STATUSES)[number] | undefined,
        });
        return representEndpoint(changed);
      },
    );

    app.get(
      '/webhook-endpoints/:id/secret',
      {
        schema: {
          tags: ['events'],
          summary: "The webhook endpoint's signing secret (cellhub extension)",
          description: `${NOTE} The \`whsec_\` secret the endpoint's webhooks are signed with and, during a rotation's overlap, the previous one (which also signs until \`previous_expires_at\`).`,
          params: EndpointParams,
          response: {
            200: Type.Object(
              { secret: Type.String(), previous_secret: Nullable(Type.String()), previous_expires_at: Nullable(Type.String()) },
              {
                examples: [
                  {
                    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
                    previous_secret: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
                    previous_expires_at: '2026-12-01T09:00:00.000Z',
                  },
                ],
              },
            ),
            ...errorResponses(401, 403, 404, 429),
          },
        },
      },
      async (request) => {
        const endpoint = await getEndpoint(platform.db, principalOf(request).organizationId, endpointId(request.params.id));
        const { secret, previous } = secretsOf(platform.sealing, endpoint);
        return { secret, previous_secret: previous?.secret ?? null, previous_expires_at: iso(previous?.expiresAt) };
      },
    );

    app.post(
      '/webhook-endpoints/:id/rotate-secret',
      {
        schema: {
          tags: ['events'],
          summary: "Rotate the webhook endpoint's secret (cellhub extension)",
          description: `${NOTE} A new secret signs from now on; the one it replaces also signs (a second signature in \`webhook-signature\`) for \`WEBHOOK_SECRET_OVERLAP_HOURS\` (24 h by default), so a receiver can switch without missing a message. Send an \`Idempotency-Key\`: a retry replays the answer and does not rotate again.`,
          headers: IdempotencyKeyHeader,
          params: EndpointParams,
          response: { 200: EndpointAnswer, ...errorResponses(401, 403, 404, 409, 429) },
        },
      },
      async (request, reply) => {
        const org = principalOf(request).organizationId;
        const id = endpointId(request.params.id);
        return idempotent(platform.db, request, reply, async (db) => ({
          status: 200,
          body: representEndpoint(await rotateEndpointSecret(db, platform.sealing, org, id, platform.config.webhookSecretOverlapHours)),
        }));
      },
    );

    app.get(
      '/webhook-endpoints/:id/deliveries',
      {
        schema: {
          tags: ['events'],
          summary: "List the webhook endpoint's deliveries (cellhub extension)",
          description: `${NOTE} Every event sent (or being sent) to the endpoint, newest first, with its status and attempts.`,
          params: EndpointParams,
          querystring: Type.Object(ListQuery),
          response: { 200: HalList('deliveries', DeliveryAnswer), ...errorResponses(400, 401, 403, 404, 429) },
        },
      },
      async (request) => {
        const org = principalOf(request).organizationId;
        const id = endpointId(request.params.id);
        const page = await paginate(request.query, { id }, (after, rows) => endpointDeliveries(platform.db, org, id, { after, rows }));
        return halList(request, 'deliveries', page, (d) => representDelivery(d));
      },
    );

    app.get(
      '/webhook-endpoints/:id/deliveries/:delivery_id',
      {
        schema: {
          tags: ['events'],
          summary: 'Get a delivery with every attempt (cellhub extension)',
          description: `${NOTE} One delivery and its attempt log (status code, error, duration of each).`,
          params: DeliveryParams,
          response: { 200: DeliveryAnswer, ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request) => {
        const { delivery, attempts } = await getEndpointDelivery(
          platform.db,
          principalOf(request).organizationId,
          endpointId(request.params.id),
          deliveryId(request.params.delivery_id),
        );
        return representDelivery(delivery, attempts);
      },
    );

    app.post(
      '/webhook-endpoints/:id/deliveries/:delivery_id/redeliver',
      {
        schema: {
          tags: ['events'],
          summary: 'Send a delivery again (cellhub extension)',
          description: `${NOTE} Queues the delivery again from the start of the retry schedule, with the same \`webhook-id\`. 409 while it still waits for its first attempt. Send an \`Idempotency-Key\`: a retry replays the answer and queues nothing again.`,
          headers: IdempotencyKeyHeader,
          params: DeliveryParams,
          response: { 202: DeliveryAnswer, ...errorResponses(401, 403, 404, 409, 429) },
        },
      },
      async (request, reply) => {
        const org = principalOf(request).organizationId;
        const [endpoint, delivery] = [endpointId(request.params.id), deliveryId(request.params.delivery_id)];
        return idempotent(platform.db, request, reply, async (db) => ({ status: 202, body: representDelivery(await redeliverToEndpoint(db, org, endpoint, delivery)) }));
      },
    );
  };
}
