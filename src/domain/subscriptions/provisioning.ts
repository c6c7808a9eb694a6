// Provisioning: turns a template and a subscriber into a working subscription with a
// SIM profile from inventory, numbers from the template's pool, services and products.
// Runs inside the caller's transaction, so it happens whole or not at all.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { products as productsTable, services as servicesTable, subscriptions } from '../../db/schema.ts';
import { ApiError, invalidParams } from '../../http/errors.ts';
import { newId } from '../ids.ts';
import { getAccount } from '../accounts/accounts.service.ts';
import { getTemplate } from '../catalog/templates.service.ts';
import { findOfferings } from '../catalog/offerings.store.ts';
import { insertProducts } from '../catalog/products.store.ts';
import { allocateSim, updateSim } from '../inventory/sims.store.ts';
import { allocateNumbers, markPrimary, quarantineNumbers } from '../inventory/numbers.store.ts';
import { findSubscriberByEmail, insertSubscriber, type Subscriber } from '../subscribers/subscribers.store.ts';
import { insertServices, insertSubscription, type SubscriptionRow } from './subscriptions.store.ts';

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
  templateId: string;
  subscriber: SubscriberDetails;
  simType: 'esim' | 'psim';
  /** An ICCID already reserved for this organization (orders reserve before preparing the profile). */
  iccid?: string;
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

export async function findOrCreateSubscriber(db: Executor, organizationId: string, details: SubscriberDetails, at?: Date) {
  const existing = await findSubscriberByEmail(db, organizationId, details.email);
  if (existing) return existing;
  return insertSubscriber(db, {
    id: newId('subscriber', at),
    organizationId,
    firstName: details.firstName,
    lastName: details.lastName,
    email: details.email,
    employeeId: details.employeeId ?? null,
    group: details.group ?? null,
    ...(at ? { createdAt: at } : {}),
  });
}

export async function provisionSubscription(db: Executor, organizationId: string, request: ProvisionRequest): Promise<Provisioned> {
  const at = request.at ?? new Date();
  // A reserved ICCID means an order placed it: the account was checked then, and a foreign key keeps it.
  const accountId = request.iccid ? request.accountId : (await getAccount(db, organizationId, request.accountId)).id;
  const template = await getTemplate(db, organizationId, request.templateId);
  if (!template.numberPoolId) throw invalidParams(`template_id: template ${template.id} names no number pool`);

  const sim = request.iccid ? { iccid: request.iccid } : await allocateSim(db, organizationId, request.simType);
  if (!sim) throw new ProvisioningError(`no ${request.simType} left in SIM inventory`);
  const subscriber = await findOrCreateSubscriber(db, organizationId, request.subscriber, at);
  const subscription = await insertSubscription(db, {
    id: newId('subscription', at),
    organizationId,
    accountId,
    subscriberId: subscriber.id,
    iccid: sim.iccid,
    status: 'active',
    createdAt: at,
  });
  await updateSim(db, sim.iccid, { subscriptionId: subscription.id });

  const numbers = await allocateNumbers(db, template.numberPoolId, organizationId, subscription.id, 1);
  if (numbers.length === 0) throw new ProvisioningError(`number pool ${template.numberPoolId} is empty`);
  await markPrimary(db, numbers[0].msisdn);

  await insertServices(
    db,
    template.services.map((type) => ({ organizationId, subscriptionId: subscription.id, type, enabled: true })),
  );
  const offerings = await findOfferings(db, organizationId, template.offerings.map((o) => o.id));
  await insertProducts(
    db,
    offerings.map((offering) => ({
      id: newId('product', at),
      organizationId,
      accountId,
      subscriptionId: subscription.id,
      offeringId: offering.id,
      status: 'active',
      activatedAt: at,
      terminatesAt: new Date(at.getTime() + offering.validityDays * DAY_MS),
      createdAt: at,
    })),
  );
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
