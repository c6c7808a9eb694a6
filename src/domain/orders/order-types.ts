// What each order type asks for (contract §2 "Orders").

export const ORDER_TYPES = [
  'activate_subscription',
  'suspend_subscription',
  'resume_subscription',
  'change_sim_profile',
  'terminate_subscription',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const ORDER_STATUSES = ['pending', 'completed', 'failed', 'canceled'] as const;

export const SUSPENSION_REASONS = ['lost_or_stolen', 'temporary', 'fraud', 'non_payment', 'other'] as const;

export interface Delivery {
  type: 'email' | 'api';
  to?: string[];
  cc?: string[];
}

export interface SimProfileRequest {
  sim_type: 'esim' | 'psim';
  delivery?: Delivery;
}

export interface SubscriberRequest {
  first_name: string;
  last_name: string;
  email: string;
  employee_id?: string;
  group?: string;
}

/** The body of POST /enterprise/orders, as validated by its schema. */
export interface OrderRequest {
  type: OrderType;
  account_id: string;
  template_id?: string;
  subscription_id?: string;
  subscriber?: SubscriberRequest;
  sim_profile?: SimProfileRequest;
  reason?: string;
}

/** The subscription statuses each change may start from. */
export const ALLOWED_FROM: Record<string, readonly string[]> = {
  suspend_subscription: ['active'],
  resume_subscription: ['suspended'],
  change_sim_profile: ['active', 'suspended'],
  terminate_subscription: ['active', 'suspended'],
};
