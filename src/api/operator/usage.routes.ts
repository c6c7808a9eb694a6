// Operator: mediation hands over usage records from the network in batches. Each record
// is checked on its own; the answer counts what was rated, ignored as a duplicate and
// refused (with each refusal's index and reason).
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { ingestUsage, MAX_BATCH } from '../../domain/usage/ingest.service.ts';

// Records are not checked by the schema: one bad record must not refuse the batch.
const Batch = Type.Object({
  records: Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_BATCH }),
});

export function usageRoutes(app: App, platform: Platform): void {
  app.post('/usage/records', {
    bodyLimit: 16 * 1024 * 1024,
    schema: { summary: `Ingest up to ${MAX_BATCH} usage records (duplicates by source_record_id are ignored)`, body: Batch },
  }, async (request) => ingestUsage(platform.db, request.body.records));
}
