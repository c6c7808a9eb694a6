// What the operator API and the CLI print: plain JSON, snake_case like the APIs. Shared by
// the /operator routes and the CLI's in-process operator, so both print the same.
import type { Organization } from '../domain/organizations/organizations.service.ts';
import type { ApiClient } from '../auth/clients.service.ts';
import type { Customer } from '../domain/customers/customers.service.ts';
import type { Offering } from '../domain/catalog/offerings.service.ts';
import type { OrderTemplate } from '../domain/catalog/templates.service.ts';
import type { NumberPool } from '../domain/inventory/numbers.service.ts';
import type { Account } from '../domain/accounts/accounts.service.ts';
import type { OrderRow } from '../domain/orders/orders.service.ts';
import type { MailMessage } from '../domain/orders/mail.store.ts';
import type { WebhookAttempt, WebhookDelivery } from '../domain/webhooks/webhooks.store.ts';
import type { ConnectSettings } from '../domain/organizations/connect-settings.service.ts';
import type { ExchangeRate } from '../domain/catalog/exchange-rates.ts';
import { iso } from '../http/hal.ts';

export const organizationJson = (o: Organization) => ({
  id: o.id,
  name: o.name,
  licences: o.licences,
  created_at: o.createdAt.toISOString(),
});

export const clientJson = (c: ApiClient) => ({
  client_id: c.clientId,
  organization_id: c.organizationId,
  name: c.name,
  family: c.family,
  role: c.role,
  licences: c.licences,
  disabled: c.disabledAt !== null,
  created_at: c.createdAt.toISOString(),
});

export const accountJson = (a: Account) => ({
  id: a.id,
  organization_id: a.organizationId,
  reference_code: a.referenceCode,
  name: a.name,
  country: a.country,
  status: a.status,
});

export const offeringJson = (o: Offering) => ({
  id: o.id,
  type: o.type,
  name: o.name,
  description: o.description,
  data_bytes: o.dataBytes,
  voice_seconds: o.voiceSeconds,
  sms_count: o.smsCount,
  validity_days: o.validityDays,
  price: o.priceAmount,
  currency: o.currency,
  footprint: o.footprint,
  voice_increment_seconds: o.voiceIncrementSeconds,
  data_increment_bytes: o.dataIncrementBytes,
  out_of_bundle_rates: {
    per_mb: o.outOfBundlePerMb,
    per_minute: o.outOfBundlePerMinute,
    per_sms: o.outOfBundlePerSms,
    roaming_multiplier: o.roamingMultiplier,
  },
});

export const templateJson = (t: OrderTemplate) => ({
  id: t.id,
  type: t.type,
  description: t.description,
  number_pool_id: t.numberPoolId,
  services: t.services,
  offerings: t.offerings.map(({ id, type, name }) => ({ id, type, name })),
});

export const poolJson = (p: NumberPool, counts?: { available: number; assigned: number; quarantined: number; total: number }) => ({
  id: p.id,
  name: p.name,
  country: p.country,
  ...(counts ? { numbers: counts } : {}),
});

export const orderJson = (o: OrderRow) => ({
  id: o.id,
  organization_id: o.organizationId,
  account_id: o.accountId,
  type: o.type,
  status: o.status,
  stage: o.stage,
  subscription_id: o.subscriptionId,
  failure_reason: o.failureReason,
  request: o.request,
  result: o.result,
  correlation_id: o.correlationId,
  created_at: o.createdAt.toISOString(),
  completed_at: o.completedAt?.toISOString() ?? null,
});

export const mailJson = (m: MailMessage, full = false) => ({
  id: m.id,
  organization_id: m.organizationId,
  order_id: m.orderId,
  state: m.state,
  to: m.to,
  cc: m.cc,
  subject: m.subject,
  message_id: m.messageId,
  created_at: m.createdAt.toISOString(),
  sent_at: m.sentAt?.toISOString() ?? null,
  ...(full
    ? {
        text: m.text,
        html: m.html,
        attachments: (m.attachments as { filename: string; contentType: string; base64: string }[]).map((a) => ({
          filename: a.filename,
          content_type: a.contentType,
          size: Math.floor((a.base64.length * 3) / 4),
          base64: a.base64,
        })),
      }
    : {}),
});

export function deliveryJson(d: WebhookDelivery, attempts?: WebhookAttempt[]) {
  return {
    id: d.id,
    organization_id: d.organizationId,
    url: d.url,
    event_type: d.eventType,
    payload: d.payload,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    last_error: d.lastError,
    created_at: d.createdAt.toISOString(),
    delivered_at: iso(d.deliveredAt),
    ...(attempts
      ? { attempt_log: attempts.map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), status_code: a.statusCode, error: a.error, duration_ms: a.durationMs })) }
      : {}),
  };
}

/** A webhook event as `cellhub listen` forwards it: its body exactly as the dispatcher signs and sends it. */
export function webhookEventJson(d: WebhookDelivery) {
  return {
    id: d.id,
    event_type: d.eventType,
    created_at: d.createdAt.toISOString(),
    correlation_id: d.correlationId,
    body: JSON.stringify(d.payload),
  };
}

/** A reseller's Connect customer, with the ACCOUNT_MANAGER client acting for it. */
export function customerJson({ customer: c, clientName }: { customer: Customer; clientName: string }) {
  return {
    id: c.id,
    client_id: c.clientId,
    client_name: clientName,
    type: c.type,
    email: c.email,
    first_name: c.firstName,
    last_name: c.lastName,
    company_name: c.companyName,
    default_currency: c.defaultCurrency,
    verified: c.verified,
    created_at: c.createdAt.toISOString(),
  };
}

export const connectSettingsJson = (s: ConnectSettings) => ({
  organization_id: s.organizationId,
  topup_requires_country_code: s.topupRequiresCountryCode,
  updated_at: s.updatedAt?.toISOString() ?? null,
});

export const exchangeRateJson = (r: ExchangeRate) => ({
  from_currency: r.from,
  to_currency: r.to,
  rate: r.rate,
  set_at: r.setAt.toISOString(),
});
