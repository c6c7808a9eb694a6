// Mail written beside the change that causes it (a console invitation), then sent by the
// mail-send job through the same path as eSIM delivery: SMTP when configured, else the
// outbox the operator reads.
import type { Db } from '../../db/database.ts';
import type { Mailer } from '../../network/mail/mailer.ts';
import type { MailJob } from '../../jobs/kinds.ts';
import { findMail, updateMail } from './mail.store.ts';

export interface QueuedMailDeps {
  db: Db;
  /** Undefined: no SMTP server configured, keep mail in the outbox. */
  mailer?: Mailer;
}

export async function sendQueuedMail(deps: QueuedMailDeps, job: MailJob): Promise<void> {
  const mail = await findMail(deps.db, job.mailId);
  if (!mail || mail.state !== 'queued') return;
  if (!deps.mailer) return void (await updateMail(deps.db, mail.id, { state: 'outbox' }));
  const sent = await deps.mailer.send({ to: mail.to, cc: mail.cc, subject: mail.subject, text: mail.text, html: mail.html ?? '', attachments: [] });
  await updateMail(deps.db, mail.id, { state: 'sent', messageId: sent.messageId, sentAt: new Date() });
}
