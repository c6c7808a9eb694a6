// Operator: each Connect reseller's settings, and the exchange rates Connect prices
// products with in currencies they have no price in.
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { getConnectSettings, updateConnectSettings } from '../../domain/organizations/connect-settings.service.ts';
import { listExchangeRates, removeExchangeRate, setExchangeRate } from '../../domain/catalog/exchange-rates.ts';
import { connectSettingsJson, exchangeRateJson } from '../../operator/representations.ts';
import { OrgParams } from './params.ts';

const SETTINGS_EXAMPLE = { organization_id: 'org_01JBCG33BC2PS4J76JN685GN56', topup_requires_country_code: false, updated_at: null };
const SettingsAnswer = Type.Object(
  {
    organization_id: Type.String(),
    topup_requires_country_code: Type.Boolean({ description: 'Whether a TOPUP order must carry countryCode (orders.md: "configurable"); false by default' }),
    updated_at: Type.Union([Type.String(), Type.Null()], { description: 'When the operator last changed them; null while they are the defaults' }),
  },
  { examples: [SETTINGS_EXAMPLE] },
);

const CurrencyPair = Type.Object({
  from_currency: Type.String({ maxLength: 8, description: 'ISO 4217, e.g. EUR' }),
  to_currency: Type.String({ maxLength: 8, description: 'ISO 4217, e.g. USD' }),
});
const RateAnswer = Type.Object(
  {
    from_currency: Type.String(),
    to_currency: Type.String(),
    rate: Type.Number({ description: 'Units of to_currency one unit of from_currency is worth' }),
    set_at: Type.String(),
  },
  { examples: [{ from_currency: 'EUR', to_currency: 'USD', rate: 1.08, set_at: '2026-11-30T09:00:00.000Z' }] },
);

export function connectSettingsRoutes(app: App, platform: Platform): void {
  const db = platform.db;

  app.get(
    '/organizations/:org/connect-settings',
    {
      schema: {
        summary: "A Connect reseller's settings",
        description: 'The settings the operator keeps for a reseller: `topup_requires_country_code` (off by default: a TOPUP without `countryCode` is taken).',
        params: OrgParams,
        response: { 200: SettingsAnswer },
      },
    },
    async (request) => connectSettingsJson(await getConnectSettings(db, request.params.org)),
  );

  app.patch(
    '/organizations/:org/connect-settings',
    {
      schema: {
        summary: "Change a Connect reseller's settings",
        description:
          'Changes the settings given; the others keep their value. `topup_requires_country_code: true` makes a TOPUP order without `countryCode` a 400 naming `input.countryCode` (orders.md marks it "configurable"); a NEW_ESIM always needs it.',
        params: OrgParams,
        body: Type.Object({ topup_requires_country_code: Type.Optional(Type.Boolean()) }, { additionalProperties: false, examples: [{ topup_requires_country_code: true }] }),
        response: { 200: SettingsAnswer },
      },
    },
    async (request) => connectSettingsJson(await updateConnectSettings(db, request.params.org, { topupRequiresCountryCode: request.body.topup_requires_country_code })),
  );

  app.get(
    '/exchange-rates',
    {
      schema: {
        summary: 'The exchange rates Connect converts prices with',
        description:
          "Every rate the operator set, as `{items: [...]}`. A Connect product is shown in the currency asked for (EUR by default) at its own price in it, else at one of its prices converted by a rate (the answer's `pricing_source` says which); a rate also converts back (1 / rate) unless the reverse is set too.",
        response: { 200: Type.Object({ items: Type.Array(RateAnswer) }) },
      },
    },
    async () => ({ items: (await listExchangeRates(db)).map(exchangeRateJson) }),
  );

  app.put(
    '/exchange-rates/:from_currency/:to_currency',
    {
      schema: {
        summary: 'Set an exchange rate: one unit of {from_currency} is worth `rate` units of {to_currency}',
        description: 'Sets or replaces a rate between two ISO 4217 currencies. Products are converted with it from then on; prices already charged keep their amount.',
        params: CurrencyPair,
        body: Type.Object(
          { rate: Type.Number({ exclusiveMinimum: 0, description: 'Units of {to_currency} per unit of {from_currency} (up to 10 decimals)' }) },
          { additionalProperties: false, examples: [{ rate: 1.08 }] },
        ),
        response: { 200: RateAnswer },
      },
    },
    async (request) => exchangeRateJson(await setExchangeRate(db, request.params.from_currency, request.params.to_currency, request.body.rate)),
  );

  app.delete(
    '/exchange-rates/:from_currency/:to_currency',
    {
      schema: {
        summary: 'Remove an exchange rate',
        description: 'Removes the rate from {from_currency} to {to_currency} (204); prices no other rate reaches can no longer be shown in {to_currency}.',
        params: CurrencyPair,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await removeExchangeRate(db, request.params.from_currency, request.params.to_currency);
      reply.code(204);
      return null;
    },
  );
}
