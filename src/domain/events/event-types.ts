// The kinds of Enterprise event (a cellhub extension), and what each is about: the
// object its data holds, as the Enterprise API represents it.
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
  | { kind: 'order'; id: string }
  | { kind: 'subscription'; id: string }
  | { kind: 'sim_profile'; subscriptionId: string }
  | { kind: 'sms'; id: string }
  | { kind: 'data'; data: object };
