// The kinds of background job, with their retry policies. handlers.ts binds each to
// the domain code that does it.
import type { JobKind } from './queue.ts';

export interface OrderJob {
  orderId: string;
  correlationId?: string;
}

export const FULFIL_ORDER: JobKind<OrderJob> = {
  name: 'order-fulfil',
  retryLimit: 6,
  retryDelaySeconds: 1,
};

export const DELIVER_SIM_PROFILE: JobKind<OrderJob> = {
  name: 'order-deliver-sim-profile',
  retryLimit: 8,
  retryDelaySeconds: 5,
};

export interface SmsJob {
  messageId: string;
  correlationId?: string;
}

/** Submits a message's queued recipients to the SMSC; retried while the SMSC is unreachable (about 2.5 h). */
export const SEND_SMS: JobKind<SmsJob> = {
  name: 'sms-send',
  retryLimit: 11,
  retryDelaySeconds: 5,
};

export interface ConnectOrderJob {
  orderId: string;
  correlationId?: string;
}

export const FULFIL_CONNECT_ORDER: JobKind<ConnectOrderJob> = {
  name: 'connect-order-fulfil',
  retryLimit: 6,
  retryDelaySeconds: 1,
};

export interface ConnectSubscriptionJob {
  subscriptionId: string;
  /** The Connect order's request, so the subscription's activation and end log under it. */
  correlationId?: string;
}

/** Runs at a subscription's activation date (PENDING becomes ACTIVE) and at its expiration. */
export const CONNECT_SUBSCRIPTION_CLOCK: JobKind<ConnectSubscriptionJob> = {
  name: 'connect-subscription-clock',
  retryLimit: 10,
  retryDelaySeconds: 5,
};

export interface MailJob {
  mailId: string;
}

/** Sends a mail written in the outbox as 'queued' (a console invitation); retried while SMTP fails. */
export const SEND_MAIL: JobKind<MailJob> = {
  name: 'mail-send',
  retryLimit: 8,
  retryDelaySeconds: 5,
};

export interface OnboardingJob {
  organizationId: string;
  batchId: string;
  correlationId?: string;
}

/** Orders an onboarding batch's next chunk of rows, and queues the one after (onboarding.service.ts). */
export const ONBOARD_CHUNK: JobKind<OnboardingJob> = {
  name: 'onboarding-chunk',
  retryLimit: 6,
  retryDelaySeconds: 1,
};

export const JOB_KINDS = [FULFIL_ORDER, DELIVER_SIM_PROFILE, SEND_SMS, FULFIL_CONNECT_ORDER, CONNECT_SUBSCRIPTION_CLOCK, SEND_MAIL, ONBOARD_CHUNK] as JobKind<unknown>[];
