// Subscriptions with their parts in one statement: the account, subscriber and SIM
// profile are joined; phone numbers and services are aggregated per row only when
// asked for. A page of 100 fully embedded subscriptions is still one query.
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { accounts, phoneNumbers, services, simProfiles, subscribers, subscriptions } from '../../db/schema.ts';

export type SubscriptionRow = typeof subscriptions.$inferSelect;

export interface PhoneNumberPart {
  msisdn: string;
  is_primary: boolean;
  country: string;
}

export interface ServicePart {
  type: string;
  enabled: boolean;
}

export interface SubscriptionParts {
  phoneNumbers?: boolean;
  services?: boolean;
}

export interface SubscriptionFilter {
  id?: string;
  status?: string;
  after?: string;
  rows: number;
}

const phoneNumbersOf = sql<PhoneNumberPart[]>`(
  SELECT coalesce(json_agg(json_build_object('msisdn', pn.msisdn, 'is_primary', pn.is_primary, 'country', pn.country)
                           ORDER BY pn.is_primary DESC, pn.msisdn), '[]'::json)
  FROM ${phoneNumbers} pn
  WHERE pn.organization_id = ${subscriptions.organizationId} AND pn.subscription_id = ${subscriptions.id})`;

const servicesOf = sql<ServicePart[]>`(
  SELECT coalesce(json_agg(json_build_object('type', sv.type, 'enabled', sv.enabled) ORDER BY sv.type), '[]'::json)
  FROM ${services} sv
  WHERE sv.organization_id = ${subscriptions.organizationId} AND sv.subscription_id = ${subscriptions.id})`;

const none = sql<null>`NULL`;

/**
 * The select for one shape of request (by id or a page; which filters; which parts),
 * with placeholders for the values. Its text is built once per shape and sent by name,
 * so PostgreSQL plans it once per connection: building and planning cost more than
 * running it.
 */
function buildSelect(db: Executor, shape: string) {
  const has = (flag: string) => shape.includes(flag);
  const conditions: (SQL | undefined)[] = [
    eq(subscriptions.organizationId, sql.placeholder('organizationId')),
    has('id') ? eq(subscriptions.id, sql.placeholder('id')) : undefined,
    has('status') ? eq(subscriptions.status, sql.placeholder('status')) : undefined,
    has('after') ? lt(subscriptions.id, sql.placeholder('after')) : undefined,
  ];
  return db
    .select({
      subscription: subscriptions,
      account: accounts,
      subscriber: subscribers,
      sim: simProfiles,
      phoneNumbers: has('numbers') ? phoneNumbersOf : none,
      services: has('services') ? servicesOf : none,
    })
    .from(subscriptions)
    .innerJoin(accounts, eq(accounts.id, subscriptions.accountId))
    .innerJoin(subscribers, eq(subscribers.id, subscriptions.subscriberId))
    .leftJoin(simProfiles, eq(simProfiles.iccid, subscriptions.iccid))
    .where(and(...conditions))
    .orderBy(desc(subscriptions.id))
    .limit(sql.placeholder('rows'));
}

type Select = ReturnType<typeof buildSelect>;
type Prepared = ReturnType<Select['prepare']>;

/** A shape's statement as drizzle prepares it: its text, and how its rows map to nested objects. */
interface Shape {
  name: string;
  query: { sql: string; params: unknown[] };
  fields: unknown;
  joinsNotNullableMap: unknown;
}

const shapes = new Map<string, Shape>();

function shapeOf(db: Executor, key: string): Shape {
  let shape = shapes.get(key);
  if (shape) return shape;
  const name = `subscriptions_${key.replaceAll(' ', '_') || 'all'}`;
  const prepared = buildSelect(db, key).prepare(name) as Prepared & { fields: unknown; joinsNotNullableMap: unknown };
  shape = { name, query: prepared.getQuery(), fields: prepared.fields, joinsNotNullableMap: prepared.joinsNotNullableMap };
  shapes.set(key, shape);
  return shape;
}

/**
 * Subscriptions with their account, subscriber and SIM profile, and the parts asked
 * for. The shape's statement is bound to `db` on each call (cheap): building it anew
 * for every transaction cost about a millisecond an order.
 */
export async function selectSubscriptions(db: Executor, organizationId: string, filter: SubscriptionFilter, parts: SubscriptionParts = {}) {
  const key = [filter.id && 'id', filter.status && 'status', filter.after && 'after', parts.phoneNumbers && 'numbers', parts.services && 'services'].filter(Boolean).join(' ');
  const shape = shapeOf(db, key);
  const session = db._.session as unknown as { prepareQuery: (...args: unknown[]) => Prepared & { joinsNotNullableMap: unknown } };
  const query = session.prepareQuery(shape.query, shape.fields, shape.name, true);
  query.joinsNotNullableMap = shape.joinsNotNullableMap;
  return query.execute({ organizationId, ...filter });
}

export type SubscriptionView = Awaited<ReturnType<typeof selectSubscriptions>>[number];

/** The subscription that holds (or last held) the ICCID. */
export async function subscriptionIdOfIccid(db: Executor, organizationId: string, iccid: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.iccid, iccid)))
    .orderBy(desc(subscriptions.id))
    .limit(1);
  return row?.id;
}
