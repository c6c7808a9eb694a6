// Binds each kind of job to the domain code that does it, with the parts each needs.
import { handler, type JobHandler } from './queue.ts';
import { CONNECT_SUBSCRIPTION_CLOCK, DELIVER_SIM_PROFILE, FULFIL_CONNECT_ORDER, FULFIL_ORDER, ONBOARD_CHUNK, SEND_MAIL, SEND_SMS } from './kinds.ts';
import { orderNextChunk } from '../domain/onboarding/onboarding.service.ts';
import { sendQueuedMail } from '../domain/orders/queued-mail.ts';
import { fulfilOrder, type FulfilmentDeps } from '../domain/orders/fulfilment.ts';
import { deliverSimProfile, type DeliveryDeps } from '../domain/orders/delivery.ts';
import { deliverSms, type SmsDeliveryDeps } from '../domain/sms/sms-delivery.ts';
import { fulfilConnectOrder } from '../domain/orders/connect-fulfilment.ts';
import { tickSubscription } from '../domain/subscriptions/connect-subscriptions.service.ts';
import type { SmscAdapter } from '../network/smsc/smsc.ts';

/** What the jobs use: the order fulfilments' parts, the mailer, and the SMSC link with its timing. */
export interface JobDeps extends FulfilmentDeps, DeliveryDeps {
  smsc: SmscAdapter;
  smsTiming: SmsDeliveryDeps['timing'];
}

export function jobHandlers(deps: JobDeps): JobHandler[] {
  const sms: SmsDeliveryDeps = { db: deps.db, smsc: deps.smsc, timing: deps.smsTiming };
  return [
    handler(FULFIL_ORDER, (data, attempt) => fulfilOrder(deps, data, attempt)),
    handler(DELIVER_SIM_PROFILE, (data) => deliverSimProfile(deps, data)),
    handler(SEND_SMS, (data, attempt) => deliverSms(sms, data, attempt)),
    handler(FULFIL_CONNECT_ORDER, (data, attempt) => fulfilConnectOrder(deps, data, attempt)),
    handler(CONNECT_SUBSCRIPTION_CLOCK, async (data, attempt) => void (await tickSubscription(deps, data, new Date(), attempt.log))),
    handler(SEND_MAIL, (data) => sendQueuedMail(deps, data)),
    handler(ONBOARD_CHUNK, (data, attempt) => orderNextChunk(deps, data, attempt)),
  ];
}
