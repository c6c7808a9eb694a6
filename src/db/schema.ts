// The one schema for PGlite and PostgreSQL. drizzle-kit turns it into the SQL
// migrations under ./migrations (npm run db:generate), which both databases apply.
//
// Tenant tables carry organization_id and lead their keys and indexes with it: every
// query filters by it, and a distributed PostgreSQL could shard on it.
// Ids are prefixed ULIDs, so ordering by id is ordering by creation time.
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, boolean, check, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Instance-wide key/value settings (e.g. the demo credential key). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** Token signing keys. The JWKS publishes all live ones; the newest signs. */
export const signingKeys = pgTable('signing_keys', {
  kid: text('kid').primaryKey(),
  algorithm: text('algorithm').notNull(),
  publicJwk: jsonb('public_jwk').notNull(),
  privateJwk: jsonb('private_jwk').notNull(),
  createdAt: createdAt(),
  retiredAt: at('retired_at'),
});

/**
 * Refresh tokens issued, one row each, so that each is used once (RFC 9700 §4.14.2):
 * using one again revokes its whole family, the chain that grew from one client
 * authentication, since a stolen copy is then in play.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    jti: text('jti').primaryKey(),
    family: text('family').notNull(),
    clientId: text('client_id').notNull(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('refresh_tokens_family_idx').on(t.family), index('refresh_tokens_expires_idx').on(t.expiresAt)],
);

export const organizations = pgTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Enterprise APIs this organization is licensed for (see auth/licences.ts). */
  licences: text('licences')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  createdAt: createdAt(),
});

export const apiClients = pgTable(
  'api_clients',
  {
    clientId: text('client_id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    /** 'enterprise' or 'connect': the realm the client's credentials work in. */
    family: text('family').notNull(),
    /** Connect family: RESELLER or ACCOUNT_MANAGER. */
    role: text('role'),
    /** Enterprise family: the licences this client may use, within its organization's. */
    licences: text('licences')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    secretHash: text('secret_hash').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    disabledAt: at('disabled_at'),
  },
  (t) => [index('api_clients_org_idx').on(t.organizationId, t.clientId)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    referenceCode: text('reference_code').notNull(),
    name: text('name').notNull(),
    country: text('country').notNull(),
    status: text('status').notNull().default('active'),
    createdAt: createdAt(),
  },
  (t) => [
    // Unique, so rows of the organization can reference its accounts by (organization_id, id).
    uniqueIndex('accounts_org_idx').on(t.organizationId, t.id),
    uniqueIndex('accounts_org_reference_uq').on(t.organizationId, t.referenceCode),
  ],
);

export const subscribers = pgTable(
  'subscribers',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    employeeId: text('employee_id'),
    group: text('group'),
    createdAt: createdAt(),
  },
  (t) => [
    index('subscribers_org_idx').on(t.organizationId, t.id),
    // Orders reuse a subscriber by email within the organization.
    uniqueIndex('subscribers_org_email_uq').on(t.organizationId, sql`lower(${t.email})`),
  ],
);

export const subscriptions = pgTable(
  'subscriptions',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    subscriberId: text('subscriber_id')
      .notNull()
      .references(() => subscribers.id),
    /** The current SIM profile; a swap points it at the new one. */
    iccid: text('iccid').references((): AnyPgColumn => simProfiles.iccid),
    /** active, suspended or terminated. */
    status: text('status').notNull(),
    suspensionReason: text('suspension_reason'),
    createdAt: createdAt(),
    terminatedAt: at('terminated_at'),
  },
  (t) => [
    index('subscriptions_org_idx').on(t.organizationId, t.id),
    index('subscriptions_org_status_idx').on(t.organizationId, t.status, t.id),
    index('subscriptions_subscriber_idx').on(t.organizationId, t.subscriberId),
  ],
);

/**
 * SIM profiles, from inventory to device. An imported ICCID is free stock
 * (organization_id null, state 'available') until an order allocates it.
 */
export const simProfiles = pgTable(
  'sim_profiles',
  {
    iccid: text('iccid').primaryKey(),
    organizationId: text('organization_id').references(() => organizations.id),
    subscriptionId: text('subscription_id').references(() => subscriptions.id),
    /** esim or psim. */
    simType: text('sim_type').notNull(),
    /** available, allocated, released, downloaded, installed, deleted, cancelled. */
    state: text('state').notNull().default('available'),
    eid: text('eid'),
    smdpAddress: text('smdp_address'),
    matchingId: text('matching_id'),
    importedAt: createdAt(),
    allocatedAt: at('allocated_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [
    index('sim_profiles_stock_idx')
      .on(t.simType, t.iccid)
      .where(sql`${t.state} = 'available'`),
    index('sim_profiles_org_subscription_idx').on(t.organizationId, t.subscriptionId),
    check('sim_profiles_iccid_format', sql`${t.iccid} ~ '^89[0-9]{17}$'`),
  ],
);

/** A named pool of MSISDNs in one country, drawn from by order templates. */
export const numberPools = pgTable('number_pools', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  country: text('country').notNull(),
  createdAt: createdAt(),
});

