// Connect customers and their payment methods (reference/customer.md), for
// ACCOUNT_MANAGER clients only (the role matrix in index.ts refuses a RESELLER).
import { Type, type Static } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { errorResponses, Nullable, IdempotencyKeyHeader } from '../../http/schemas.ts';
import { idempotent } from '../../http/idempotency.ts';
import { connectScope, createCustomer, getCustomerByEmail, updateCustomer, type Customer, type CustomerInput } from '../../domain/customers/customers.service.ts';
import { addPaymentMethod, deletePaymentMethod, listPaymentMethods, refuseCardData, type PaymentMethod } from '../../domain/customers/payment-methods.service.ts';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
/** A field that may be left out, or sent as null to delete it (PATCH). */
const Patchable = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));

// The page's examples (reference/customer.md), with a card expiry that has not passed.
const ADDRESS_EXAMPLE = {
  streetAddress1: '25 Cobbleton Square Appartments',
  streetAddress2: 'Cupertino',
  city: 'San Jose',
  state: 'California',
  postCode: '12345',
  country: 'United States',
};
const CUSTOMER_EXAMPLE = {
  email: 'john@doe.com',
  firstName: 'John',
  lastName: 'Doe',
  countryOfResidence: 'US',
  language: 'EN',
  phoneNumber: '0044102938120',
  defaultCurrency: 'EUR',
  type: 'BUSINESS',
  companyName: 'TruExample',
  companyNumber: '123456789',
  jobTitle: 'Software Engineer',
  billingAddress: ADDRESS_EXAMPLE,
  shippingAddress: ADDRESS_EXAMPLE,
};
const CUSTOMER_ANSWER_EXAMPLE = { id: '29asdaA3801b4789asdA235=', ...CUSTOMER_EXAMPLE, verified: false };
const PAYMENT_METHOD_EXAMPLE = { token: '1238', name: 'John Doe', type: 'VISA', last_digits: '1234', expiry_month: '12', expiry_year: '2030', gateway: 'TRUPHONE' };
const WITH = (examples: unknown[]) => ({ examples });

const Address = Type.Object(
  {
    streetAddress1: Text(200),
    streetAddress2: Patchable(Type.String({ maxLength: 200 })),
    city: Text(100),
    state: Patchable(Type.String({ maxLength: 100 })),
    postCode: Patchable(Type.String({ maxLength: 20 })),
    country: Type.String({ minLength: 1, maxLength: 100, description: 'As the page writes it: a name ("Portugal") or a code' }),
  },
  { additionalProperties: false },
);

const CustomerBody = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 64, description: 'Ignored: a customer read and sent back may carry its id' })),
    email: Patchable(Type.String({ format: 'email', maxLength: 254 })),
    type: Patchable(Type.Enum(['PERSONAL', 'BUSINESS', 'BUSSINESS'], { description: "PERSONAL or BUSINESS (the page's property table also spells it BUSSINESS)" })),
    firstName: Patchable(Text(100)),
    lastName: Patchable(Text(100)),
    language: Patchable(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 639-1 ("EN")' })),
    countryOfResidence: Patchable(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 ("US")' })),
    phoneNumber: Patchable(
      Type.String({ minLength: 3, maxLength: 32, pattern: '^[0-9+()./ -]+$', description: 'International (+44… or 0044…), or national in the country of residence' }),
    ),
    defaultCurrency: Patchable(
      Type.String({ pattern: '^[A-Z]{3}$', description: "One of the currencies the reseller's products are priced in, or one an operator's exchange rate converts them to" }),
    ),
    verified: Patchable(Type.Boolean()),
    billingAddress: Patchable(Address),
    shippingAddress: Patchable(Address),
    companyName: Patchable(Text(200)),
    companyNumber: Patchable(Text(100)),
    jobTitle: Patchable(Text(100)),
  },
  { additionalProperties: false, ...WITH([CUSTOMER_EXAMPLE, { phoneNumber: '+447700900123', verified: true, companyNumber: null }]) },
);

const AddressAnswer = Type.Object({
  streetAddress1: Type.Optional(Type.String()),
  streetAddress2: Type.Optional(Type.String()),
  city: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
  postCode: Type.Optional(Type.String()),
  country: Type.Optional(Type.String()),
});

