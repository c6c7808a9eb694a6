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

export async function selectSubscriptions(
  db: Executor,
  organizationId: string,
  filter: SubscriptionFilter,
  parts: SubscriptionParts = {},
) {
  const conditions: (SQL | undefined)[] = [
    eq(subscriptions.organizationId, organizationId),
    filter.id ? eq(subscriptions.id, filter.id) : undefined,
    filter.status ? eq(subscriptions.status, filter.status) : undefined,
    filter.after ? lt(subscriptions.id, filter.after) : undefined,
  ];
  return db
    .select({
      subscription: subscriptions,
      account: accounts,
      subscriber: subscribers,
      sim: simProfiles,
      phoneNumbers: parts.phoneNumbers ? phoneNumbersOf : none,
      services: parts.services ? servicesOf : none,
    })
    .from(subscriptions)
    .innerJoin(accounts, eq(accounts.id, subscriptions.accountId))
    .innerJoin(subscribers, eq(subscribers.id, subscriptions.subscriberId))
    .leftJoin(simProfiles, eq(simProfiles.iccid, subscriptions.iccid))
    .where(and(...conditions))
    .orderBy(desc(subscriptions.id))
    .limit(filter.rows);
}

export type SubscriptionView = Awaited<ReturnType<typeof selectSubscriptions>>[number];

export async function insertSubscription(db: Executor, row: typeof subscriptions.$inferInsert): Promise<SubscriptionRow> {
  const [created] = await db.insert(subscriptions).values(row).returning();
  return created;
}

export async function insertServices(db: Executor, rows: (typeof services.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(services).values(rows);
}
