// Operator: orders across organizations (list, retry the failed) and the mail they sent.
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { paginate } from '../../http/cursor.ts';
import { ListQuery } from '../../http/hal.ts';
import { accessDenied, notFound } from '../../domain/errors.ts';
import { listOrders, retryOrder } from '../../domain/orders/orders.service.ts';
import { ORDER_STATUSES } from '../../domain/orders/order-types.ts';
import { findMail, listMail } from '../../domain/orders/mail.store.ts';
import { mailJson, orderJson } from '../../operator/representations.ts';
import { keyed } from './keyed.ts';
import { IdempotencyKeyHeader } from '../../http/schemas.ts';
import { MailBody, OperatorList, OrderBody } from '../../operator/schemas.ts';

export function orderRoutes(app: App, platform: Platform): void {
  const db = platform.db;
  const keyedRun = keyed(platform);

  app.get(
    '/orders',
    {
      schema: {
        summary: 'List orders across organizations (e.g. the failed ones)',
        description: 'Enterprise and Connect orders of every organization, filtered by status and organization.',
        querystring: Type.Object({ status: Type.Optional(Type.Enum(ORDER_STATUSES)), organization_id: Type.Optional(Type.String()), ...ListQuery }),
        response: { 200: OperatorList(OrderBody) },
      },
    },
    async (request) => {
      const { status, organization_id: org } = request.query;
      const page = await paginate(request.query, { status, org }, (after, rows) => listOrders(db, org, { status, after, rows }));
      return { items: page.items.map(orderJson), next_cursor: page.next ?? null };
    },
  );

  app.post(
    '/orders/:id/retry',
    {
      schema: {
        summary: 'Retry a failed order from the start',
        description: "Runs a failed order's fulfilment again from the start; only a failed order (409 otherwise).",
        params: Type.Object({ id: Type.String() }),
        headers: IdempotencyKeyHeader,
        response: { 202: OrderBody },
      },
    },
    async (request, reply) => {
      const answer = await keyedRun(request, reply, async (tx) => ({
        status: 202,
        body: orderJson(await retryOrder({ db: tx, queue: platform.queue, templates: platform.templates }, request.params.id)),
      }));
      platform.queue.wake(); // a keyed retry commits after it woke the workers
      return answer;
    },
  );

  app.get(
    '/mail',
    {
      schema: {
        summary: 'List mail: sent, or kept in the outbox when no SMTP server is configured',
        description: 'eSIM delivery mail: what was sent, or kept in the outbox when `SMTP_URL` is unset.',
        querystring: Type.Object({ state: Type.Optional(Type.Enum(['queued', 'sent', 'outbox', 'failed'])), ...ListQuery }),
        response: { 200: OperatorList(MailBody) },
      },
    },
    async (request) => {
      const { state } = request.query;
      const page = await paginate(request.query, { state }, (after, rows) => listMail(db, { state, after, rows }));
      return { items: page.items.map((m) => mailJson(m)), next_cursor: page.next ?? null };
    },
  );

  app.get(
    '/mail/:id',
    {
      schema: {
        summary: 'Show one mail with its body and attachments',
        description: "One mail with its text, HTML and attachments (the eSIM's QR code). Operator support staff may not read a console invitation's (403).",
        params: Type.Object({ id: Type.String() }),
        response: { 200: MailBody },
      },
    },
    async (request) => {
      const mail = await findMail(db, request.params.id);
      if (!mail) throw notFound(`mail ${request.params.id}`);
      // A console invitation (mail of no order) holds a link that sets a password: support staff reading it could become that person.
      const support = request.operator?.kind === 'person' && request.operator.role === 'support';
      if (support && !mail.orderId) throw accessDenied(`mail ${mail.id}: a console invitation; support staff may not read it`);
      return mailJson(mail, true);
    },
  );
}
