// Delivering an eSIM's activation code by email (the order-deliver-sim-profile job):
// through SMTP when configured, else into the outbox. Recorded on the order either way.
import type { Db } from '../../db/database.ts';
import type { Mailer } from '../../network/mail/mailer.ts';
import type { OrderJob } from '../../jobs/kinds.ts';
import { activationCode } from '../telecom.ts';
import { newId } from '../ids.ts';
import { findSim } from '../inventory/sims.store.ts';
import { findSubscriber } from '../subscribers/subscribers.store.ts';
import { findOrganization } from '../organizations/organizations.store.ts';
import { findOrder, updateOrder, type OrderResult } from './orders.store.ts';
import { insertMail } from './mail.store.ts';
import { simProfileMail } from './sim-profile-mail.ts';

export interface DeliveryDeps {
  db: Db;
  /** Undefined: no SMTP server configured, keep mail in the outbox. */
  mailer?: Mailer;
}

export async function deliverSimProfile(deps: DeliveryDeps, job: OrderJob): Promise<void> {
  const order = await findOrder(deps.db, job.orderId);
  const result = order?.result as OrderResult | undefined;
  if (!order || !result?.iccid || !result.delivery || result.delivery.status === 'sent' || result.delivery.status === 'outbox') return;
  const sim = await findSim(deps.db, result.iccid);
  const code = sim && activationCode(sim.smdpAddress, sim.matchingId);
  if (!code) throw new Error(`order ${order.id}: SIM profile ${result.iccid} has no activation code`);
  const subscriber = result.subscriberId ? await findSubscriber(deps.db, order.organizationId, result.subscriberId) : undefined;
  const organization = await findOrganization(deps.db, order.organizationId);
  const mail = await simProfileMail({
    to: result.delivery.to ?? [],
    cc: result.delivery.cc ?? [],
    firstName: subscriber?.firstName ?? 'there',
    organizationName: organization?.name ?? 'Your organization',
    activationCode: code,
    msisdn: result.msisdns?.[0],
  });
  const sent = deps.mailer ? await deps.mailer.send(mail) : undefined;
  const state = sent ? 'sent' : 'outbox';
  await deps.db.transaction(async (tx) => {
    await insertMail(tx, {
      id: newId('mail'),
      organizationId: order.organizationId,
      orderId: order.id,
      to: mail.to,
      cc: mail.cc,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, cid: a.cid, base64: a.content.toString('base64') })),
      state,
      messageId: sent?.messageId ?? null,
      sentAt: sent ? new Date() : null,
    });
    const delivery = { ...result.delivery!, status: state, messageId: sent?.messageId ?? null, at: new Date().toISOString() };
    await updateOrder(tx, order.id, { result: { ...result, delivery } });
  });
}
