// Operator: each reseller organization's Connect product catalogue, and its sandbox clock.
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { getOrganization } from '../../domain/organizations/organizations.service.ts';
import { createResellerProduct, DATA_UNITS, listResellerProducts, PERIOD_UNITS } from '../../domain/catalog/reseller-products.service.ts';
import { representProduct } from '../connect/products.routes.ts';
import { advanceClock } from '../../domain/subscriptions/sandbox-clock.ts';
import { Country, literals, OrgParams } from './params.ts';
import { created, keyed, ok } from './keyed.ts';
import { IdempotencyKeyHeader } from '../../http/schemas.ts';
import { ClockAdvanceBody, ConnectProductBody } from '../../operator/schemas.ts';

export const ProductBody = Type.Object(
  {
    plan_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The catalogue it belongs to (default: "default")' })),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    period: Type.Integer({ minimum: 1, maximum: 3650 }),
    period_unit: literals(PERIOD_UNITS),
    data: Type.Object({
      value: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
      units: Type.Optional(literals(DATA_UNITS)),
      unit: Type.Optional(Type.Enum([...DATA_UNITS], { description: 'Alias of units (the spelling of products.md)' })),
    }),
    footprint: Type.Array(Country, { minItems: 1, maxItems: 300 }),
    activeCountries: Type.Optional(Type.Array(Type.String({ pattern: '^([A-Z]{2}|ALL)$' }), { minItems: 1, maxItems: 300 })),
    pricing: Type.Record(Type.String(), Type.Number({ minimum: 0 }), { description: 'Price per ISO 4217 currency, e.g. {"EUR": 10}' }),
    region: Type.String({ minLength: 1, maxLength: 64 }),
  },
  {
    examples: [
      {
        plan_id: 'default',
        name: 'Europe 5 GB',
        description: '5 GB of data across Europe for 30 days',
        period: 30,
        period_unit: 'DAYS',
        data: { value: 5, units: 'GB' },
        footprint: ['DE', 'ES', 'FR', 'GB', 'IT', 'NL', 'PT'],
        pricing: { EUR: 14, GBP: 12 },
        region: 'europe',
      },
    ],
  },
);

export function connectProductRoutes(app: App, platform: Platform): void {
  const db = platform.db;
  const keyedRun = keyed(platform);

  app.get(
    '/organizations/:org/connect-products',
    {
      schema: {
        summary: "List a reseller's Connect products",
        description: "The reseller's Connect catalogue as the operator manages it.",
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(ConnectProductBody) }) },
      },
    },
    async (request) => {
      await getOrganization(db, request.params.org);
      return { items: (await listResellerProducts(db, request.params.org, { offset: 0, rows: 1000 })).map(representProduct) };
    },
  );

  app.post(
    '/organizations/:org/connect-products',
    {
      schema: {
        summary: "Add a product to a reseller's Connect catalogue",
        description: "Adds a data plan to the reseller's catalogue: data allowance, period, footprint, prices per currency.",
        params: OrgParams,
        headers: IdempotencyKeyHeader,
        body: ProductBody,
      },
    },
    async (request, reply) => keyedRun(request, reply, async (tx) => created(representProduct(await createResellerProduct(tx, request.params.org, request.body)))),
  );

  app.post(
    '/organizations/:org/sandbox/advance',
    {
      schema: {
        summary: "Move a reseller's time forward: its subscriptions' activation and expiry come that much closer, and what is due happens now",
        description:
          "Sandbox clock: brings the reseller's subscriptions' activation and expiry dates closer by the given days and hours, then runs what is due (activations, expiries, SUBSCRIPTION_END notifications).",
        params: OrgParams,
        headers: IdempotencyKeyHeader,
        body: Type.Object({ seconds: Type.Integer({ minimum: 1, maximum: 10 * 365 * 86_400 }) }, { examples: [{ seconds: 7 * 86_400 }] }),
        response: { 200: ClockAdvanceBody },
      },
    },
    async (request, reply) => {
      // A retry with the key does not move the clock twice.
      const answer = await keyedRun(request, reply, async (tx) => ok(await advanceClock({ db: tx, queue: platform.queue }, request.params.org, request.body.seconds)));
      platform.queue.wake(); // a keyed advance commits after it woke the workers
      return answer;
    },
  );
}
