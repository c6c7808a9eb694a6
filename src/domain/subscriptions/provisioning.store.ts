// A new subscription with all its parts in one statement: its subscriber (the
// organization's one with that email, created when new), the subscription row, its SIM
// profile pointed at it, its first number taken from the pool (primary), its services
// and its products, and its holdings of the number and the SIM. Every activation runs this, so it is one round trip rather than
// seven. When the pool has no number left, nothing is written (the answer is empty).
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { columnsOf, statement } from '../../db/statement.ts';
import { holdings, phoneNumbers, products, services, simProfiles, subscribers, subscriptions } from '../../db/schema.ts';
import type { PreparedProfile } from '../../network/smdp/smdp.ts';

export interface NewSubscription {
  id: string;
  organizationId: string;
  accountId: string;
  /** Used when the organization has no subscriber with this email yet. */
  subscriber: { id: string; firstName: string; lastName: string; email: string; employeeId: string | null; group: string | null };
  iccid: string;
  /** The eSIM profile the SM-DP+ prepared for the ICCID: the SIM becomes released. */
  profile?: PreparedProfile;
  poolId: string;
  services: string[];
  products: { id: string; offeringId: string; terminatesAt: Date }[];
  at: Date;
}

/** What insertNewSubscription wrote: the primary number and the subscriber. */
export interface InsertedSubscription {
  msisdn: string;
  country: string;
  subscriberId: string;
}

const p = sql.placeholder;

/** The placeholders' values for subscriptionCtes. */
export function subscriptionValues(s: NewSubscription): Record<string, unknown> {
  return {
    subscriptionId: s.id,
    organizationId: s.organizationId,
    accountId: s.accountId,
    subscriberId: s.subscriber.id,
    firstName: s.subscriber.firstName,
    lastName: s.subscriber.lastName,
    email: s.subscriber.email,
    employeeId: s.subscriber.employeeId,
    group: s.subscriber.group,
    iccid: s.iccid,
    matchingId: s.profile?.matchingId ?? null,
    smdpAddress: s.profile?.smdpAddress ?? null,
    poolId: s.poolId,
    services: s.services,
    productIds: s.products.map((x) => x.id),
    offeringIds: s.products.map((x) => x.offeringId),
    terminatesAt: s.products.map((x) => x.terminatesAt.toISOString()),
    at: s.at.toISOString(),
  };
}

/**
 * The CTEs that write a new subscription (values from subscriptionValues), for a
 * statement of one's own: `picked` (the number), `subscriber` and `subscription` (the row
 * as written, its columns named as drizzle's keys) can be read after them. Nothing is written unless `gate` holds and a number is free.
 */
export function subscriptionCtes(gate: SQL = sql`TRUE`): SQL {
  // Each step reads the one before it, so an empty `picked` leaves every one empty.
  return sql`
    picked AS (
      SELECT msisdn, country FROM ${phoneNumbers}
      WHERE pool_id = ${p('poolId')} AND state = 'available' AND ${gate}
      ORDER BY msisdn LIMIT 1 FOR UPDATE SKIP LOCKED
    ), subscriber AS (
      -- The no-op update makes the existing row answer too, even one another order has just committed.
      INSERT INTO ${subscribers} (id, organization_id, first_name, last_name, email, employee_id, "group", created_at)
      SELECT ${p('subscriberId')}, ${p('organizationId')}, ${p('firstName')}, ${p('lastName')}, ${p('email')}, ${p('employeeId')}, ${p('group')}, ${p('at')}::timestamptz
      FROM picked
      ON CONFLICT (organization_id, lower(email)) DO UPDATE SET email = ${subscribers}.email
      RETURNING id
    ), subscription AS (
      INSERT INTO ${subscriptions} (id, organization_id, account_id, subscriber_id, iccid, status, created_at)
      SELECT ${p('subscriptionId')}, ${p('organizationId')}, ${p('accountId')}, subscriber.id, ${p('iccid')}, 'active', ${p('at')}::timestamptz
      FROM subscriber
      RETURNING ${columnsOf(subscriptions)}
    ), sim AS (
      UPDATE ${simProfiles}
      SET subscription_id = subscription.id, updated_at = now(),
          matching_id = coalesce(${p('matchingId')}::text, matching_id),
          smdp_address = coalesce(${p('smdpAddress')}::text, smdp_address),
          state = CASE WHEN ${p('matchingId')}::text IS NULL THEN state ELSE 'released' END
      FROM subscription
      WHERE ${simProfiles}.iccid = ${p('iccid')}
    ), service_rows AS (
      INSERT INTO ${services} (organization_id, subscription_id, type, enabled)
      SELECT ${p('organizationId')}, subscription.id, type, true
      FROM subscription, unnest(${p('services')}::text[]) AS type
    ), product_rows AS (
      INSERT INTO ${products} (id, organization_id, account_id, subscription_id, offering_id, status, activated_at, terminates_at, created_at)
      SELECT x.id, ${p('organizationId')}, ${p('accountId')}, subscription.id, x.offering_id, 'active', ${p('at')}::timestamptz, x.terminates_at, ${p('at')}::timestamptz
      FROM subscription, unnest(${p('productIds')}::text[], ${p('offeringIds')}::text[], ${p('terminatesAt')}::timestamptz[]) AS x(id, offering_id, terminates_at)
    ), number AS (
      UPDATE ${phoneNumbers} n
      SET organization_id = ${p('organizationId')}, subscription_id = subscription.id, state = 'assigned', is_primary = true
      FROM picked, subscription
      WHERE n.msisdn = picked.msisdn
    ), holding_rows AS (
      INSERT INTO ${holdings} (organization_id, kind, identifier, subscription_id, held_from)
      SELECT ${p('organizationId')}, h.kind, h.identifier, subscription.id, ${p('at')}::timestamptz
      FROM picked, subscription, LATERAL (VALUES ('msisdn', picked.msisdn), ('iccid', ${p('iccid')}::text)) AS h(kind, identifier)
    )`;
}

const insert = statement<InsertedSubscription>(
  'subscription_insert',
  () => sql`
  WITH ${subscriptionCtes()}
  SELECT picked.msisdn, picked.country, subscriber.id AS "subscriberId" FROM picked, subscriber`,
);

/** Answers the number the subscription got and its subscriber, or undefined when the pool is empty. */
export async function insertNewSubscription(db: Executor, s: NewSubscription): Promise<InsertedSubscription | undefined> {
  const [row] = await insert(db, subscriptionValues(s));
  return row;
}
