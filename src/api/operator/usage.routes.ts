// Operator: mediation hands over usage records from the network in batches. Each record
// is checked on its own; the answer counts what was rated, ignored as a duplicate and
// refused (with each refusal's index and reason).
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import type { FastifySchemaCompiler } from 'fastify';
import { ingestUsage, MAX_BATCH } from '../../domain/usage/ingest.service.ts';
import { DIRECTIONS, USAGE_TYPES } from '../../domain/usage/usage-record.ts';
import { validatorCompiler } from '../../http/validation.ts';
import { Nullable } from '../../http/schemas.ts';
import { activeLines } from '../../demo/usage.ts';

// What is validated: the batch's shape only. Records are checked one by one by the
// parser (parseUsageRecord), so one bad record never refuses the batch.
const Batch = Type.Object({
  records: Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_BATCH }),
});

const DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})$';

/**
 * What is documented: a record as parseUsageRecord accepts it, in JSON or as a CSV row
 * turned into strings (`cellhub usage import`): quantities and flags may be strings, text
 * is trimmed. Never used to validate (see Batch).
 */
export const UsageRecordDoc = Type.Object(
  {
    source_record_id: Type.String({
      minLength: 1,
      maxLength: 128,
      description: "Mediation's id of the record (1 to 128 characters, trimmed). A record whose id was rated before is counted as a duplicate and ignored.",
    }),
    msisdn: Type.Optional(
      Type.String({
        pattern: '^\\s*(\\+?\\d{8,15})?\\s*$',
        description:
          "The subscriber's number, E.164 digits (8 to 15, a leading + allowed). Either `msisdn` or `iccid` is required; the record goes to whoever held the number when it started.",
      }),
    ),
    iccid: Type.Optional(
      Type.String({
        pattern: '^\\s*(89\\d{17})?\\s*$',
        description: 'The SIM (19 digits from 89, Luhn check digit); used without `msisdn`, and for Connect SIMs (their data records draw on the balances).',
      }),
    ),
    type: Type.Enum(USAGE_TYPES, { description: 'voice, data or sms' }),
    direction: Type.Enum(DIRECTIONS),
    unit: Type.Optional(Type.String({ description: 'If given, must be the unit of the type: seconds (voice), bytes (data), messages (sms)' })),
    quantity: Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: '^\\d+$' })], {
      description: 'In the unit of the type: a whole number, 0 or more (digits in a string are taken too)',
    }),
    location_country: Type.String({ pattern: '^\\s*[A-Za-z]{2}\\s*$', description: 'ISO 3166 alpha-2 code of where the subscriber was (roaming when not the home country)' }),
    started_at: Type.String({ pattern: DATE_TIME, description: 'ISO 8601 date-time with an offset; at most 400 days ago and at most a day ahead' }),
    ended_at: Type.Optional(Type.Union([Type.String({ pattern: `(${DATE_TIME})|^$` }), Type.Null()], { description: 'Not before started_at; absent, null or empty: started_at' })),
    other_party: Type.Optional(Type.Union([Type.String({ pattern: '^\\s*(\\+?\\d{1,15})?\\s*$' }), Type.Null()], { description: 'The other number, up to 15 digits' })),
    technology: Type.Optional(Type.Union([Type.String({ maxLength: 16 }), Type.Null()], { description: 'e.g. 4G, 5G, VoLTE (at most 16 characters)' })),
    is_recorded: Type.Optional(Type.Union([Type.Boolean(), Type.String()], { description: 'true or "true" for a recorded call; anything else is false' })),
  },
  {
    description:
      'A usage record (CDR) from mediation. Not validated by the schema: the parser checks each record on its own, and a bad one is refused with its index and reason while the rest of the batch lands.',
  },
);