export const phoneNumbers = pgTable(
  'phone_numbers',
  {
    msisdn: text('msisdn').primaryKey(),
    poolId: text('pool_id')
      .notNull()
      .references(() => numberPools.id),
    country: text('country').notNull(),
    organizationId: text('organization_id').references(() => organizations.id),
    subscriptionId: text('subscription_id').references(() => subscriptions.id),
    isPrimary: boolean('is_primary').notNull().default(false),
    /** available, assigned or quarantined. */
    state: text('state').notNull().default('available'),
    quarantinedUntil: at('quarantined_until'),
    importedAt: createdAt(),
  },
  (t) => [
    index('phone_numbers_pool_idx')
      .on(t.poolId, t.msisdn)
      .where(sql`${t.state} = 'available'`),
    // By subscription alone: rating looks numbers up for subscriptions of any organization.
    index('phone_numbers_subscription_idx').on(t.subscriptionId),
    check('phone_numbers_msisdn_format', sql`${t.msisdn} ~ '^[1-9][0-9]{6,14}$'`),
  ],
);

/**
 * Who held each number and each SIM (ICCID), and when: a row per holding, from
 * `held_from` until `held_until` (null: still held). Written in the transaction of the
 * change that starts or ends it (activation, SIM swap, termination, a Connect SIM sold
 * or taken back), so usage is rated to whoever held its number or SIM when it happened,
 * however late it arrives. A held number's quarantine is no holding.
 */
export const holdings = pgTable(
  'holdings',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** msisdn or iccid. */
    kind: text('kind').notNull(),
    identifier: text('identifier').notNull(),
    /** The holder; null for a SIM sold through Connect, whose usage is taken from its balances. */
    subscriptionId: text('subscription_id').references(() => subscriptions.id),
    heldFrom: at('held_from').notNull(),
    heldUntil: at('held_until'),
  },
  (t) => [
    primaryKey({ name: 'holdings_pkey', columns: [t.organizationId, t.kind, t.identifier, t.heldFrom] }),
    index('holdings_org_subscription_idx').on(t.organizationId, t.subscriptionId),
    // By identifier alone: a usage batch names numbers and SIMs of any organization.
    index('holdings_identifier_idx').on(t.identifier, t.heldFrom),
    // One holder at a time.
    uniqueIndex('holdings_one_current_uq')
      .on(t.kind, t.identifier)
      .where(sql`${t.heldUntil} IS NULL`),
    check('holdings_kind', sql`${t.kind} IN ('msisdn', 'iccid')`),
    check('holdings_connect_sims_only', sql`${t.subscriptionId} IS NOT NULL OR ${t.kind} = 'iccid'`),
    check('holdings_period', sql`${t.heldUntil} IS NULL OR ${t.heldUntil} >= ${t.heldFrom}`),
  ],
);

/**
 * When each subscription was suspended (its services barred), until it was resumed or
 * terminated (null: still suspended). Usage that starts within one is refused.
 */
export const subscriptionSuspensions = pgTable(
  'subscription_suspensions',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    suspendedFrom: at('suspended_from').notNull(),
    suspendedUntil: at('suspended_until'),
  },
  (t) => [
    primaryKey({ name: 'subscription_suspensions_pkey', columns: [t.organizationId, t.subscriptionId, t.suspendedFrom] }),
    uniqueIndex('subscription_suspensions_one_current_uq')
      .on(t.organizationId, t.subscriptionId)
      .where(sql`${t.suspendedUntil} IS NULL`),
    check('subscription_suspensions_period', sql`${t.suspendedUntil} IS NULL OR ${t.suspendedUntil} >= ${t.suspendedFrom}`),
  ],
);

export const services = pgTable(
  'services',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    /** voice, sms, data, roaming, … */
    type: text('type').notNull(),
    enabled: boolean('enabled').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.subscriptionId, t.type] })],
);

/** What an organization can buy: a plan or an add-on with its allowances. */
export const productOfferings = pgTable(
  'product_offerings',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** plan or add_on. */
    type: text('type').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** Allowances; null means none included. */
    dataBytes: bigint('data_bytes', { mode: 'number' }),
    voiceSeconds: integer('voice_seconds'),
    smsCount: integer('sms_count'),
    validityDays: integer('validity_days').notNull(),
    priceAmount: numeric('price_amount', { precision: 12, scale: 2 }).notNull(),
    currency: text('currency').notNull(),
    /** ISO 3166 alpha-2 countries where the allowances apply. */
    footprint: text('footprint')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    voiceIncrementSeconds: integer('voice_increment_seconds').notNull().default(60),
    dataIncrementBytes: integer('data_increment_bytes').notNull().default(1024),
    /** Out-of-bundle rates of a plan, in its currency; null: that usage is not priced. */
    outOfBundlePerMb: numeric('out_of_bundle_per_mb', { precision: 12, scale: 4 }),
    outOfBundlePerMinute: numeric('out_of_bundle_per_minute', { precision: 12, scale: 4 }),
    outOfBundlePerSms: numeric('out_of_bundle_per_sms', { precision: 12, scale: 4 }),
    /** Out-of-bundle usage abroad costs the rate times this. */
    roamingMultiplier: numeric('roaming_multiplier', { precision: 8, scale: 4 }).notNull().default('1'),
    createdAt: createdAt(),
  },
  (t) => [index('product_offerings_org_idx').on(t.organizationId, t.id)],
);

