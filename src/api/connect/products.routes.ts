// Connect products: the reseller's catalogue. Both spellings of the path are served,
// as the provider's documentation uses both.
import { readList } from '../../http/read-choice.ts';
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { errorResponses } from '../../http/schemas.ts';
import { getResellerProduct, listResellerProducts, type ConnectProduct } from '../../domain/catalog/reseller-products.service.ts';
import { PageQuery, pagingOf, sendPage } from './paging.ts';
import { invalidParams } from '../../domain/errors.ts';
import { checkCurrency, DEFAULT_CURRENCY, ExchangeRates, noPriceIn, priceIn } from '../../domain/catalog/exchange-rates.ts';

const PricingSource = Type.Union(
  [
    Type.Object({ currency: Type.String(), source: Type.Literal('catalogue') }),
    Type.Object({
      currency: Type.String(),
      source: Type.Literal('exchange_rate'),
      from_currency: Type.String({ description: "The product's own price's currency" }),
      from_amount: Type.Number({ description: "The product's own price" }),
      rate: Type.Number({ description: 'Units of currency per unit of from_currency' }),
      rate_set_at: Type.String({ description: 'When the operator set the rate' }),
      inverse: Type.Optional(Type.Literal(true, { description: 'The operator set the rate the other way round; its inverse was used' })),
    }),
  ],
  {
    description:
      "cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes.",
  },
);

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
    pricing_source: Type.Optional(PricingSource),
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
        pricing: { EUR: 12.5 },
        region: 'europe',
        plan_id: 'europe-5gb-30d',
        pricing_source: { currency: 'EUR', source: 'catalogue' },
      },
      {
        id: 'a3u3z000000PZBhAAO',
        name: 'Europe 5 GB, 30 days',
        description: '5 GB of data in 38 European countries for 30 days',
        period: 30,
        period_unit: 'DAYS',
        data: { value: 5, units: 'GB' },
        footprint: ['PT', 'ES', 'FR', 'DE', 'IT'],
        activeCountries: ['PT', 'ES', 'FR', 'DE', 'IT'],
        pricing: { GBP: 10.75 },
        region: 'europe',
        plan_id: 'europe-5gb-30d',
        pricing_source: { currency: 'GBP', source: 'exchange_rate', from_currency: 'EUR', from_amount: 12.5, rate: 0.86, rate_set_at: '2026-11-30T09:00:00Z' },
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

// products.md names the parameter `targetCurrency` (catalogue) and `currency` (details),
// its examples send `currency`: both are taken on both routes. Default EUR, as both
// tables say.
const CurrencyQuery = {
  currency: Type.Optional(
    Type.String({
      pattern: '^[A-Z]{3}$',
      description:
        "The currency the price is shown in (ISO 4217; default EUR): the product's own price in it, else one converted by an operator's exchange rate (see pricing_source). Alias targetCurrency",
    }),
  ),
  targetCurrency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'Alias of currency' })),
};

/** The currency asked for (which field named it), or the default. */
function currencyOf(query: { currency?: string; targetCurrency?: string }): { currency: string; field: string; isDefault: boolean } {
  if (query.currency !== undefined && query.targetCurrency !== undefined && query.currency !== query.targetCurrency) {
    throw invalidParams('targetCurrency: and currency name the same thing; give one');
  }
  if (query.targetCurrency !== undefined) return { currency: checkCurrency(query.targetCurrency, 'targetCurrency'), field: 'targetCurrency', isDefault: false };
  if (query.currency !== undefined) return { currency: checkCurrency(query.currency, 'currency'), field: 'currency', isDefault: false };
  return { currency: DEFAULT_CURRENCY, field: 'currency', isDefault: true };
}

/** The product priced in the currency asked for, saying where the price comes from; refused when no price reaches it. */
function inCurrency(asked: ReturnType<typeof currencyOf>, rates: ExchangeRates) {
  return (p: ConnectProduct) => {
    const product = representProduct(p);
    const price = priceIn(product.pricing, asked.currency, rates);
    if (!price) throw noPriceIn(p.id, product.pricing, asked.currency, asked.field, asked.isDefault);
    return { ...product, pricing: { [asked.currency]: price.amount }, pricing_source: price.source };
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
              "The reseller's Connect catalogue as a JSON array, paginated by `page` and `size` (`X-Next-Page`, `X-Previous-Page` headers): `id, name, description, period, period_unit, data{value, units}, footprint, activeCountries, pricing, region`. `/v1/product` is an alias of `/v1/products`. `pricing` holds the price in `currency` (or `targetCurrency`, as products.md names it; default EUR): the product's own price in it, else one of its prices converted by an operator's exchange rate; `pricing_source` (a cellhub extension) says which. A currency no price reaches is 400 naming the field and the currency.",
            querystring: Type.Object({ plan_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), ...CurrencyQuery, ...PageQuery }),
            response: { 200: Type.Array(ProductAnswer), ...errorResponses(400, 401, 403, 429) },
          },
        },
        async (request, reply) => {
          const paging = pagingOf(request.query, DEFAULT_SIZE);
          const currency = currencyOf(request.query);
          const rows = await readList(platform.reads, request, reply, (db) =>
            listResellerProducts(db, principalOf(request).organizationId, {
              planId: request.query.plan_id,
              offset: paging.offset,
              rows: paging.size + 1,
            }),
          );
          return sendPage(request, reply, platform.config.publicUrl, paging, rows, inCurrency(currency, await ExchangeRates.load(platform.db)));
        },
      );

      app.get(
        `${path}/:id`,
        {
          schema: {
            tags: ['connect products'],
            summary: "Get one of this reseller's products",
            description: "One product of the reseller's catalogue, priced in `currency` (or `targetCurrency`; default EUR) as in the list. `/v1/product/{id}` is an alias.",
            params: Type.Object({ id: Type.String({ maxLength: 128 }) }),
            querystring: Type.Object(CurrencyQuery),
            response: { 200: ProductAnswer, ...errorResponses(400, 401, 403, 404, 429) },
          },
        },
        async (request) => {
          const currency = currencyOf(request.query);
          const product = await getResellerProduct(platform.db, principalOf(request).organizationId, request.params.id);
          return inCurrency(currency, await ExchangeRates.load(platform.db))(product);
        },
      );
    }
  };
}
