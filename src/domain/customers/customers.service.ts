// Connect end customers (reference/customer.md): the person or business an
// ACCOUNT_MANAGER client acts for. A client creates its customer once and manages its
// profile; the orders it places, and the SIMs and subscriptions they make, are that
// customer's alone. A RESELLER client acts outside any customer and sees all of its
// organization's orders, SIMs and subscriptions.
//
// Every rule of the page is checked here naming the field: PERSONAL or BUSINESS (and the
// misspelling BUSSINESS of the page's property table), the three fields a BUSINESS
// customer needs and a PERSONAL one has none of, a country of residence that exists, a
// phone number that can be one, a default currency among those the reseller sells in.
import { randomBytes } from 'node:crypto';
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Executor } from '../../db/database.ts';
import { accessDenied, conflict, invalidParams, notFound } from '../errors.ts';
import type { Principal } from '../../auth/clients.service.ts';
import {
  findCustomerByEmail,
  findCustomerById,
  findCustomerIdOfClient,
  insertCustomer,
  lockCustomer,
  resellerCurrencies,
  selectCustomers,
  updateCustomer as updateCustomerRow,
  type Customer,
  type CustomerRow,
} from './customers.store.ts';

export type { Customer } from './customers.store.ts';

export const CUSTOMER_TYPES = ['PERSONAL', 'BUSINESS'] as const;
/** The page's property table spells it BUSSINESS; its rules and examples, BUSINESS (canonical). */
const TYPE_ALIASES: Record<string, string> = { BUSSINESS: 'BUSINESS' };
const BUSINESS_FIELDS = ['companyName', 'companyNumber', 'jobTitle'] as const;
const REQUIRED_FIELDS = ['email', 'type', 'firstName', 'lastName'] as const;
const ADDRESS_FIELDS = ['streetAddress1', 'streetAddress2', 'city', 'state', 'postCode', 'country'] as const;

export type Address = Partial<Record<(typeof ADDRESS_FIELDS)[number], string | null>>;

/** A customer as the client writes it: every field optional, null deletes one (PATCH). */
export interface CustomerInput {
  email?: string | null;
  type?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  language?: string | null;
  countryOfResidence?: string | null;
  phoneNumber?: string | null;
  defaultCurrency?: string | null;
  verified?: boolean | null;
  billingAddress?: Address | null;
  shippingAddress?: Address | null;
  companyName?: string | null;
  companyNumber?: string | null;
  jobTitle?: string | null;
}

/**
 * Whose Connect resources a request may see: the whole organization's (a RESELLER:
 * customerId undefined), or one customer's (an ACCOUNT_MANAGER: its customer's id, or
 * null before it has created one, when it sees none).
 */
export interface ConnectScope {
  organizationId: string;
  clientId: string;
  customerId?: string | null;
}

export async function connectScope(db: Executor, principal: Principal): Promise<ConnectScope> {
  const base = { organizationId: principal.organizationId, clientId: principal.clientId };
  if (principal.role !== 'ACCOUNT_MANAGER') return base;
  return { ...base, customerId: (await findCustomerIdOfClient(db, principal.organizationId, principal.clientId)) ?? null };
}

/** Ids like the provider's ("KS27CmTTmaoh7e318ek0CA=="): 16 random bytes, URL-safe base64 with its padding. */
const customerId = () => randomBytes(16).toString('base64url') + '==';

function address(value: Address | null | undefined): Address | null | undefined {
  if (value === undefined || value === null) return value;
  return Object.fromEntries(ADDRESS_FIELDS.filter((f) => value[f] !== undefined && value[f] !== null).map((f) => [f, value[f]]));
}

