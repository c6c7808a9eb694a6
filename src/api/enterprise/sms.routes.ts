// The Messages API (premium): POST answers at once with the message id; delivery to
// each recipient happens in the background and GET shows how far it got. Every
// recipient ends delivered, failed or expired: nothing waits forever.
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { iso, link, Link } from '../../http/hal.ts';
import { errorResponses, Nullable, IdempotencyKeyHeader } from '../../http/schemas.ts';
import { idempotent } from '../../http/idempotency.ts';
import { getSms, sendSms } from '../../domain/sms/sms.service.ts';
import type { SmsMessage, SmsRecipient } from '../../domain/sms/sms.store.ts';
import { getById } from './get-by-id.ts';
import { SEND_SMS } from '../../jobs/kinds.ts';

const MSISDN = '^(\\+\\d{1,15}|\\d{1,15})$';
const RECIPIENT_STATUSES = ['queued', 'sent', 'delivered', 'failed', 'expired'] as const;
type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

const RECIPIENT_STATUS =
  'queued (waiting to be sent), sent (every part accepted by the SMSC, awaiting delivery), then final: ' +
  'delivered (every part delivered), failed (refused or undeliverable; see reason) or ' +
  'expired (not delivered within the validity period, SMS_VALIDITY_PERIOD, 48 hours by default; see reason)';

const SmsBody = Type.Object(
  {
    from: Type.String({ pattern: MSISDN, description: 'An authorized sender: the number of an active subscription' }),
    to: Type.Array(Type.String({ pattern: MSISDN }), { minItems: 1, maxItems: 1000, description: "Recipients, all in the sender's country" }),
    text: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { examples: [{ from: '+447700900000', to: ['+447700900999', '447700900998'], text: 'Fire drill at 15:00' }] },
); // seed 000's sample, with Acme's demo numbers

const SmsAccepted = Type.Object({ sms_id: Type.String(), id: Type.String() }, { examples: [{ sms_id: 'sms_01JBCG33BC2PS4J76JN685GN56', id: 'sms_01JBCG33BC2PS4J76JN685GN56' }] });

const SmsAnswer = Type.Object(
  {
    id: Type.String(),
    sms_id: Type.String(),
    from: Type.String(),
    text: Type.String(),
    encoding: Type.String({ description: 'gsm7 or ucs2' }),
    parts: Type.Integer({ description: 'SMS parts per recipient, each charged as one outbound sms' }),
    status: Type.String({ description: 'sending while any recipient is queued or sent, else completed' }),
    counts: Type.Object(Object.fromEntries(RECIPIENT_STATUSES.map((s) => [s, Type.Integer()])), { description: 'Recipients in each status' }),
    recipients: Type.Array(
      Type.Object({
        to: Type.String(),
        status: Type.Enum(RECIPIENT_STATUSES, { description: RECIPIENT_STATUS }),
        reason: Nullable(Type.String()),
        sent_at: Nullable(Type.String()),
        done_at: Nullable(Type.String()),
      }),
    ),
    created_at: Type.String(),
    _links: Type.Object({ self: Link, subscription: Link }),
  },
  {
    examples: [
      {
        id: 'sms_01JBCG33BC2PS4J76JN685GN56',
        sms_id: 'sms_01JBCG33BC2PS4J76JN685GN56',
        from: '+447700900000',
        text: 'Fire drill at 15:00',
        encoding: 'gsm7',
        parts: 1,
        status: 'completed',
        counts: { queued: 0, sent: 0, delivered: 1, failed: 1, expired: 0 },
        recipients: [
          { to: '+447700900999', status: 'delivered', reason: null, sent_at: '2026-11-30T14:00:01.000Z', done_at: '2026-11-30T14:00:03.000Z' },
          { to: '+447700900998', status: 'failed', reason: 'SMSC: undeliverable (UNDELIV)', sent_at: '2026-11-30T14:00:01.000Z', done_at: '2026-11-30T14:00:04.000Z' },
        ],
        created_at: '2026-11-30T14:00:00.000Z',
        _links: { self: { href: '/enterprise/sms/sms_01JBCG33BC2PS4J76JN685GN56' }, subscription: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB' } },
      },
    ],
  },
);

export function representSms(message: SmsMessage, recipients: SmsRecipient[]) {
  const counts = Object.fromEntries(RECIPIENT_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  for (const r of recipients) counts[r.status]++;
  return {
    id: message.id,
    sms_id: message.id,
    from: `+${message.fromMsisdn}`,
    text: message.text,
    encoding: message.encoding,
    parts: message.parts,
    status: counts.queued + counts.sent > 0 ? 'sending' : 'completed',
    counts,
    recipients: recipients.map((r) => ({ to: `+${r.toMsisdn}`, status: r.status as RecipientStatus, reason: r.reason, sent_at: iso(r.sentAt), done_at: iso(r.doneAt) })),
    created_at: message.createdAt.toISOString(),
    _links: { self: link(`/enterprise/sms/${message.id}`), subscription: link(`/enterprise/subscriptions/${message.subscriptionId}`) },
  };
}

export function smsRoutes(platform: Platform) {
  return async (app: App) => {
    app.post(
      '/sms',
      {
        schema: {
          tags: ['sms'],
          summary: 'Send an SMS to up to 1,000 recipients (answers at once; delivery is asynchronous)',
          description:
            "Sends `text` (1 to 500 characters) from `from`, one of the organization's authorized sender numbers, to up to 1,000 recipients of the sender's country (international messages are not supported). Answers `{sms_id, id}` at once; delivery to each recipient follows, and each part sent is charged as an outbound sms usage item. Needs the premium sms licence.",
          headers: IdempotencyKeyHeader,
          body: SmsBody,
          response: { 200: SmsAccepted, ...errorResponses(400, 401, 403, 409, 429) },
        },
      },
      async (request, reply) => {
        const org = principalOf(request).organizationId;
        const body = await idempotent(platform.db, request, reply, async (db) => {
          const { id } = await sendSms({ ...platform, db }, org, request.body, request.id);
          return { status: 200, body: { sms_id: id, id } };
        });
        platform.queue.wake(SEND_SMS); // a keyed message commits after sending it woke the workers
        return body;
      },
    );

    getById(app, {
      path: '/sms',
      kind: 'sms',
      tag: 'sms',
      summary: 'Get a message with the delivery status of each recipient',
      description: 'A sent message and, for each recipient, its status (pending, delivered, failed, expired) with the reason.',
      body: SmsAnswer,
      find: (org, id) => getSms(platform.db, org, id),
      represent: ({ message, recipients }) => representSms(message, recipients),
    });
  };
}
