// A new subscription with all its parts in one statement: the subscription row, its SIM
// profile pointed at it, its first number taken from the pool (primary), its services
// and its products. Every activation runs this, so it is one round trip rather than
// five. It runs in the caller's transaction, which rolls it all back when the pool had
// no number left (the answer is then empty).
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/database.ts';
import { phoneNumbers, products, services, simProfiles, subscriptions } from '../../db/schema.ts';
import type { PreparedProfile } from '../../network/smdp/smdp.ts';

export interface NewSubscription {
  id: string;
  organizationId: string;
  accountId: string;
  subscriberId: string;
  iccid: string;
  /** The eSIM profile the SM-DP+ prepared for the ICCID: the SIM becomes released. */
  profile?: PreparedProfile;
  poolId: string;
  services: string[];
  products: { id: string; offeringId: string; terminatesAt: Date }[];
  at: Date;
}

/** Answers the number the subscription got, or none when the pool is empty. */
export async function insertNewSubscription(db: Executor, s: NewSubscription): Promise<{ msisdn: string; country: string }[]> {
  const at = s.at.toISOString();
  const profile = s.profile
    ? sql`, state = 'released', matching_id = ${s.profile.matchingId}, smdp_address = ${s.profile.smdpAddress}`
    : sql``;
  // Arrays go as one parameter each (sql.param), not spread into a list.
  return queryRows(db, sql`
    WITH subscription AS (
      INSERT INTO ${subscriptions} (id, organization_id, account_id, subscriber_id, iccid, status, created_at)
      VALUES (${s.id}, ${s.organizationId}, ${s.accountId}, ${s.subscriberId}, ${s.iccid}, 'active', ${at}::timestamptz)
    ), sim AS (
      UPDATE ${simProfiles} SET subscription_id = ${s.id}, updated_at = now() ${profile}
      WHERE iccid = ${s.iccid}
    ), service_rows AS (
      INSERT INTO ${services} (organization_id, subscription_id, type, enabled)
      SELECT ${s.organizationId}, ${s.id}, type, true FROM unnest(${sql.param(s.services)}::text[]) AS type
    ), product_rows AS (
      INSERT INTO ${products} (id, organization_id, account_id, subscription_id, offering_id, status, activated_at, terminates_at, created_at)
      SELECT p.id, ${s.organizationId}, ${s.accountId}, ${s.id}, p.offering_id, 'active', ${at}::timestamptz, p.terminates_at, ${at}::timestamptz
      FROM unnest(${sql.param(s.products.map((p) => p.id))}::text[], ${sql.param(s.products.map((p) => p.offeringId))}::text[],
                  ${sql.param(s.products.map((p) => p.terminatesAt.toISOString()))}::timestamptz[]) AS p(id, offering_id, terminates_at)
    ), picked AS (
      SELECT msisdn FROM ${phoneNumbers}
      WHERE pool_id = ${s.poolId} AND state = 'available'
      ORDER BY msisdn LIMIT 1 FOR UPDATE SKIP LOCKED
    )
    UPDATE ${phoneNumbers} SET organization_id = ${s.organizationId}, subscription_id = ${s.id}, state = 'assigned', is_primary = true
    WHERE msisdn IN (SELECT msisdn FROM picked)
    RETURNING msisdn, country`);
}
