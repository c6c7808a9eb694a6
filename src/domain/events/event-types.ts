// The kinds of Enterprise event (a cellhub extension), and what each is about: the
// object its data holds, as the Enterprise API represents it.
import type { OrderRow } from '../orders/orders.store.ts';
import type { SubscriptionRow } from '../subscriptions/subscriptions.store.ts';

export const EVENT_TYPES = [
  'order.completed',
  'order.failed',
  'subscription.activated',
  'subscription.suspended',
  'subscription.resumed',
  'subscription.terminated',
  'subscription.sim_swapped',
  'sim_profile.downloaded',
  'sim_profile.installed',
  'sim_profile.deleted',
  'sms.finished',
  'usage.threshold_crossed',
  'spend.alert',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export const isEventType = (value: string): value is EventType => (EVENT_TYPES as readonly string[]).includes(value);

/** What an event is about: rendered into its data when it is written. */
export type EventSubject =
  /** `row`: the order as the transaction left it, when the caller has it (saves reading it again). */
  | { kind: 'order'; id: string; row?: OrderRow }
  /** `row`: the subscription as the transaction left it, when the caller has it. */
  | { kind: 'subscription'; id: string; row?: SubscriptionRow }
  | { kind: 'sim_profile'; subscriptionId: string }
  | { kind: 'sms'; id: string }
  | { kind: 'data'; data: object };