const CustomerAnswer = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    firstName: Type.String(),
    lastName: Type.String(),
    countryOfResidence: Type.Optional(Type.String()),
    language: Type.Optional(Type.String()),
    phoneNumber: Type.Optional(Type.String()),
    defaultCurrency: Type.Optional(Type.String()),
    type: Type.String(),
    companyName: Type.Optional(Type.String()),
    companyNumber: Type.Optional(Type.String()),
    jobTitle: Type.Optional(Type.String()),
    billingAddress: Type.Optional(AddressAnswer),
    shippingAddress: Type.Optional(AddressAnswer),
    verified: Type.Boolean(),
  },
  WITH([CUSTOMER_ANSWER_EXAMPLE]),
);

const PaymentMethodBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 512, description: "The payment gateway's token for the card" }),
    name: Patchable(Type.String({ maxLength: 200 })),
    type: Type.String({ minLength: 1, maxLength: 32, description: 'VISA, MASTERCARD, …' }),
    last_digits: Type.String({ pattern: '^[0-9]{4}$' }),
    expiry_month: Type.String({ pattern: '^(0?[1-9]|1[0-2])$' }),
    expiry_year: Type.String({ pattern: '^[0-9]{4}$' }),
    gateway: Type.String({ minLength: 1, maxLength: 64, description: 'CYBERSOURCE, TRUPHONE, …' }),
  },
  { additionalProperties: false, ...WITH([PAYMENT_METHOD_EXAMPLE]) },
);

const PaymentMethodAnswer = Type.Object({
  id: Type.String(),
  token: Type.String(),
  name: Type.Optional(Type.String()),
  type: Type.String(),
  last_digits: Type.String(),
  expiry_month: Type.String(),
  expiry_year: Type.String(),
  gateway: Type.String(),
});

const CustomerParams = Type.Object({ customerId: Type.String({ maxLength: 64 }) });

/** Absent fields are left out, as the page's example shows them. */
function representCustomer(c: Customer) {
  const some = <T>(v: T | null) => v ?? undefined;
  return {
    id: c.id,
    email: c.email,
    firstName: c.firstName,
    lastName: c.lastName,
    countryOfResidence: some(c.countryOfResidence),
    language: some(c.language),
    phoneNumber: some(c.phoneNumber),
    defaultCurrency: some(c.defaultCurrency),
    type: c.type,
    companyName: some(c.companyName),
    companyNumber: some(c.companyNumber),
    jobTitle: some(c.jobTitle),
    billingAddress: some(c.billingAddress as Static<typeof AddressAnswer> | null),
    shippingAddress: some(c.shippingAddress as Static<typeof AddressAnswer> | null),
    verified: c.verified,
  };
}

function representPaymentMethod(p: PaymentMethod) {
  return {
    id: p.id,
    token: p.token,
    name: p.name ?? undefined,
    type: p.type,
    last_digits: p.lastDigits,
    expiry_month: p.expiryMonth,
    expiry_year: p.expiryYear,
    gateway: p.gateway,
  };
}

const customerInput = (body: Static<typeof CustomerBody>): CustomerInput => {
  const { id: _ignored, ...input } = body;
  return input;
};

