// Binds each kind of job to the domain code that does it.
import type { Platform } from '../platform.ts';
import { handler, type JobHandler } from './queue.ts';
import { CONNECT_SUBSCRIPTION_CLOCK, DELIVER_SIM_PROFILE, FULFIL_CONNECT_ORDER, FULFIL_ORDER, SEND_SMS } from './kinds.ts';
import { fulfilOrder } from '../domain/orders/fulfilment.ts';
import { deliverSimProfile } from '../domain/orders/delivery.ts';
import { deliverSms } from '../domain/sms/sms-delivery.ts';
import { fulfilConnectOrder } from '../domain/orders/connect-fulfilment.ts';
import { tickSubscription } from '../domain/subscriptions/connect-subscriptions.service.ts';

const smsTiming = ({ config }: Platform) => ({ validitySeconds: config.smsValiditySeconds, chaseAfterSeconds: config.smsReceiptChaseAfterSeconds });

export function jobHandlers(platform: Platform): JobHandler[] {
  const deps = {
    db: platform.db,
    queue: platform.queue,
    smdp: platform.smdp,
    templates: platform.templates,
    mailer: platform.mailer,
    quarantineDays: platform.config.numberQuarantineDays,
  };
  return [
    handler(FULFIL_ORDER, (data, attempt) => fulfilOrder(deps, data, attempt)),
    handler(DELIVER_SIM_PROFILE, (data) => deliverSimProfile(deps, data)),
    handler(SEND_SMS, (data, attempt) => deliverSms({ db: platform.db, smsc: platform.smsc, timing: smsTiming(platform) }, data, attempt)),
    handler(FULFIL_CONNECT_ORDER, (data, attempt) => fulfilConnectOrder(deps, data, attempt)),
    handler(CONNECT_SUBSCRIPTION_CLOCK, async (data, attempt) => void (await tickSubscription(deps, data, new Date(), attempt.log))),
  ];
}
