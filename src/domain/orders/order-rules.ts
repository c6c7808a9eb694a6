// The rules an Enterprise order must meet to be accepted, checked at once and naming
// the body's field (`template_id`): what each type needs, its template, its account and
// the subscription it changes. They read through OrderReads, passed in: the stores over
// the request's executor in the service (orderReads), stand-ins in a unit test.
import { conflict, invalidParams } from '../errors.ts';
import { ALLOWED_FROM, type OrderType, type PlaceOrder } from './order-types.ts';

export interface OrderReads {
  /** The organization's order template, or undefined when it has none by that id. */
  template(organizationId: string, id: string): Promise<{ id: string; type: string; numberPoolId: string | null } | undefined>;
  accountExists(organizationId: string, id: string): Promise<boolean>;
  /** The organization's subscription, or undefined when it has none by that id. */
  subscription(organizationId: string, id: string): Promise<{ id: string; accountId: string; status: string } | undefined>;
}

export function checkDelivery(order: PlaceOrder) {
  const sim = order.simProfile;
  if (!sim) return;
  if (sim.simType === 'esim' && !sim.delivery) throw invalidParams('sim_profile.delivery: is required for an eSIM');
  if (sim.delivery?.type === 'email' && !sim.delivery.to?.length) {
    throw invalidParams('sim_profile.delivery.to: at least one address is required for email delivery');
  }
}

/** An activation's account is checked by the order's insert (orders_account_fk), so it is not read here. */
async function checkActivation(reads: OrderReads, organizationId: string, order: PlaceOrder) {
  if (!order.templateId) throw invalidParams('template_id: is required for activate_subscription');
  if (!order.subscriber) throw invalidParams('subscriber: is required for activate_subscription');
  if (!order.simProfile) throw invalidParams('sim_profile: is required for activate_subscription');
  const template = await reads.template(organizationId, order.templateId);
  if (!template) throw invalidParams(`template_id: no order template ${order.templateId} in this organization`);
  if (template.type !== order.type) throw invalidParams(`template_id: is a ${template.type} template, not ${order.type}`);
  if (!template.numberPoolId) throw invalidParams(`template_id: template ${template.id} names no number pool`);
  checkDelivery(order);
}

/** A change reads its subscription, so its account is read first, for a clear answer. */
async function checkSubscriptionChange(reads: OrderReads, organizationId: string, order: PlaceOrder) {
  if (!(await reads.accountExists(organizationId, order.accountId))) throw unknownAccount(order.accountId);
  if (!order.subscriptionId) throw invalidParams(`subscription_id: is required for ${order.type}`);
  if (order.type === 'suspend_subscription' && !order.reason) throw invalidParams('reason: is required for suspend_subscription');
  if (order.type === 'change_sim_profile') {
    if (!order.simProfile) throw invalidParams('sim_profile: is required for change_sim_profile');
    checkDelivery(order);
  }
  const subscription = await reads.subscription(organizationId, order.subscriptionId);
  if (!subscription) throw invalidParams(`subscription_id: no subscription ${order.subscriptionId} in this organization`);
  if (subscription.accountId !== order.accountId) {
    throw invalidParams(`subscription_id: belongs to account ${subscription.accountId}, not ${order.accountId}`);
  }
  checkStatus(order.type, subscription);
}

/** The subscription's status must be one the change may start from (409 otherwise: the state, not the body, is wrong). */
export function checkStatus(type: OrderType, subscription: { id: string; status: string }) {
  const allowed = ALLOWED_FROM[type] ?? [];
  if (allowed.includes(subscription.status)) return;
  throw conflict(`subscription ${subscription.id} is ${subscription.status}; ${type} needs it ${allowed.join(' or ')}`);
}

export const unknownAccount = (id: string) => invalidParams(`account_id: no account ${id} in this organization`);

/** Refuses an order that breaks a rule, with the first broken one. */
export async function checkOrder(reads: OrderReads, organizationId: string, order: PlaceOrder): Promise<void> {
  if (order.type === 'activate_subscription') await checkActivation(reads, organizationId, order);
  else await checkSubscriptionChange(reads, organizationId, order);
}