export function connectCustomerRoutes(platform: Platform) {
  const db = platform.db;
  const scopeOf = (request: FastifyRequest) => connectScope(db, principalOf(request));
  return async (app: App) => {
    app.post(
      '/v1/customer',
      {
        schema: {
          tags: ['connect customers'],
          summary: 'Create the customer this ACCOUNT_MANAGER client acts for (once per client)',
          description:
            'Creates the end customer this client acts for: PERSONAL needs `email`, `firstName` and `lastName`; BUSINESS also `companyName`. `defaultCurrency` must be one the reseller prices in (or an exchange rate converts to); `phoneNumber` is international (+44…, 0044…) or national in `countryOfResidence`. A second create answers 409 CONFLICT; a `RESELLER` client is refused (403 ACCESS_DENIED). Orders this client places afterwards belong to the customer.',
          headers: IdempotencyKeyHeader,
          body: CustomerBody,
          response: { 201: CustomerAnswer, ...errorResponses(400, 401, 403, 409, 429) },
        },
      },
      async (request, reply) => {
        const scope = await scopeOf(request);
        return idempotent(db, request, reply, async (tx) => ({ status: 201, body: representCustomer(await createCustomer(tx, scope, customerInput(request.body))) }));
      },
    );

    app.get(
      '/v1/customer',
      {
        schema: {
          tags: ['connect customers'],
          summary: "The client's customer, by email",
          description:
            "Answers the client's customer whose `email` matches (without regard to case); another client's customer is 403 ACCESS_DENIED, an unknown email 404 NOT_FOUND.",
          querystring: Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) }),
          response: { 200: CustomerAnswer, ...errorResponses(400, 401, 403, 404, 429) },
        },
      },
      async (request) => representCustomer(await getCustomerByEmail(db, await scopeOf(request), request.query.email)),
    );

    const patch = async (request: FastifyRequest, id: string, body: Static<typeof CustomerBody>) =>
      representCustomer(await updateCustomer(db, await scopeOf(request), id, customerInput(body)));

    app.patch(
      '/v1/customer/:id',
      {
        schema: {
          tags: ['connect customers'],
          summary: 'Change the customer: fields not sent keep their value, null deletes one',
          description:
            'A partial update: fields left out keep their value, a field sent as null is deleted (a required one cannot be). The same rules as at creation apply to the result; `verified` may be set here.',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          body: CustomerBody,
          response: { 200: CustomerAnswer, ...errorResponses(400, 401, 403, 404, 409, 429) },
        },
      },
      async (request) => patch(request, request.params.id, request.body),
    );

    app.patch(
      '/v1/customer',
      {
        schema: {
          tags: ['connect customers'],
          summary: "The same, with the id in the query string (as the page's examples write it)",
          description: 'The older spelling of `PATCH /v1/customer/{id}`: the id in `?id=`. Answers exactly as the newer one.',
          querystring: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          body: CustomerBody,
          response: { 200: CustomerAnswer, ...errorResponses(400, 401, 403, 404, 409, 429) },
        },
      },
      async (request) => patch(request, request.query.id, request.body),
    );

    app.get(
      '/v1/customer/:customerId/payment-method',
      {
        schema: {
          tags: ['connect customers'],
          summary: "The customer's payment methods",
          description:
            "The payment methods stored for the customer: the gateway's token and what the page shows (name, type, last digits, expiry), each with the `id` that DELETE takes.",
          params: CustomerParams,
          response: { 200: Type.Array(PaymentMethodAnswer, WITH([[{ id: 'a3jM0000001keW8IAI', ...PAYMENT_METHOD_EXAMPLE }]])), ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request) => (await listPaymentMethods(db, platform.sealing, await scopeOf(request), request.params.customerId)).map(representPaymentMethod),
    );

    app.post(
      '/v1/customer/:customerId/payment-method',
      {
        schema: {
          tags: ['connect customers'],
          summary: "Add a payment method: the gateway's token and the card's last digits and expiry; never a card number or security code",
          description:
            'Stores a payment method. A field that looks like a full card number (13 to 19 digits passing the Luhn check) or any security-code field is refused with 400 naming the field, and never stored or logged; an expired card is refused too.',
          params: CustomerParams,
          headers: IdempotencyKeyHeader,
          body: PaymentMethodBody,
          response: { 201: Type.Object({ id: Type.String() }, WITH([{ id: 'a3jM0000001keW8IAI' }])), ...errorResponses(400, 401, 403, 404, 409, 429) },
        },
        // Card data is refused before validation, so that no other message can be about it.
        preValidation: async (request) => refuseCardData(request.body),
      },
      async (request, reply) => {
        const scope = await scopeOf(request);
        return idempotent(db, request, reply, async (tx) => {
          const method = await addPaymentMethod(tx, platform.sealing, scope, request.params.customerId, request.body);
          return { status: 201, body: { id: method.id } };
        });
      },
    );

    app.delete(
      '/v1/customer/:customerId/payment-method/:id',
      {
        schema: {
          tags: ['connect customers'],
          summary: 'Remove a payment method',
          description: "Deletes one of the customer's payment methods (204); an unknown one is 404 NOT_FOUND.",
          params: Type.Object({ customerId: Type.String({ maxLength: 64 }), id: Type.String({ maxLength: 64 }) }),
          response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request, reply) => {
        await deletePaymentMethod(db, await scopeOf(request), request.params.customerId, request.params.id);
        reply.code(204);
        return null;
      },
    );
  };
}
