// Operator: webhook deliveries across organizations (with every attempt), redelivery,
// and each organization's signing secret.
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { paginate } from '../../http/cursor.ts';
import { ListQuery } from '../../http/hal.ts';
import { getDelivery, listDeliveries, redeliver } from '../../domain/webhooks/webhooks.service.ts';
import { rotateWebhookSecret, webhookSecret } from '../../domain/webhooks/secrets.ts';
import { getOrganization } from '../../domain/organizations/organizations.service.ts';
import { deliveryJson } from '../../operator/representations.ts';
import { OrgParams } from './params.ts';
import { keyed, ok } from './keyed.ts';
import { IdempotencyKeyHeader } from '../../http/schemas.ts';

const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

export function webhookRoutes(app: App, platform: Platform): void {
  const db = platform.db;
  const keyedRun = keyed(platform);

  app.get('/webhooks/deliveries', {
    schema: {
      summary: 'List webhook deliveries, newest first', description: "Webhook deliveries of every organization with their status (pending, delivered, failed) and attempts so far.",
      querystring: Type.Object({ status: Type.Optional(Type.Enum(DELIVERY_STATUSES)), organization_id: Type.Optional(Type.String()), ...ListQuery }),
    },
  }, async (request) => {
    const { status, organization_id: organizationId } = request.query;
    const page = await paginate(request.query, { status, organizationId }, (after, rows) => listDeliveries(db, { organizationId, status, after, rows }));
    return { items: page.items.map((d) => deliveryJson(d)), next_cursor: page.next ?? null };
  });

  app.get('/webhooks/deliveries/:id', {
    schema: { summary: 'Show a delivery with every attempt', description: "One delivery with its payload and every attempt (status code, error, duration).", params: Type.Object({ id: Type.String() }) },
  }, async (request) => {
    const { delivery, attempts } = await getDelivery(db, request.params.id);
    return deliveryJson(delivery, attempts);
  });

  app.post('/webhooks/deliveries/:id/redeliver', {
    schema: { summary: 'Send a delivery again, from the start of the retry schedule, with the same webhook-id', description: "Queues a delivery again from the start of the retry schedule; the receiver can de-duplicate it by its unchanged `webhook-id`.", params: Type.Object({ id: Type.String() }), headers: IdempotencyKeyHeader },
  }, async (request, reply) => {
    const answer = await keyedRun(request, reply, async (tx) => ({ status: 202, body: deliveryJson(await redeliver(tx, request.params.id)) }));
    platform.webhookDispatcher?.wake();
    return answer;
  });

  app.get('/organizations/:org/webhook-secret', {
    schema: { summary: "The organization's whsec_ secret, to verify webhook signatures with", description: "The organization's current Standard Webhooks secret (`whsec_…`), which the receiver verifies `webhook-signature` with.", params: OrgParams },
  }, async (request) => {
    await getOrganization(db, request.params.org);
    return { secret: await webhookSecret(db, platform.sealing, request.params.org) };
  });

  app.post('/organizations/:org/webhook-secret/rotate', {
    schema: { summary: 'Replace the signing secret; deliveries from now on use the new one', description: "Rotates the organization's webhook signing secret (a new generation); deliveries from now on are signed with the new one. A retry with the same `Idempotency-Key` replays the first answer (stored sealed) and does not rotate again.", params: OrgParams, headers: IdempotencyKeyHeader },
  }, async (request, reply) => keyedRun(request, reply, async (tx) => {
    await getOrganization(tx, request.params.org);
    return ok({ secret: await rotateWebhookSecret(tx, platform.sealing, request.params.org) });
  }));
}