/** "0044…" is "+44…"; a number without a country code is read in the country of residence. */
function checkPhone(phone: string, country: string | null | undefined): void {
  const international = phone.trim().replace(/^00/, '+');
  const region = country && isSupportedCountry(country.toUpperCase()) ? (country.toUpperCase() as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(international, region);
  if (!parsed || !parsed.isPossible()) {
    throw invalidParams(
      `phoneNumber: is not a possible phone number${region || international.startsWith('+') ? '' : ' (without a countryOfResidence, write it with its country code: +44… or 0044…)'}`,
    );
  }
}

/**
 * The customer after applying `input` to `current` (nothing for a new one), checked.
 * Fields not sent keep their value; null deletes one; a customer that becomes PERSONAL
 * loses its business fields.
 */
async function merged(db: Executor, organizationId: string, current: Customer | undefined, input: CustomerInput): Promise<Omit<CustomerRow, 'organizationId' | 'id' | 'clientId'>> {
  const creating = current === undefined;
  for (const field of REQUIRED_FIELDS) {
    if (input[field] === null || (creating && input[field] === undefined)) {
      throw invalidParams(`${field}: is required${input[field] === null ? ' and cannot be deleted' : ''}`);
    }
  }
  const rawType = input.type ?? current!.type;
  const type = TYPE_ALIASES[rawType] ?? rawType;
  if (!(CUSTOMER_TYPES as readonly string[]).includes(type)) throw invalidParams(`type: must be one of ${CUSTOMER_TYPES.join(', ')}`);
  if (type === 'PERSONAL') {
    const sent = BUSINESS_FIELDS.find((f) => input[f] !== undefined && input[f] !== null);
    if (sent) throw invalidParams(`${sent}: only a BUSINESS customer has one`);
  }
  const pick = <K extends keyof CustomerInput & keyof Customer>(field: K) => (input[field] === undefined ? (current?.[field] ?? null) : input[field]) as Customer[K] | null;
  const business = type === 'BUSINESS';
  const next = {
    type,
    email: pick('email')!.trim(),
    firstName: pick('firstName')!,
    lastName: pick('lastName')!,
    language: pick('language'),
    countryOfResidence: pick('countryOfResidence')?.toUpperCase() ?? null,
    phoneNumber: pick('phoneNumber'),
    defaultCurrency: pick('defaultCurrency'),
    billingAddress: input.billingAddress === undefined ? (current?.billingAddress ?? null) : address(input.billingAddress),
    shippingAddress: input.shippingAddress === undefined ? (current?.shippingAddress ?? null) : address(input.shippingAddress),
    companyName: business ? pick('companyName') : null,
    companyNumber: business ? pick('companyNumber') : null,
    jobTitle: business ? pick('jobTitle') : null,
    verified: input.verified === undefined ? (current?.verified ?? false) : (input.verified ?? false),
  };
  if (business) {
    const missing = BUSINESS_FIELDS.find((f) => !next[f]);
    if (missing) throw invalidParams(`${missing}: is required for a BUSINESS customer`);
  }
  if (input.countryOfResidence && !isSupportedCountry(next.countryOfResidence!)) {
    throw invalidParams(`countryOfResidence: ${input.countryOfResidence} is not an ISO 3166-1 alpha-2 country code`);
  }
  if (next.phoneNumber && (input.phoneNumber || input.countryOfResidence)) checkPhone(next.phoneNumber, next.countryOfResidence);
  if (input.defaultCurrency) {
    const currencies = await resellerCurrencies(db, organizationId);
    if (!currencies.includes(input.defaultCurrency)) {
      throw invalidParams(`defaultCurrency: ${input.defaultCurrency} is not a currency this reseller sells in (${currencies.join(', ') || 'none yet'})`);
    }
  }
  if (input.email) {
    const holder = await findCustomerByEmail(db, organizationId, next.email);
    if (holder && holder.id !== current?.id) throw conflict('email: is already in use by another customer');
  }
  return next;
}

/** An ACCOUNT_MANAGER client creates the customer it acts for, once. */
export async function createCustomer(db: Executor, scope: ConnectScope, input: CustomerInput): Promise<Customer> {
  return db.transaction(async (tx) => {
    const existing = await findCustomerIdOfClient(tx, scope.organizationId, scope.clientId);
    if (existing) throw conflict(`this client acts for customer ${existing} already; change it with PATCH /v1/customer/${existing}`);
    const row = await merged(tx, scope.organizationId, undefined, input);
    return insertCustomer(tx, { ...row, organizationId: scope.organizationId, id: customerId(), clientId: scope.clientId });
  });
}

function ownedBy(scope: ConnectScope, customer: Customer | undefined, id: string): Customer {
  if (!customer) throw notFound(`customer ${id}`);
  if (customer.organizationId !== scope.organizationId) throw accessDenied(`customer ${id} belongs to another client`);
  if (customer.clientId !== scope.clientId) throw accessDenied(`customer ${id} is another client's customer`);
  return customer;
}

/** The client's own customer by id: another client's (of this reseller or another) is ACCESS_DENIED. */
export async function getCustomer(db: Executor, scope: ConnectScope, id: string): Promise<Customer> {
  return ownedBy(scope, await findCustomerById(db, id), id);
}

/** By email, within the client's reseller: another client's customer is ACCESS_DENIED, an unknown email NOT_FOUND. */
export async function getCustomerByEmail(db: Executor, scope: ConnectScope, email: string): Promise<Customer> {
  const customer = await findCustomerByEmail(db, scope.organizationId, email);
  if (!customer) throw notFound(`customer with email ${email}`);
  return ownedBy(scope, customer, customer.id);
}

/** Locks the client's own customer for a change (its profile, its payment methods). */
export async function lockOwnCustomer(tx: Executor, scope: ConnectScope, id: string): Promise<Customer> {
  const customer = ownedBy(scope, await findCustomerById(tx, id), id);
  return (await lockCustomer(tx, customer.organizationId, id))!;
}

/** A partial update: fields not sent keep their value, null deletes one. */
export async function updateCustomer(db: Executor, scope: ConnectScope, id: string, input: CustomerInput): Promise<Customer> {
  return db.transaction(async (tx) => {
    const current = await lockOwnCustomer(tx, scope, id);
    return updateCustomerRow(tx, scope.organizationId, id, await merged(tx, scope.organizationId, current, input));
  });
}

/** The operator's view: a reseller's customers and the clients that act for them. */
export const listCustomers = selectCustomers;
