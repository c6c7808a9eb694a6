// Provisioning: turns a template and a subscriber into a working subscription with a
// SIM profile from inventory, numbers from the template's pool, services and products.
// Runs inside the caller's transaction, so it happens whole or not at all.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { products as productsTable, services as servicesTable, subscriptions } from '../../db/schema.ts';
import { DomainError, invalidParams } from '../errors.ts';
import { newId } from '../ids.ts';
import { getAccount } from '../accounts/accounts.service.ts';
import type { OrderTemplate } from '../catalog/templates.service.ts';
import type { PreparedProfile } from '../../network/smdp/smdp.ts';
import { allocateSim, updateSim } from '../inventory/sims.store.ts';
import { insertNewSubscription, type NewSubscription } from './provisioning.store.ts';
import { quarantineNumbers } from '../inventory/numbers.store.ts';
import { endHolding, endHoldingsOf, startHolding } from '../inventory/holdings.store.ts';
import { endSuspension, startSuspension } from './suspensions.store.ts';
import type { SubscriptionRow } from './subscriptions.store.ts';
import { DAY_MS } from '../time.ts';

export interface SubscriberDetails {
  firstName: string;
  lastName: string;
  email: string;
  employeeId?: string | null;
  group?: string | null;
}

export interface ProvisionRequest {
  accountId: string;
  template: OrderTemplate;
  subscriber: SubscriberDetails;
  simType: 'esim' | 'psim';
  /** The eSIM profile the SM-DP+ prepared for the SIM (orders). */
  profile?: PreparedProfile;
  /** Back-dates the subscription (demo data); defaults to now. */
  at?: Date;
}

export interface Provisioned {
  subscription: SubscriptionRow;
  subscriberId: string;
  iccid: string;
  msisdns: string[];
  /** The country of the numbers (their pool's). */
  country: string;
}

/** Failures a later retry cannot fix: the order fails with this reason. */
export class ProvisioningError extends DomainError {
  constructor(message: string) {
    super('unprocessable', message);
  }
}

export const poolEmpty = (poolId: string) => new ProvisioningError(`number pool ${poolId} is empty`);

/** The new subscription's rows, as insertNewSubscription and the orders' own statement write them. */
export function newSubscription(organizationId: string, iccid: string, request: ProvisionRequest, at: Date): NewSubscription {
  const { template, subscriber } = request;
  return {
    id: newId('subscription', at),
    organizationId,
    accountId: request.accountId,
    subscriber: {
      id: newId('subscriber', at),
      firstName: subscriber.firstName,
      lastName: subscriber.lastName,
      email: subscriber.email,
      employeeId: subscriber.employeeId ?? null,
      group: subscriber.group ?? null,
    },
    iccid,
    profile: request.profile,
    poolId: template.numberPoolId!,
    services: template.services,
    products: template.offerings.map((offering) => ({
      id: newId('product', at),
      offeringId: offering.id,
      terminatesAt: new Date(at.getTime() + offering.validityDays * DAY_MS),
    })),
    at,
  };
}

/** A subscription for the subscriber from the template, with a SIM from inventory (demo data, tests). */
export async function provisionSubscription(db: Executor, organizationId: string, request: ProvisionRequest): Promise<Provisioned> {
  const at = request.at ?? new Date();
  const { template } = request;
  const accountId = (await getAccount(db, organizationId, request.accountId)).id;
  if (!template.numberPoolId) throw invalidParams(`template_id: template ${template.id} names no number pool`);
  const sim = await allocateSim(db, organizationId, request.simType);
  if (!sim) throw new ProvisioningError(`no ${request.simType} left in SIM inventory`);
  const rows = newSubscription(organizationId, sim.iccid, request, at);
  const provisioned = await insertNewSubscription(db, rows);
  if (!provisioned) throw poolEmpty(template.numberPoolId);
  const subscription: SubscriptionRow = {
    id: rows.id,
    organizationId,
    accountId,
    subscriberId: provisioned.subscriberId,
    iccid: sim.iccid,
    status: 'active',
    suspensionReason: null,
    createdAt: at,
    terminatedAt: null,
  };
  return { subscription, subscriberId: provisioned.subscriberId, iccid: sim.iccid, msisdns: [provisioned.msisdn], country: provisioned.country };
}

/** Bars every service and marks the subscription suspended, from `at`. */
export async function suspendSubscription(db: Executor, organizationId: string, id: string, reason: string, at: Date): Promise<void> {
  await db
    .update(subscriptions)
    .set({ status: 'suspended', suspensionReason: reason })
    .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.id, id)));
  await db
    .update(servicesTable)
    .set({ enabled: false })
    .where(and(eq(servicesTable.organizationId, organizationId), eq(servicesTable.subscriptionId, id)));
  await startSuspension(db, organizationId, id, at);
}

/** Restores the services a suspension barred, from `at`. */
export async function resumeSubscription(db: Executor, organizationId: string, id: string, at: Date): Promise<void> {
  await db
    .update(subscriptions)
    .set({ status: 'active', suspensionReason: null })
    .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.id, id)));
  await db
    .update(servicesTable)
    .set({ enabled: true })
    .where(and(eq(servicesTable.organizationId, organizationId), eq(servicesTable.subscriptionId, id)));
  await endSuspension(db, organizationId, id, at);
}

/** Points the subscription at a new SIM profile from `at`; the old one is cancelled. */
export async function swapSimProfile(db: Executor, organizationId: string, id: string, oldIccid: string | null, newIccid: string, at: Date) {
  await db
    .update(subscriptions)
    .set({ iccid: newIccid })
    .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.id, id)));
  await updateSim(db, newIccid, { subscriptionId: id });
  if (oldIccid) {
    await updateSim(db, oldIccid, { state: 'cancelled' });
    await endHolding(db, organizationId, 'iccid', oldIccid, at);
  }
  await startHolding(db, { organizationId, kind: 'iccid', identifier: newIccid, subscriptionId: id, at });
}

/** Ends the subscription, its products and its holdings; its numbers go to quarantine. */
export async function terminateSubscription(db: Executor, organizationId: string, id: string, at: Date, quarantineDays: number): Promise<void> {
  await db
    .update(subscriptions)
    .set({ status: 'terminated', terminatedAt: at })
    .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.id, id)));
  await db
    .update(servicesTable)
    .set({ enabled: false })
    .where(and(eq(servicesTable.organizationId, organizationId), eq(servicesTable.subscriptionId, id)));
  await db
    .update(productsTable)
    .set({ status: 'terminated', terminatesAt: sql`LEAST(${productsTable.terminatesAt}, ${at})` })
    .where(and(eq(productsTable.organizationId, organizationId), eq(productsTable.subscriptionId, id)));
  await endSuspension(db, organizationId, id, at);
  await endHoldingsOf(db, organizationId, id, at);
  await quarantineNumbers(db, id, new Date(at.getTime() + quarantineDays * DAY_MS));
}
