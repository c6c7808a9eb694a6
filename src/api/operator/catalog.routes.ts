// Operator: business accounts, product offerings and order templates.
import { Type } from 'typebox';
import { Nullable } from '../../http/schemas.ts';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { paginate } from '../../http/cursor.ts';
import { ListQuery } from '../../http/hal.ts';
import { getOrganization } from '../../domain/organizations/organizations.service.ts';
import { createAccount, listAccounts } from '../../domain/accounts/accounts.service.ts';
import { createOffering, listOfferings } from '../../domain/catalog/offerings.service.ts';
import { newOffering } from '../../operator/offering-body.ts';
import { createTemplate, listTemplates, SERVICE_TYPES } from '../../domain/catalog/templates.service.ts';
import { idPattern } from '../../domain/ids.ts';
import { accountJson, offeringJson, templateJson } from '../../operator/representations.ts';
import { Country, literals, OrgParams } from './params.ts';
import { created, keyed } from './keyed.ts';
import { IdempotencyKeyHeader } from '../../http/schemas.ts';
import { OfferingBody, OperatorList, TemplateBody } from '../../operator/schemas.ts';

export function catalogRoutes(app: App, platform: Platform): void {
  const db = platform.db;
  const keyedRun = keyed(platform);

  app.get(
    '/organizations/:org/accounts',
    {
      schema: { summary: 'List accounts', description: "The organization's business accounts.", params: OrgParams, querystring: Type.Object(ListQuery) },
    },
    async (request) => {
      await getOrganization(db, request.params.org);
      const page = await paginate(request.query, {}, (after, rows) => listAccounts(db, request.params.org, after, rows));
      return { items: page.items.map(accountJson), next_cursor: page.next ?? null };
    },
  );

  app.post(
    '/organizations/:org/accounts',
    {
      schema: {
        summary: 'Create a business account',
        description: 'Creates a business account (`acc_`) for the organization.',
        params: OrgParams,
        headers: IdempotencyKeyHeader,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            country: Country,
            reference_code: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          },
          { examples: [{ name: 'Acme Logistics UK', country: 'GB', reference_code: 'ACME-UK-001' }] },
        ),
      },
    },
    async (request, reply) =>
      keyedRun(request, reply, async (tx) => {
        const { name, country, reference_code: referenceCode } = request.body;
        return created(accountJson(await createAccount(tx, request.params.org, { name, country, referenceCode })));
      }),
  );

  const Allowance = Type.Optional(Nullable(Type.Integer({ minimum: 0 })));
  const Rate = Type.String({ pattern: '^\\d{1,8}(\\.\\d{1,4})?$', description: 'A decimal amount, at most 4 decimals' });

  app.get(
    '/organizations/:org/offerings',
    {
      schema: {
        summary: 'List product offerings',
        description: "The organization's product offerings (plans and add-ons) with their allowances and rating terms.",
        params: OrgParams,
        querystring: Type.Object(ListQuery),
        response: { 200: OperatorList(OfferingBody) },
      },
    },
    async (request) => {
      await getOrganization(db, request.params.org);
      const page = await paginate(request.query, {}, (after, rows) => listOfferings(db, request.params.org, after, rows));
      return { items: page.items.map(offeringJson), next_cursor: page.next ?? null };
    },
  );

  app.post(
    '/organizations/:org/offerings',
    {
      schema: {
        summary: 'Create a product offering (plan or add-on)',
        description: 'Creates a plan or add-on: allowances per usage type and how usage is rated (free, in bundle, out of bundle, voice increments).',
        params: OrgParams,
        headers: IdempotencyKeyHeader,
        body: Type.Object(
          {
            type: literals(['plan', 'add_on']),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            data_bytes: Allowance,
            voice_seconds: Allowance,
            sms_count: Allowance,
            validity_days: Type.Integer({ minimum: 1, maximum: 3650 }),
            price: Type.String({ pattern: '^\\d{1,10}(\\.\\d{1,2})?$' }),
            currency: Type.String({ pattern: '^[A-Z]{3}$' }),
            footprint: Type.Optional(Type.Array(Country)),
            voice_increment_seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600 })),
            data_increment_bytes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1024 * 1024 * 1024 })),
            out_of_bundle_rates: Type.Optional(
              Type.Object(
                {
                  per_mb: Type.Optional(Nullable(Rate)),
                  per_minute: Type.Optional(Nullable(Rate)),
                  per_sms: Type.Optional(Nullable(Rate)),
                  roaming_multiplier: Type.Optional(Rate),
                },
                {
                  additionalProperties: false,
                  description:
                    'A plan’s prices of usage beyond its allowances, in `currency` (cellhub extension): per MB (1,048,576 bytes), per minute, per message; abroad times `roaming_multiplier` (default 1). Unset or null: not priced.',
                },
              ),
            ),
          },
          {
            examples: [
              {
                type: 'plan',
                name: 'UK Unlimited 20 GB',
                description: 'Unlimited UK calls and texts, 20 GB of data a month',
                data_bytes: 21474836480,
                voice_seconds: null,
                sms_count: null,
                validity_days: 30,
                price: '25.00',
                currency: 'GBP',
                footprint: ['GB'],
                voice_increment_seconds: 60,
                out_of_bundle_rates: { per_mb: '0.0100', per_minute: '0.0500', per_sms: '0.0800', roaming_multiplier: '3' },
              },
            ],
          },
        ),
      },
    },
    async (request, reply) => keyedRun(request, reply, async (tx) => created(offeringJson(await createOffering(tx, request.params.org, newOffering(request.body))))),
  );

  app.get(
    '/organizations/:org/order-templates',
    {
      schema: {
        summary: 'List order templates',
        description: "The organization's order templates.",
        params: OrgParams,
        querystring: Type.Object(ListQuery),
        response: { 200: OperatorList(TemplateBody) },
      },
    },
    async (request) => {
      await getOrganization(db, request.params.org);
      const page = await paginate(request.query, {}, (after, rows) => listTemplates(db, request.params.org, after, rows));
      return { items: page.items.map(templateJson), next_cursor: page.next ?? null };
    },
  );

  app.post(
    '/organizations/:org/order-templates',
    {
      schema: {
        summary: 'Create an order template',
        description: 'Creates an order template: an account, offerings and the number pool of new subscriptions.',
        params: OrgParams,
        headers: IdempotencyKeyHeader,
        body: Type.Object(
          {
            description: Type.String({ minLength: 1, maxLength: 500 }),
            offering_ids: Type.Array(Type.String({ pattern: idPattern('productOffering') }), { minItems: 1, maxItems: 20 }),
            number_pool_id: Type.Optional(Type.String({ pattern: idPattern('numberPool') })),
            services: Type.Optional(Type.Array(literals(SERVICE_TYPES))),
          },
          {
            examples: [
              {
                description: 'UK employee: unlimited calls and texts, 20 GB',
                offering_ids: ['prodoff_01J00000000000000000000001'],
                number_pool_id: 'pool_01J00000000000000000000005',
                services: ['voice', 'sms', 'data'],
              },
            ],
          },
        ),
      },
    },
    async (request, reply) =>
      keyedRun(request, reply, async (tx) => {
        const b = request.body;
        const template = await createTemplate(tx, request.params.org, {
          description: b.description,
          offeringIds: b.offering_ids,
          numberPoolId: b.number_pool_id,
          services: b.services,
        });
        return created(templateJson(template));
      }),
  );
}
