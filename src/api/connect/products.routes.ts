// Connect products: the reseller's catalogue. Both spellings of the path are served,
// as the provider's documentation uses both.
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { errorResponses } from '../../http/schemas.ts';
import { getResellerProduct, listResellerProducts, type ConnectProduct } from '../../domain/catalog/reseller-products.service.ts';
import { PageQuery, pagingOf, sendPage } from './paging.ts';
import { invalidParams } from '../../domain/errors.ts';

export const ProductAnswer = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    period: Type.Integer(),
    period_unit: Type.String(),
    data: Type.Object({ value: Type.Integer(), units: Type.String() }),
    footprint: Type.Array(Type.String()),
    activeCountries: Type.Array(Type.String()),
    pricing: Type.Record(Type.String(), Type.Number()),
    region: Type.String(),
    plan_id: Type.String(),
  },
  {
    examples: [
      {
        id: 'a3u3z000000PZBhAAO',
        name: 'Europe 5 GB, 30 days',
        description: '5 GB of data in 38 European countries for 30 days',
        period: 30,
        period_unit: 'DAYS',
        data: { value: 5, units: 'GB' },
        footprint: ['PT', 'ES', 'FR', 'DE', 'IT'],
        activeCountries: ['PT', 'ES', 'FR', 'DE', 'IT'],
        pricing: { EUR: 12.5, USD: 13.9 },
        region: 'europe',
        plan_id: 'europe-5gb-30d',
      },
    ],
  },
);

export function representProduct(p: ConnectProduct) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    period: p.period,
    period_unit: p.periodUnit,
    data: { value: p.dataValue, units: p.dataUnits },
    footprint: p.footprint,
    activeCountries: p.activeCountries,
    pricing: p.pricing as Record<string, number>,
    region: p.region,
    plan_id: p.planId,
  };
}

const DEFAULT_SIZE = 40;

// products.md names the parameter `targetCurrency` and its examples send `currency`: both
// are taken. Without either, every price is shown (the page's default, EUR, among them).
const CurrencyQuery = {
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'Shows the price in this currency only (alias targetCurrency)' })),
  targetCurrency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'Alias of currency' })),
};

function currencyOf(query: { currency?: string; targetCurrency?: string }): string | undefined {
  if (query.currency !== undefined && query.targetCurrency !== undefined && query.currency !== query.targetCurrency) {
    throw invalidParams('targetCurrency: and currency name the same thing; give one');
  }
  return query.targetCurrency ?? query.currency;
}

/** The product, its pricing narrowed to `currency` when one is asked for (empty if it has no price in it). */
function inCurrency(currency: string | undefined) {
  return (p: ConnectProduct) => {
    const product = representProduct(p);
    if (currency === undefined) return product;
    return { ...product, pricing: currency in product.pricing ? { [currency]: product.pricing[currency] } : {} };
  };
}

export function productRoutes(platform: Platform) {
  return async (app: App) => {
    for (const path of ['/v1/products', '/v1/product']) {
      app.get(
        path,
        {
          schema: {
            tags: ['connect products'],
            summary: 'List the products this reseller sells',
            description:
              "The reseller's Connect catalogue as a JSON array, paginated by `page` and `size` (`X-Next-Page`, `X-Previous-Page` headers): `id, name, description, period, period_unit, data{value, units}, footprint, activeCountries, pricing, region`. `/v1/product` is an alias of `/v1/products`. `currency` (or `targetCurrency`, as products.md names it) narrows `pricing` to that currency.",
            querystring: Type.Object({ plan_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), ...CurrencyQuery, ...PageQuery }),
            response: { 200: Type.Array(ProductAnswer), ...errorResponses(400, 401, 403, 429) },
          },
        },
        async (request, reply) => {
          const paging = pagingOf(request.query, DEFAULT_SIZE);
          const currency = currencyOf(request.query);
          const rows = await listResellerProducts(platform.db, principalOf(request).organizationId, {
            planId: request.query.plan_id,
            offset: paging.offset,
            rows: paging.size + 1,
          });
          return sendPage(request, reply, platform.config.publicUrl, paging, rows, inCurrency(currency));
        },
      );

      app.get(
        `${path}/:id`,
        {
          schema: {
            tags: ['connect products'],
            summary: "Get one of this reseller's products",
            description: "One product of the reseller's catalogue. `/v1/product/{id}` is an alias.",
            params: Type.Object({ id: Type.String({ maxLength: 128 }) }),
            querystring: Type.Object(CurrencyQuery),
            response: { 200: ProductAnswer, ...errorResponses(400, 401, 403, 404, 429) },
          },
        },
        async (request) => {
          const currency = currencyOf(request.query);
          return inCurrency(currency)(await getResellerProduct(platform.db, principalOf(request).organizationId, request.params.id));
        },
      );
    }
  };
}
