// The operator API's answers as schemas: they give the OpenAPI document its success bodies
// (and so the SDK and the console their types), and they serialize the answers, so a field
// missing here would be dropped from the answer. Each one is checked against the
// representation it describes (representations.ts) by the `Fits` lines at the end.
import { Type, type Static, type TSchema } from 'typebox';
import { Nullable } from '../http/schemas.ts';
import type { clientJson, deliveryJson, mailJson, offeringJson, orderJson, organizationJson, poolJson, templateJson } from './representations.ts';
import type { representProduct } from '../api/connect/products.routes.ts';

const Timestamp = Type.String({ format: 'date-time' });
/** JSON of any shape, kept as it was stored (an order's request and result, a webhook payload). */
const AnyJson = Type.Unknown();

/** The operator's lists: a page of items and the cursor of the next one. */
export const OperatorList = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), next_cursor: Nullable(Type.String()) });

export const OrganizationBody = Type.Object({ id: Type.String(), name: Type.String(), licences: Type.Array(Type.String()), created_at: Timestamp });

export const ClientBody = Type.Object({
  client_id: Type.String(),
  organization_id: Type.String(),
  name: Type.String(),
  family: Type.String({ description: 'enterprise or connect' }),
  role: Nullable(Type.String({ description: 'Connect: RESELLER or ACCOUNT_MANAGER' })),
  licences: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  created_at: Timestamp,
});

/** A client as created or with a new secret: the only answers that carry the secret. */
export const ClientWithSecretBody = Type.Object({ ...ClientBody.properties, client_secret: Type.String({ description: 'Shown only in this answer; cellhub keeps its hash' }) });

export const SenderBody = Type.Object({ msisdn: Type.String(), created_at: Timestamp });

export const OfferingBody = Type.Object({
  id: Type.String(),
  type: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  data_bytes: Nullable(Type.Number()),
  voice_seconds: Nullable(Type.Number()),
  sms_count: Nullable(Type.Number()),
  validity_days: Type.Number(),
  price: Type.String({ description: 'A decimal, e.g. "10.00"' }),
  currency: Type.String(),
  footprint: Type.Array(Type.String()),
  voice_increment_seconds: Type.Number(),
  data_increment_bytes: Type.Number(),
  out_of_bundle_rates: Type.Object({
    per_mb: Nullable(Type.String()),
    per_minute: Nullable(Type.String()),
    per_sms: Nullable(Type.String()),
    roaming_multiplier: Type.String(),
  }),
});

export const TemplateBody = Type.Object({
  id: Type.String(),
  type: Type.String(),
  description: Type.String(),
  number_pool_id: Nullable(Type.String()),
  services: Type.Array(Type.String()),
  offerings: Type.Array(Type.Object({ id: Type.String(), type: Type.String(), name: Type.String() })),
});

/** A reseller's Connect product as the operator manages it: every price it has, per currency. */
export const ConnectProductBody = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  period: Type.Number(),
  period_unit: Type.String({ description: 'DAYS or MONTHS' }),
  data: Type.Object({ value: Type.Number(), units: Type.String({ description: 'MB or GB' }) }),
  footprint: Type.Array(Type.String()),
  activeCountries: Type.Array(Type.String()),
  pricing: Type.Record(Type.String(), Type.Number(), { description: 'Price per ISO 4217 currency, e.g. {"EUR": 10}' }),
  region: Type.String(),
  plan_id: Type.String(),
});

export const PoolBody = Type.Object({
  id: Type.String(),
  name: Type.String(),
  country: Type.String(),
  numbers: Type.Optional(Type.Object({ available: Type.Number(), assigned: Type.Number(), quarantined: Type.Number(), total: Type.Number() })),
});

export const SimBody = Type.Object({ iccid: Type.String(), sim_type: Type.String(), state: Type.String(), organization_id: Nullable(Type.String()) });
export const SimCountBody = Type.Object({ sim_type: Type.String(), state: Type.String(), count: Type.Number() });
export const ImportBody = Type.Object({ imported: Type.Number(), duplicates: Type.Number({ description: 'Already there, skipped' }) });

export const OrderBody = Type.Object({
  id: Type.String(),
  organization_id: Type.String(),
  account_id: Nullable(Type.String()),
  type: Type.String(),
  status: Type.String(),
  stage: Type.String(),
  subscription_id: Nullable(Type.String()),
  failure_reason: Nullable(Type.String()),
  request: AnyJson,
  result: AnyJson,
  correlation_id: Nullable(Type.String()),
  created_at: Timestamp,
  completed_at: Nullable(Timestamp),
});

export const MailBody = Type.Object({
  id: Type.String(),
  organization_id: Nullable(Type.String()),
  order_id: Nullable(Type.String()),
  state: Type.String(),
  to: Type.Array(Type.String()),
  cc: Type.Array(Type.String()),
  subject: Type.String(),
  message_id: Nullable(Type.String()),
  created_at: Timestamp,
  sent_at: Nullable(Timestamp),
  text: Type.Optional(Type.String()),
  html: Type.Optional(Nullable(Type.String())),
  attachments: Type.Optional(Type.Array(Type.Object({ filename: Type.String(), content_type: Type.String(), size: Type.Number(), base64: Type.String() }))),
});

export const DeliveryBody = Type.Object({
  id: Type.String(),
  organization_id: Type.String(),
  url: Type.String(),
  event_type: Type.String(),
  payload: AnyJson,
  status: Type.String(),
  attempts: Type.Number(),
  next_attempt_at: Nullable(Timestamp),
  last_error: Nullable(Type.String()),
  created_at: Timestamp,
  delivered_at: Nullable(Timestamp),
  attempt_log: Type.Optional(
    Type.Array(Type.Object({ attempt: Type.Number(), at: Timestamp, status_code: Nullable(Type.Number()), error: Nullable(Type.String()), duration_ms: Nullable(Type.Number()) })),
  ),
});

export const ClockAdvanceBody = Type.Object({ organization_id: Type.String(), advanced_seconds: Type.Number(), subscriptions_moved: Type.Number() });

// A representation that answers a field its schema lacks (or of another type) fails to compile here.
type Fits<Json, Schema extends TSchema> = Json extends Static<Schema> ? (keyof Json extends keyof Static<Schema> ? true : never) : never;
export const representationsFit: [
  Fits<ReturnType<typeof organizationJson>, typeof OrganizationBody>,
  Fits<ReturnType<typeof clientJson>, typeof ClientBody>,
  Fits<ReturnType<typeof offeringJson>, typeof OfferingBody>,
  Fits<ReturnType<typeof templateJson>, typeof TemplateBody>,
  Fits<ReturnType<typeof representProduct>, typeof ConnectProductBody>,
  Fits<ReturnType<typeof poolJson>, typeof PoolBody>,
  Fits<ReturnType<typeof orderJson>, typeof OrderBody>,
  Fits<ReturnType<typeof mailJson>, typeof MailBody>,
  Fits<ReturnType<typeof deliveryJson>, typeof DeliveryBody>,
] = [true, true, true, true, true, true, true, true, true];
