// Operator: mediation hands over usage records from the network in batches. Each record
// is checked on its own; the answer counts what was rated, ignored as a duplicate and
// refused (with each refusal's index and reason).
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { ingestUsage, MAX_BATCH } from '../../domain/usage/ingest.service.ts';
import { activeLines } from '../../demo/usage.ts';

// Records are not checked by the schema: one bad record must not refuse the batch.
const Batch = Type.Object({
  records: Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_BATCH }),
});

const DESCRIPTION = [
  'Each record is rated to the subscription that held its `msisdn` (or, without one, its `iccid`) when it started,',
  'with the products in force then, however late it arrives (up to 400 days): a reused number\'s earlier holder,',
  'a swapped-out SIM\'s subscription and a terminated subscription get their own late usage. The answer counts',
  'what was rated, ignored as a duplicate and refused; each refusal has the record\'s `index` and a `reason`',
  'naming the field, such as `msisdn: 447700900123 was held by no subscription at 2026-11-30T10:00:00.000Z`',
  '(before its first holding, in quarantine, after a termination or a swap) or `… suspended at … (services barred)`.',
].join(' ');

export function usageRoutes(app: App, platform: Platform): void {
  app.post('/usage/records', {
    bodyLimit: 16 * 1024 * 1024,
    schema: { summary: `Ingest up to ${MAX_BATCH} usage records (duplicates by source_record_id are ignored)`, description: DESCRIPTION, body: Batch },
  }, async (request) => ingestUsage(platform.db, request.body.records, new Date(), request.id));

  app.get('/usage/lines', {
    schema: {
      summary: "The active subscriptions' primary numbers, for traffic simulators (`cellhub simulate`)",
      querystring: Type.Object({ organization_id: Type.Optional(Type.String()) }),
    },
  }, async (request) => (await activeLines(platform.db, request.query.organization_id)).map((l) => ({ msisdn: l.msisdn, home_country: l.homeCountry })));
}
