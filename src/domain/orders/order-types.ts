// What each order type asks for (contract §2 "Orders").
import type { SubscriberDetails } from '../subscriptions/provisioning.ts';

export const ORDER_TYPES = ['activate_subscription', 'suspend_subscription', 'resume_subscription', 'change_sim_profile', 'terminate_subscription'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const ORDER_STATUSES = ['pending', 'completed', 'failed', 'canceled'] as const;

export const SUSPENSION_REASONS = ['lost_or_stolen', 'temporary', 'fraud', 'non_payment', 'other'] as const;

export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

export interface Delivery {
  type: 'email' | 'api';
  to?: string[];
  cc?: string[];
}

export interface SimProfileChoice {
  simType: 'esim' | 'psim';
  delivery?: Delivery;
}

/**
 * An order to place, whichever API it came through (the Enterprise body is mapped to it
 * in api/enterprise/order-body.ts). Its shape is checked there; what depends on the
 * type (an activation's template, a suspension's reason, …) is checked by placeOrder.
 */
export interface PlaceOrder {
  type: OrderType;
  accountId: string;
  templateId?: string;
  subscriptionId?: string;
  /** Who an activation's subscription is for. */
  subscriber?: SubscriberDetails;
  simProfile?: SimProfileChoice;
  reason?: SuspensionReason;
}

/** The subscription statuses each change may start from. */
export const ALLOWED_FROM: Record<string, readonly string[]> = {
  suspend_subscription: ['active'],
  resume_subscription: ['suspended'],
  change_sim_profile: ['active', 'suspended'],
  terminate_subscription: ['active', 'suspended'],
};