export const orderTemplates = pgTable(
  'order_templates',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    type: text('type').notNull(),
    description: text('description').notNull(),
    numberPoolId: text('number_pool_id').references(() => numberPools.id),
    /** Services a new subscription starts with. */
    services: text('services')
      .array()
      .notNull()
      .default(sql`'{voice,sms,data}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [index('order_templates_org_idx').on(t.organizationId, t.id)],
);

export const orderTemplateOfferings = pgTable(
  'order_template_offerings',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    templateId: text('template_id')
      .notNull()
      .references(() => orderTemplates.id),
    offeringId: text('offering_id')
      .notNull()
      .references(() => productOfferings.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ name: 'order_template_offerings_pkey', columns: [t.organizationId, t.templateId, t.position] })],
);

/** Instances of offerings on a subscription. */
export const products = pgTable(
  'products',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    offeringId: text('offering_id')
      .notNull()
      .references(() => productOfferings.id),
    /** active or terminated. */
    status: text('status').notNull(),
    activatedAt: at('activated_at').notNull(),
    terminatesAt: at('terminates_at'),
    /** What rating has taken from the offering's allowances so far. */
    dataUsedBytes: bigint('data_used_bytes', { mode: 'number' }).notNull().default(0),
    voiceUsedSeconds: bigint('voice_used_seconds', { mode: 'number' }).notNull().default(0),
    smsUsed: bigint('sms_used', { mode: 'number' }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('products_org_idx').on(t.organizationId, t.id),
    index('products_org_account_idx').on(t.organizationId, t.accountId, t.id),
    index('products_org_status_idx').on(t.organizationId, t.status, t.id),
    // By subscription alone: rating locks the products of subscriptions of any organization.
    index('products_subscription_idx').on(t.subscriptionId),
  ],
);

/** Numbers allowed to send SMS through the Messages API. */
export const authorizedSenders = pgTable(
  'authorized_senders',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    msisdn: text('msisdn').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.msisdn] })],
);

/** Fixed-window request counters shared by every API process. */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').notNull(),
    windowStart: bigint('window_start', { mode: 'number' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/**
 * Orders: asynchronous changes to subscriptions. `request` holds what the client asked
 * for, `result` what fulfilment did so far; `stage` lets a retried job resume.
 */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    accountId: text('account_id').notNull(),
    /** activate_subscription, suspend_subscription, resume_subscription, change_sim_profile, terminate_subscription. */
    type: text('type').notNull(),
    /** pending, completed, failed or canceled. */
    status: text('status').notNull().default('pending'),
    stage: text('stage').notNull().default('accepted'),
    subscriptionId: text('subscription_id').references(() => subscriptions.id),
    templateId: text('template_id').references(() => orderTemplates.id),
    request: jsonb('request').notNull(),
    result: jsonb('result')
      .notNull()
      .default(sql`'{}'::jsonb`),
    failureReason: text('failure_reason'),
    correlationId: text('correlation_id'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    completedAt: at('completed_at'),
  },
  (t) => [
    // The account must be the organization's: placing an order relies on this key to check it.
    foreignKey({ name: 'orders_account_fk', columns: [t.organizationId, t.accountId], foreignColumns: [accounts.organizationId, accounts.id] }),
    index('orders_org_idx').on(t.organizationId, t.id),
    index('orders_org_status_idx').on(t.organizationId, t.status, t.id),
    index('orders_org_type_idx').on(t.organizationId, t.type, t.id),
    index('orders_org_account_idx').on(t.organizationId, t.accountId, t.id),
    // At most one pending order per subscription, even when two race.
    uniqueIndex('orders_one_pending_per_subscription')
      .on(t.organizationId, t.subscriptionId)
      .where(sql`${t.status} = 'pending' AND ${t.subscriptionId} IS NOT NULL`),
  ],
);

/** Idempotency-Key records: the first answer to a key, replayed for 24 hours. Keys are per API client. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** The client's organization. */
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    clientId: text('client_id').notNull(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    /** Always completed: a key is written with its answer, in the transaction of its change (0013 and before wrote in_progress claims). */
    state: text('state').notNull(),
    statusCode: integer('status_code'),
    body: jsonb('body'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'idempotency_keys_pkey', columns: [t.organizationId, t.clientId, t.key] })],
);

/**
 * The operator's Idempotency-Keys (/operator): the same as idempotency_keys, for the one
 * operator, who belongs to no organization. Answers may hold secrets (a new client's
 * secret), so the body is stored sealed (see auth/key-encryption.ts).
 */
export const operatorIdempotencyKeys = pgTable('operator_idempotency_keys', {
  key: text('key').primaryKey(),
  route: text('route').notNull(),
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code').notNull(),
  body: jsonb('body').notNull(),
  createdAt: createdAt(),
});

/** Mail: what was sent through SMTP, or kept here when no SMTP server is configured. */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: text('id').primaryKey(),
    /** Null for mail to operator staff (a console invitation). */
    organizationId: text('organization_id').references(() => organizations.id),
    orderId: text('order_id').references(() => orders.id),
    to: text('to').array().notNull(),
    cc: text('cc')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** [{filename, contentType, cid, base64}] */
    attachments: jsonb('attachments')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** queued, sent, outbox (no SMTP configured) or failed. */
    state: text('state').notNull().default('queued'),
    messageId: text('message_id'),
    error: text('error'),
    createdAt: createdAt(),
    sentAt: at('sent_at'),
  },
  (t) => [index('mail_messages_org_idx').on(t.organizationId, t.id), index('mail_messages_state_idx').on(t.state, t.id)],
);

/**
 * Rated usage, the biggest table: partitioned by month of started_at (the migration
 * makes it so; partitions are created as usage arrives). Lists read newest first, so
 * each filter has an index ending in (started_at, id). A record straddling the end of
 * an allowance is split into two items, `part` 0 and 1, both keyed by the network's
 * source record id.
 */
export const usageItems = pgTable(
  'usage_items',
  {
    id: text('id').notNull(),
    organizationId: text('organization_id').notNull(),
    accountId: text('account_id').notNull(),
    subscriptionId: text('subscription_id').notNull(),
    subscriberId: text('subscriber_id').notNull(),
    msisdn: text('msisdn').notNull(),
    sourceRecordId: text('source_record_id').notNull(),
    part: integer('part').notNull().default(0),
    /** voice, data or sms. */
    type: text('type').notNull(),
    /** inbound or outbound. */
    direction: text('direction').notNull(),
    technology: text('technology'),
    fromMsisdn: text('from_msisdn'),
    toMsisdn: text('to_msisdn'),
    locationCountry: text('location_country').notNull(),
    roaming: boolean('roaming').notNull(),
    isRecorded: boolean('is_recorded').notNull().default(false),
    startedAt: at('started_at').notNull(),
    endedAt: at('ended_at').notNull(),
    processedAt: at('processed_at').notNull().defaultNow(),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    /** seconds, bytes or messages. */
    unit: text('unit').notNull(),
    chargedQuantity: bigint('charged_quantity', { mode: 'number' }).notNull(),
    /** free, in_bundle or out_of_bundle. */
    costType: text('cost_type').notNull(),
    /** The product whose allowance the item consumed (in_bundle only). */
    productId: text('product_id'),
    /** What an out_of_bundle item costs at its plan's rates, in `currency`; null when unpriced. */
    amount: numeric('amount', { precision: 14, scale: 4 }),
    currency: text('currency'),
  },
  (t) => [
    // Keyed by the network's record: one index both finds re-sent records and keeps them
    // out. Item ids are ULIDs, unique without an index of their own (one fewer to keep
    // up on every insert to the biggest table).
    primaryKey({ name: 'usage_items_pkey', columns: [t.sourceRecordId, t.part, t.startedAt] }),
    index('usage_items_org_idx').on(t.organizationId, t.startedAt, t.id),
    // Accounts and subscriptions belong to one organization, so these need no
    // organization_id in front: narrower keys make every insert cheaper, and the
    // organization is checked on the rows they find. Every index here is paid for by
    // every item written (ingest's limit), so the subscriber and number filters have none
    // of their own: they find their subscriptions (a subscriber's never change; a number's
    // are in its holdings) and read each one's items through the subscription index.
    index('usage_items_account_idx').on(t.accountId, t.startedAt, t.id),
    index('usage_items_subscription_idx').on(t.subscriptionId, t.startedAt, t.id),
  ],
);

/** How current each organization's usage is: the newest processed_at of its items, kept by rating. */
export const usageFreshness = pgTable('usage_freshness', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  completeUntil: at('complete_until').notNull(),
});

/**
 * SMS sent through the Messages API. A message has one text and up to 1,000
 * recipients; each recipient gets the same parts (a long text is concatenated).
 */
export const smsMessages = pgTable(
  'sms_messages',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The sender's subscription, charged for every part sent. */
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    fromMsisdn: text('from_msisdn').notNull(),
    /** The sender's country; every recipient is in it (international SMS is not offered). */
    country: text('country').notNull(),
    text: text('text').notNull(),
    /** gsm7 or ucs2. */
    encoding: text('encoding').notNull(),
    parts: integer('parts').notNull(),
    /** The concatenation reference the parts share (0 to 255). */
    concatRef: integer('concat_ref').notNull(),
    recipientCount: integer('recipient_count').notNull(),
    correlationId: text('correlation_id'),
    createdAt: createdAt(),
    /** The attempt submitting the message now, and until when (renewed as it goes): one attempt at a time. */
    sendingLease: text('sending_lease'),
    sendingUntil: at('sending_until'),
    /** When its last recipient settled (its sms.finished event was written then). */
    finishedAt: at('finished_at'),
  },
  (t) => [index('sms_messages_org_idx').on(t.organizationId, t.id)],
);

export const smsRecipients = pgTable(
  'sms_recipients',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    messageId: text('message_id')
      .notNull()
      .references(() => smsMessages.id),
    position: integer('position').notNull(),
    toMsisdn: text('to_msisdn').notNull(),
    /**
     * queued, sent (every part accepted by the SMSC), then final: delivered, failed
     * (refused or undeliverable) or expired (not delivered within the validity period).
     */
    status: text('status').notNull().default('queued'),
    partsDelivered: integer('parts_delivered').notNull().default(0),
    reason: text('reason'),
    sentAt: at('sent_at'),
    doneAt: at('done_at'),
  },
  (t) => [primaryKey({ name: 'sms_recipients_pkey', columns: [t.organizationId, t.messageId, t.position] })],
);

/**
 * Each part the SMSC accepted, by the id it gave: delivery receipts name that id, so it
 * alone is the key (as an order's id is); the message's parts are found by organization.
 */
export const smsSubmissions = pgTable(
  'sms_submissions',
  {
    smscMessageId: text('smsc_message_id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    messageId: text('message_id').notNull(),
    position: integer('position').notNull(),
    part: integer('part').notNull(),
    /** null until its receipt (or the SMSC's answer to query_sm) arrives; then delivered, failed or expired. */
    outcome: text('outcome'),
    reason: text('reason'),
    submittedAt: at('submitted_at').notNull().defaultNow(),
    /** The end of its validity period: with no final word from the SMSC by then, it is expired. */
    expiresAt: at('expires_at').notNull(),
    /** When to ask the SMSC after it (query_sm) if its receipt has not come. */
    chaseAt: at('chase_at').notNull(),
  },
  (t) => [
    index('sms_submissions_recipient_idx').on(t.organizationId, t.messageId, t.position),
    index('sms_submissions_chase_idx')
      .on(t.chaseAt)
      .where(sql`${t.outcome} IS NULL`),
  ],
);

/**
 * Delivery receipts not yet matched to a submission. A receipt can overtake the
 * commit of its submission; it waits here until the two meet.
 */
export const smsReceipts = pgTable('sms_receipts', {
  smscMessageId: text('smsc_message_id').primaryKey(),
  /** delivered, failed or expired. */
  outcome: text('outcome').notNull(),
  error: text('error'),
  receivedAt: at('received_at').notNull().defaultNow(),
});

/**
 * Webhook deliveries: one row per message to one URL, written in the transaction of
 * the change that causes it. Its id is the Standard Webhooks `webhook-id`, the same on
 * every attempt, so a receiver can drop repeats.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    url: text('url').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').notNull(),
    /** pending (to be sent at next_attempt_at), delivered, or failed (every attempt spent). */
    status: text('status').notNull().default('pending'),
    /** Attempts made, over every series. */
    attempts: integer('attempts').notNull().default(0),
    /** `attempts` when the current series began (0, or when the operator redelivered): the retry schedule counts from here. */
    seriesStart: integer('series_start').notNull().default(0),
    /** When to try next; a dispatcher that takes the delivery moves it past its lease, so a dead one's work comes due again. */
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    /** The X-Correlation-ID of the request that caused the event, so its attempts log under it. */
    correlationId: text('correlation_id'),
    /** The organization's webhook endpoint it goes to (signed with its secrets), if any. */
    endpointId: text('endpoint_id'),
    /** The Standard Webhooks `webhook-id` when it is not the delivery's id: the event's id. */
    messageId: text('message_id'),
    createdAt: createdAt(),
    deliveredAt: at('delivered_at'),
  },
  (t) => [
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_org_idx').on(t.organizationId, t.id),
    index('webhook_deliveries_org_endpoint_idx')
      .on(t.organizationId, t.endpointId, t.id)
      .where(sql`${t.endpointId} IS NOT NULL`),
  ],
);

/** Every attempt at a delivery, kept for the operator. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id),
    attempt: integer('attempt').notNull(),
    at: at('at').notNull(),
    /** The receiver's HTTP status, or null when it never answered. */
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [primaryKey({ name: 'webhook_attempts_pkey', columns: [t.organizationId, t.deliveryId, t.attempt] })],
);

/** Each organization's webhook signing secret is derived from the installation's key and this generation. */
export const webhookSecrets = pgTable('webhook_secrets', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  generation: integer('generation').notNull().default(1),
  rotatedAt: at('rotated_at').notNull().defaultNow(),
});

/**
 * Enterprise events (a cellhub extension): each change an organization cares about,
 * written in the transaction of the change. `position` numbers an organization's events
 * in the order their transactions commit (event_positions hands them out under a row
 * lock held to commit), so a reader's cursor never has an event commit behind it.
 */
export const events = pgTable(
  'events',
  {
    id: text('id').notNull(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    position: bigint('position', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    occurredAt: at('occurred_at').notNull().defaultNow(),
    /** The object as the Enterprise API returns it, at the time of the event. */
    data: jsonb('data').notNull(),
  },
  (t) => [
    primaryKey({ name: 'events_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('events_org_position_idx').on(t.organizationId, t.position),
    index('events_org_type_position_idx').on(t.organizationId, t.type, t.position),
  ],
);

/** Each organization's last event position. */
export const eventPositions = pgTable('event_positions', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  position: bigint('position', { mode: 'number' }).notNull(),
});

/**
 * An organization's webhook endpoints for its events (a cellhub extension). Secrets are
 * stored sealed (they must sign); after a rotation the previous one also signs until
 * `previous_secret_expires_at`.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: text('id').notNull(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    url: text('url').notNull(),
    description: text('description'),
    /** The event types sent to it; empty: every type. */
    eventTypes: jsonb('event_types').$type<string[]>().notNull(),
    /** enabled or disabled. */
    status: text('status').notNull().default('enabled'),
    secret: jsonb('secret').notNull(),
    previousSecret: jsonb('previous_secret'),
    previousSecretExpiresAt: at('previous_secret_expires_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'webhook_endpoints_pkey', columns: [t.organizationId, t.id] })],
);

/**
 * The Connect product catalogue: eSIM data plans a reseller organization sells, set up
 * by the operator. Ids are opaque (as the provider's are); `plan_id` names one of the
 * reseller's catalogues.
 */
export const connectProducts = pgTable(
  'connect_products',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    planId: text('plan_id').notNull().default('default'),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    period: integer('period').notNull(),
    /** DAYS or MONTHS. */
    periodUnit: text('period_unit').notNull(),
    dataValue: integer('data_value').notNull(),
    /** MB or GB. */
    dataUnits: text('data_units').notNull(),
    footprint: text('footprint').array().notNull(),
    activeCountries: text('active_countries').array().notNull(),
    /** Price per currency: {"EUR": 10}. */
    pricing: jsonb('pricing').notNull(),
    region: text('region').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('connect_products_org_plan_idx').on(t.organizationId, t.planId, t.createdAt, t.id)],
);

/**
 * Connect end customers: the person or business an ACCOUNT_MANAGER client acts for,
 * one customer per client. `email` is the customer's key within its reseller (GET
 * /v1/customer?email=); the id is opaque, unique across resellers so that another
 * reseller's is told apart from none.
 */
export const connectCustomers = pgTable(
  'connect_customers',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    id: text('id').notNull(),
    clientId: text('client_id')
      .notNull()
      .references(() => apiClients.clientId),
    /** PERSONAL or BUSINESS. */
    type: text('type').notNull(),
    email: text('email').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    language: text('language'),
    countryOfResidence: text('country_of_residence'),
    /** As the client wrote it (the provider's pages show "0044102938120"); checked with libphonenumber. */
    phoneNumber: text('phone_number'),
    defaultCurrency: text('default_currency'),
    /** {streetAddress1, streetAddress2, city, state, postCode, country}. */
    billingAddress: jsonb('billing_address'),
    shippingAddress: jsonb('shipping_address'),
    /** BUSINESS customers only. */
    companyName: text('company_name'),
    companyNumber: text('company_number'),
    jobTitle: text('job_title'),
    verified: boolean('verified').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'connect_customers_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('connect_customers_id_uq').on(t.id),
    uniqueIndex('connect_customers_client_uq').on(t.organizationId, t.clientId),
    uniqueIndex('connect_customers_email_uq').on(t.organizationId, sql`lower(${t.email})`),
    check('connect_customers_type', sql`${t.type} IN ('PERSONAL', 'BUSINESS')`),
    check('connect_customers_personal_no_company', sql`${t.type} = 'BUSINESS' OR (${t.companyName} IS NULL AND ${t.companyNumber} IS NULL AND ${t.jobTitle} IS NULL)`),
  ],
);

/**
 * A customer's payment methods: what the payment gateway answered (its token) and what
 * the page shows, never a card number or a security code.
 */
export const connectPaymentMethods = pgTable(
  'connect_payment_methods',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    customerId: text('customer_id').notNull(),
    id: text('id').notNull(),
    /** The gateway's token, sealed with the key-encryption key (auth/key-encryption.ts): a dump alone does not reveal it. */
    token: jsonb('token').notNull(),
    name: text('name'),
    type: text('type').notNull(),
    lastDigits: text('last_digits').notNull(),
    expiryMonth: text('expiry_month').notNull(),
    expiryYear: text('expiry_year').notNull(),
    gateway: text('gateway').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'connect_payment_methods_pkey', columns: [t.organizationId, t.customerId, t.id] }),
    foreignKey({ name: 'connect_payment_methods_customer_fk', columns: [t.organizationId, t.customerId], foreignColumns: [connectCustomers.organizationId, connectCustomers.id] }),
    check('connect_payment_methods_last_digits', sql`${t.lastDigits} ~ '^[0-9]{4}$'`),
  ],
);

/** Connect orders: a new eSIM with its first subscriptions, or a top-up of an existing one. */
export const connectOrders = pgTable(
  'connect_orders',
  {
    /** A UUID, as the provider's are (also answered as externalId). */
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** NEW_ESIM or TOPUP. */
    operationType: text('operation_type').notNull(),
    /** ACCEPTED, FULFILLING, COMPLETED or FAILED. */
    status: text('status').notNull().default('ACCEPTED'),
    input: jsonb('input').notNull(),
    /** iccid (once taken), matchingId, smdpUrl, lpa_url, subscription_id. */
    output: jsonb('output')
      .notNull()
      .default(sql`'{}'::jsonb`),
    failureReason: text('failure_reason'),
    /** The end customer an ACCOUNT_MANAGER client placed it for; null for a RESELLER's. */
    customerId: text('customer_id'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('connect_orders_org_idx').on(t.organizationId, t.createdAt, t.id),
    index('connect_orders_org_status_idx').on(t.organizationId, t.status, t.createdAt, t.id),
    index('connect_orders_org_customer_idx').on(t.organizationId, t.customerId, t.createdAt, t.id),
    foreignKey({ name: 'connect_orders_customer_fk', columns: [t.organizationId, t.customerId], foreignColumns: [connectCustomers.organizationId, connectCustomers.id] }),
  ],
);

/** SIM profiles sold through Connect: the customer and device they were bought for. */
export const connectSims = pgTable(
  'connect_sims',
  {
    iccid: text('iccid')
      .primaryKey()
      .references(() => simProfiles.iccid),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    customerEmail: text('customer_email'),
    /** The end customer whose order made it (an ACCOUNT_MANAGER's); null for a RESELLER's. */
    customerId: text('customer_id'),
    deviceId: text('device_id'),
    deviceType: text('device_type'),
    createdAt: createdAt(),
  },
  (t) => [
    index('connect_sims_org_idx').on(t.organizationId, t.createdAt, t.iccid),
    index('connect_sims_org_customer_idx').on(t.organizationId, t.customerId, t.createdAt, t.iccid),
    foreignKey({ name: 'connect_sims_customer_fk', columns: [t.organizationId, t.customerId], foreignColumns: [connectCustomers.organizationId, connectCustomers.id] }),
  ],
);

/** A data plan bought for a Connect SIM, with its balance in bytes. */
export const connectSubscriptions = pgTable(
  'connect_subscriptions',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    iccid: text('iccid')
      .notNull()
      .references(() => connectSims.iccid),
    orderId: text('order_id')
      .notNull()
      .references(() => connectOrders.id),
    productId: text('product_id')
      .notNull()
      .references(() => connectProducts.id),
    /** PENDING (until its activation date), ACTIVE, DEPLETED or EXPIRED. */
    status: text('status').notNull(),
    initialBalance: bigint('initial_balance', { mode: 'number' }).notNull(),
    spentBalance: bigint('spent_balance', { mode: 'number' }).notNull().default(0),
    activationDate: at('activation_date').notNull(),
    expirationDate: at('expiration_date').notNull(),
    price: numeric('price', { precision: 12, scale: 2 }),
    currency: text('currency'),
    /** Renews at expiry: a new subscription of the same product, from this one's expiration date. */
    autoRenew: boolean('auto_renew').notNull().default(false),
    /** The subscription this one renewed, if it is a renewal (each renews once). */
    renewalOf: text('renewal_of'),
    /** When USAGE_THRESHOLD (80 %) was reached, and SUBSCRIPTION_END (depleted or expired): each fires once. */
    thresholdReachedAt: at('threshold_reached_at'),
    /** The reseller's extra USAGE_THRESHOLD levels (a cellhub extension) already told: each once. */
    thresholdLevelsReached: integer('threshold_levels_reached')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    endedAt: at('ended_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('connect_subscriptions_org_idx').on(t.organizationId, t.createdAt, t.id),
    index('connect_subscriptions_iccid_idx').on(t.iccid, t.createdAt, t.id),
    uniqueIndex('connect_subscriptions_renewal_uq').on(t.renewalOf),
  ],
);

/** A Connect reseller's settings, set by the operator; a reseller without a row has the defaults. */
export const connectResellerSettings = pgTable('connect_reseller_settings', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  /** orders.md: a TOPUP's countryCode is "configurable": off unless the operator requires it. */
  topupRequiresCountryCode: boolean('topup_requires_country_code').notNull().default(false),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/**
 * Exchange rates the operator manages: one unit of from_currency is `rate` units of
 * to_currency. Connect prices a product in a currency it has no price in through them.
 */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    fromCurrency: text('from_currency').notNull(),
    toCurrency: text('to_currency').notNull(),
    rate: numeric('rate', { precision: 20, scale: 10 }).notNull(),
    setAt: at('set_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'exchange_rates_pkey', columns: [t.fromCurrency, t.toCurrency] }),
    check('exchange_rates_positive', sql`${t.rate} > 0`),
    check('exchange_rates_two_currencies', sql`${t.fromCurrency} <> ${t.toCurrency}`),
  ],
);

/** Where a Connect SIM's notifications go, per type (USAGE_THRESHOLD, SUBSCRIPTION_END). */
export const connectNotificationPreferences = pgTable(
  'connect_notification_preferences',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    iccid: text('iccid')
      .notNull()
      .references(() => connectSims.iccid),
    type: text('type').notNull(),
    webhookUrl: text('webhook_url').notNull(),
    /** USAGE_THRESHOLD only: levels (%) told beside the documented 80 (a cellhub extension). */
    levels: integer('levels').array(),
  },
  (t) => [primaryKey({ name: 'connect_notification_preferences_pkey', columns: [t.organizationId, t.iccid, t.type] })],
);

/**
 * Usage records rated against Connect subscriptions, keyed by the network's source id
 * alone (as usage_items are) so a re-sent one is ignored, whoever it was rated to.
 */
export const connectUsageRecords = pgTable(
  'connect_usage_records',
  {
    sourceRecordId: text('source_record_id').primaryKey(),
    /** Whose SIM it was when the record started (its holding). */
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    iccid: text('iccid').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    /** What no balance in force when the record started covered (an ended balance is not reopened). */
    outOfBundleBytes: bigint('out_of_bundle_bytes', { mode: 'number' }).notNull().default(0),
    startedAt: at('started_at').notNull(),
    processedAt: at('processed_at').notNull().defaultNow(),
  },
  (t) => [index('connect_usage_records_org_idx').on(t.organizationId, t.iccid, t.startedAt)],
);

// The built-in simulators' own tables. The simulators stand in for the network (an
// SMSC, an SM-DP+), so what they accepted must outlive a restart of cellhub as a real
// network's would. They sit in cellhub's database for convenience only: the simulators
// alone read and write them, and they talk to cellhub over SMPP and ES2+ like the real
// thing. Not tenant data, so no organization_id leads them.

/** Each part the SMSC simulator accepted, and the delivery receipt it owes. */
export const smscSimMessages = pgTable(
  'smsc_sim_messages',
  {
    messageId: text('message_id').primaryKey(),
    sourceAddr: text('source_addr').notNull(),
    destinationAddr: text('destination_addr').notNull(),
    submittedAt: at('submitted_at').notNull().defaultNow(),
    /** When the message reaches its final state: delivered to the handset, or expired at the end of its validity period. */
    finalAt: at('final_at').notNull(),
    /** SMPP message_state from finalAt on (until then it is ENROUTE). */
    finalState: integer('final_state').notNull(),
    /** A receipt was asked for and not yet acknowledged. */
    receiptOwed: boolean('receipt_owed').notNull(),
    /** When to send the receipt next: finalAt, then past each attempt's wait for an acknowledgement. */
    receiptAt: at('receipt_at').notNull(),
  },
  (t) => [
    index('smsc_sim_messages_receipt_idx')
      .on(t.receiptAt)
      .where(sql`${t.receiptOwed}`),
  ],
);

/** Each profile the SM-DP+ simulator holds, and the device event it owes the operator. */
export const smdpSimProfiles = pgTable(
  'smdp_sim_profiles',
  {
    iccid: text('iccid').primaryKey(),
    /** Allocated, Confirmed, Released, Downloaded, Installed, Deleted, Available or Unavailable. */
    state: text('state').notNull(),
    matchingId: text('matching_id'),
    eid: text('eid'),
    /** The next device event to report (downloaded, installed), or null. */
    event: text('event'),
    /** When to report it: when it happens, then past each attempt that failed. */
    eventAt: at('event_at'),
  },
  (t) => [
    index('smdp_sim_profiles_event_idx')
      .on(t.eventAt)
      .where(sql`${t.event} IS NOT NULL`),
  ],
);

/**
 * Console people (issue 16): operator staff (no organization) and members of an
 * organization, who log in with an email and a password. Not API clients: a session
 * gets short-lived tokens for the APIs (console/session-tokens.ts).
 */
export const people = pgTable(
  'people',
  {
    id: text('id').primaryKey(),
    /** Null: operator staff. */
    organizationId: text('organization_id').references(() => organizations.id),
    /** Stored lowercased: one person per address. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Operator: admin or support; organization: admin or viewer. */
    role: text('role').notNull(),
    /** Organization members: the API family their console uses, enterprise or connect. */
    family: text('family'),
    /** Null until the invitation is accepted. */
    passwordHash: text('password_hash'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: at('locked_until'),
    disabledAt: at('disabled_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('people_email_uq').on(t.email), index('people_org_idx').on(t.organizationId, t.id)],
);

/** Console sessions: the cookie holds a random id, this table only its SHA-256. */
export const consoleSessions = pgTable(
  'console_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: at('expires_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('console_sessions_person_idx').on(t.personId), index('console_sessions_expires_idx').on(t.expiresAt)],
);

/** One-time invitation links: only the token's SHA-256 is kept. */
export const consoleInvitations = pgTable(
  'console_invitations',
  {
    tokenHash: text('token_hash').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('console_invitations_person_idx').on(t.personId)],
);

/**
 * Alert thresholds (a cellhub extension) on an account or one subscription: data used as
 * a share of the bundle (levels in %), out-of-bundle or roaming spend (levels in
 * `currency`). Each level fires once per period (alert_firings).
 */
export const alertThresholds = pgTable(
  'alert_thresholds',
  {
    id: text('id').notNull(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    accountId: text('account_id').notNull(),
    /** Null: the whole account. */
    subscriptionId: text('subscription_id'),
    /** data_share, out_of_bundle_spend or roaming_spend. */
    kind: text('kind').notNull(),
    levels: numeric('levels', { precision: 14, scale: 4 }).array().notNull(),
    currency: text('currency'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'alert_thresholds_pkey', columns: [t.organizationId, t.id] }),
    // Rating looks thresholds up by what a batch touched.
    index('alert_thresholds_org_subscription_idx').on(t.organizationId, t.subscriptionId),
    index('alert_thresholds_org_account_idx').on(t.organizationId, t.accountId),
  ],
);

/** A level of a threshold that fired in a period: the key keeps it from firing twice. */
export const alertFirings = pgTable(
  'alert_firings',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    thresholdId: text('threshold_id').notNull(),
    level: numeric('level', { precision: 14, scale: 4 }).notNull(),
    periodStart: at('period_start').notNull(),
    firedAt: at('fired_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'alert_firings_pkey', columns: [t.organizationId, t.thresholdId, t.level, t.periodStart] })],
);

/**
 * Out-of-bundle and roaming spend per subscription and per account, per calendar month
 * (UTC) of the usage and currency: kept by rating so an alert check adds a batch's spend
 * instead of summing a month of items.
 */
export const spendTotals = pgTable(
  'spend_totals',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** A subscription or an account id. */
    ownerId: text('owner_id').notNull(),
    periodStart: at('period_start').notNull(),
    currency: text('currency').notNull(),
    outOfBundle: numeric('out_of_bundle', { precision: 16, scale: 4 }).notNull(),
    roaming: numeric('roaming', { precision: 16, scale: 4 }).notNull(),
  },
  (t) => [primaryKey({ name: 'spend_totals_pkey', columns: [t.organizationId, t.ownerId, t.periodStart, t.currency] })],
);

/**
 * Bulk onboarding (a cellhub extension): an uploaded file of employees, each row of which
 * becomes an activation order. The counters move in the transaction that decides rows, so
 * a batch's progress is read without counting its rows.
 */
export const onboardingBatches = pgTable(
  'onboarding_batches',
  {
    id: text('id').notNull(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    accountId: text('account_id').notNull(),
    /** running, then completed once no row is pending. */
    status: text('status').notNull().default('running'),
    total: integer('total').notNull(),
    ordered: integer('ordered').notNull().default(0),
    refused: integer('refused').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    correlationId: text('correlation_id'),
    createdAt: createdAt(),
    completedAt: at('completed_at'),
  },
  (t) => [
    primaryKey({ name: 'onboarding_batches_pkey', columns: [t.organizationId, t.id] }),
    foreignKey({ name: 'onboarding_batches_account_fk', columns: [t.organizationId, t.accountId], foreignColumns: [accounts.organizationId, accounts.id] }),
  ],
);

/**
 * A batch's rows with their results: pending, ordered (with its order), refused (with the
 * reason) or skipped (the employee was already onboarded). A pending or ordered row claims
 * its employee id within the organization, so no file orders anyone twice.
 */
export const onboardingRows = pgTable(
  'onboarding_rows',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    batchId: text('batch_id').notNull(),
    /** The row's number in the file: 1 is the first after a CSV's header, or rows[0]. */
    rowNumber: integer('row_number').notNull(),
    employeeId: text('employee_id'),
    /** The row's fields as the file gave them (snake_case column names). */
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    status: text('status').notNull(),
    orderId: text('order_id'),
    reason: text('reason'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'onboarding_rows_pkey', columns: [t.organizationId, t.batchId, t.rowNumber] }),
    foreignKey({ name: 'onboarding_rows_batch_fk', columns: [t.organizationId, t.batchId], foreignColumns: [onboardingBatches.organizationId, onboardingBatches.id] }),
    uniqueIndex('onboarding_rows_employee_idx')
      .on(t.organizationId, t.employeeId)
      .where(sql`status IN ('pending', 'ordered')`),
    index('onboarding_rows_pending_idx')
      .on(t.organizationId, t.batchId, t.rowNumber)
      .where(sql`status = 'pending'`),
  ],
);
