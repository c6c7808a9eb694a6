// Outgoing mail through SMTP (SMTP_URL, e.g. smtp://user:pass@mail.example:587).
// Without one, messages are kept in the outbox (mail_messages) for the operator to read.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; cid: string; content: Buffer }[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