const RECORD_EXAMPLES = [
  {
    source_record_id: 'cdr-2026-11-30-000001',
    msisdn: '447700900123',
    type: 'voice',
    direction: 'outbound',
    quantity: 45,
    unit: 'seconds',
    location_country: 'GB',
    started_at: '2026-11-30T09:15:22Z',
    ended_at: '2026-11-30T09:16:07Z',
    other_party: '447700900456',
    technology: 'VoLTE',
    is_recorded: false,
  },
  {
    source_record_id: 'cdr-2026-11-30-000002',
    msisdn: '447700900123',
    type: 'data',
    direction: 'outbound',
    quantity: 52428800,
    unit: 'bytes',
    location_country: 'FR',
    started_at: '2026-11-30T10:00:00Z',
    ended_at: '2026-11-30T10:30:00Z',
    technology: '4G',
  },
  {
    source_record_id: 'cdr-2026-11-30-000003',
    iccid: '8944500102198304826',
    type: 'sms',
    direction: 'outbound',
    quantity: '1',
    location_country: 'gb',
    started_at: '2026-11-30T11:00:00+00:00',
    ended_at: '',
    is_recorded: 'false',
  },
];

const DocumentedBatch = Type.Object({ records: Type.Array(UsageRecordDoc, { minItems: 1, maxItems: MAX_BATCH }) }, { examples: [{ records: RECORD_EXAMPLES }] });

const IngestAnswer = Type.Object(
  {
    received: Type.Integer({ description: 'records in the batch' }),
    accepted: Type.Integer({ description: 'records rated now' }),
    duplicates: Type.Integer({ description: 'records rated before (same source_record_id), or repeated in the batch: ignored' }),
    rejected: Type.Integer(),
    items: Type.Integer({ description: 'usage items written (a record straddling the end of an allowance makes two)' }),
    rejections: Type.Array(Type.Object({ index: Type.Integer(), source_record_id: Nullable(Type.String()), reason: Type.String() })),
  },
  {
    examples: [
      {
        received: 3,
        accepted: 2,
        duplicates: 0,
        rejected: 1,
        items: 2,
        rejections: [{ index: 2, source_record_id: 'cdr-2026-11-30-000003', reason: 'iccid: 8944500102198304826 was held by no subscription at 2026-11-30T11:00:00.000Z' }],
      },
    ],
  },
);

/** The documented body for OpenAPI, the loose batch for validation: the parser decides per record. */
const validateBatchOnly: FastifySchemaCompiler<unknown> = (route) => validatorCompiler(route.httpPart === 'body' ? { ...route, schema: Batch } : route);

const DESCRIPTION = [
  'Each record is rated to the subscription that held its `msisdn` (or, without one, its `iccid`) when it started,',
  "with the products in force then, however late it arrives (up to 400 days): a reused number's earlier holder,",
  "a swapped-out SIM's subscription and a terminated subscription get their own late usage. The answer counts",
  "what was rated, ignored as a duplicate and refused; each refusal has the record's `index` and a `reason`",
  'naming the field, such as `msisdn: 447700900123 was held by no subscription at 2026-11-30T10:00:00.000Z`',
  '(before its first holding, in quarantine, after a termination or a swap) or `… suspended at … (services barred)`.',
].join(' ');

export function usageRoutes(app: App, platform: Platform): void {
  app.post(
    '/usage/records',
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        summary: `Ingest up to ${MAX_BATCH} usage records (duplicates by source_record_id are ignored)`,
        description: DESCRIPTION,
        body: DocumentedBatch,
        response: { 200: IngestAnswer },
      },
      validatorCompiler: validateBatchOnly,
    },
    async (request) => ingestUsage(platform.db, request.body.records as unknown[], new Date(), request.id),
  );

  app.get(
    '/usage/lines',
    {
      schema: {
        summary: "The active subscriptions' primary numbers, for traffic simulators (`cellhub simulate`)",
        description: 'The primary numbers of active subscriptions with their home country, optionally of one organization: what `cellhub simulate` makes traffic for.',
        querystring: Type.Object({ organization_id: Type.Optional(Type.String()) }),
      },
    },
    async (request) => (await activeLines(platform.db, request.query.organization_id)).map((l) => ({ msisdn: l.msisdn, home_country: l.homeCountry })),
  );
}
