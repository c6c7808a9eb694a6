// Provisioning: turns a template and a subscriber into a working subscription with a
// SIM profile from inventory, numbers from the template's pool, services and products.
// Runs inside the caller's transaction, so it happens whole or not at all.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { products as productsTable, services as servicesTable, subscriptions } from '../../db/schema.ts';
import { ApiError, invalidParams } from '../../http/errors.ts';
import { newId } from '../ids.ts';
import { getAccount } from '../accounts/accounts.service.ts';
import type { OrderTemplate } from '../catalog/templates.service.ts';
import type { PreparedProfile } from '../../network/smdp/smdp.ts';
import { allocateSim, updateSim } from '../inventory/sims.store.ts';
import { insertNewSubscription } from './provisioning.store.ts';
import { quarantineNumbers } from '../inventory/numbers.store.ts';
import { findSubscriberByEmail, insertSubscriberIfNew, type Subscriber } from '../subscribers/subscribers.store.ts';
import type { SubscriptionRow } from './subscriptions.store.ts';

const DAY_MS = 86_400_000;

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
  /** An ICCID already reserved for this organization (orders reserve before preparing the profile). */
  iccid?: string;
  /** The eSIM profile the SM-DP+ prepared for that ICCID. */
  profile?: PreparedProfile;
  /** Back-dates the subscription (demo data); defaults to now. */
  at?: Date;
}

export interface Provisioned {
  subscription: SubscriptionRow;
  subscriber: Subscriber;
  iccid: string;
  msisdns: string[];
  /** The country of the numbers (their pool's). */
  country: string;
}

/** Failures a later retry cannot fix: the order fails with this reason. */
export class ProvisioningError extends ApiError {
  constructor(message: string) {
    super('UNACCEPTABLE', message);
  }
}

/** The organization's subscriber with this email (any case), created when there is none. */
export async function findOrCreateSubscriber(db: Executor, organizationId: string, details: SubscriberDetails, at?: Date) {
  const created = await insertSubscriberIfNew(db, {
    id: newId('subscriber', at),
    organizationId,
    firstName: details.firstName,
    lastName: details.lastName,
    email: details.email,
    employeeId: details.employeeId ?? null,
    group: details.group ?? null,
    ...(at ? { createdAt: at } : {}),
  });
  return created ?? (await findSubscriberByEmail(db, organizationId, details.email))!;
}

export async function provisionSubscription(db: Executor, organizationId: string, request: ProvisionRequest): Promise<Provisioned> {
  const at = request.at ?? new Date();
  const { template } = request;
  // A reserved ICCID means an order placed it: the account was checked then, and a foreign key keeps it.
  const accountId = request.iccid ? request.accountId : (await getAccount(db, organizationId, request.accountId)).id;
  if (!template.numberPoolId) throw invalidParams(`template_id: template ${template.id} names no number pool`);

  const sim = request.iccid ? { iccid: request.iccid } : await allocateSim(db, organizationId, request.simType);
  if (!sim) throw new ProvisioningError(`no ${request.simType} left in SIM inventory`);
  const subscriber = await findOrCreateSubscriber(db, organizationId, request.subscriber, at);
  const subscription: SubscriptionRow = {
    id: newId('subscription', at),
    organizationId,
    accountId,
    subscriberId: subscriber.id,
    iccid: sim.iccid,
    status: 'active',
    suspensionReason: null,
    createdAt: at,
    terminatedAt: null,
  };
  const numbers = await insertNewSubscription(db, {
    ...subscription,
    iccid: sim.iccid,
    profile: request.profile,
    poolId: template.numberPoolId,
    services: template.services,
    products: template.offerings.map((offering) => ({
      id: newId('product', at),
      offeringId: offering.id,
      terminatesAt: new Date(at.getTime() + offering.validityDays * DAY_MS),
    })),
    at,
  });
  if (numbers.length === 0) throw new ProvisioningError(`number pool ${template.numberPoolId} is empty`);
  return { subscription, subscriber, iccid: sim.iccid, msisdns: numbers.map((n) => n.msisdn), country: numbers[0].country };
}

/** Bars every service and marks the subscription suspended. */
export async function suspendSubscription(db: Executor, organizationId: string, id: string, reason: string): Promise<void> {
  await db.update(subscriptions).set({ status: 'suspended', suspensionReason: reason })
    .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.id, id)));
  await db.update(servicesTable).set({ enabled: false })
    .where(and(eq(servicesTable.organizationId, organizationId), eq(servicesTable.subscriptionId, id)));
}

/** Restores the services a suspension barred. */
export async function resumeSubscription(db: Executor, organizationId: string, id: string): Promise<void> {
  await db.update(subscriptions).set({ status: 'active', suspensionReason: null })
    .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.id, id)));
  await db.update(servicesTable).set({ enabled: true })
    .where(and(eq(servicesTable.organizationId, organizationId), eq(servicesTable.subscriptionId, id)));
}

/** Points the subscription at a new SIM profile; the old one is cancelled. */
export async function swapSimProfile(db: Executor, organizationId: string, id: string, oldIccid: string | null, newIccid: string) {
  await db.update(subscriptions).set({ iccid: newIccid })
    .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.id, id)));
  await updateSim(db, newIccid, { subscriptionId: id });
  if (oldIccid) await updateSim(db, oldIccid, { state: 'cancelled' });
}

/** Ends the subscription and its products; its numbers go to quarantine. */
export async function terminateSubscription(
  db: Executor,
  organizationId: string,
  id: string,
  at: Date,
  quarantineDays: number,
): Promise<void> {
  await db.update(subscriptions).set({ status: 'terminated', terminatedAt: at })
    .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.id, id)));
  await db.update(servicesTable).set({ enabled: false })
    .where(and(eq(servicesTable.organizationId, organizationId), eq(servicesTable.subscriptionId, id)));
  await db.update(productsTable).set({ status: 'terminated', terminatesAt: sql`LEAST(${productsTable.terminatesAt}, ${at})` })
    .where(and(eq(productsTable.organizationId, organizationId), eq(productsTable.subscriptionId, id)));
  await quarantineNumbers(db, id, new Date(at.getTime() + quarantineDays * DAY_MS));
}
