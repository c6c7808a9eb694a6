// The mail that hands a subscriber their eSIM: the activation code, and the same code
// as a QR code image to scan from the device's settings.
import QRCode from 'qrcode';
import type { OutgoingMail } from '../../network/mail/mailer.ts';

export async function qrCodePng(activationCode: string): Promise<Buffer> {
  return QRCode.toBuffer(activationCode, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 });
}

export async function qrCodeSvg(activationCode: string): Promise<string> {
  return QRCode.toString(activationCode, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export async function simProfileMail(input: {
  to: string[];
  cc: string[];
  firstName: string;
  organizationName: string;
  activationCode: string;
  msisdn?: string;
}): Promise<OutgoingMail> {
  const { activationCode } = input;
  const number = input.msisdn ? ` for +${input.msisdn}` : '';
  const text = [
    `Hello ${input.firstName},`,
    '',
    `${input.organizationName} has set up an eSIM${number} for you.`,
    'To install it, open your phone\'s mobile network settings, choose "Add eSIM", and scan the attached QR code,',
    'or enter this activation code:',
    '',
    `  ${activationCode}`,
    '',
    'The code can be used once. Keep this message private.',
  ].join('\n');
  const html = `<p>Hello ${escapeHtml(input.firstName)},</p>
<p>${escapeHtml(input.organizationName)} has set up an eSIM${escapeHtml(number)} for you. Scan this QR code from your phone's mobile network settings ("Add eSIM"):</p>
<p><img src="cid:esim-qr" alt="eSIM QR code" width="240" height="240"></p>
<p>Or enter the activation code: <code>${escapeHtml(activationCode)}</code></p>
<p>The code can be used once. Keep this message private.</p>`;
  return {
    to: input.to,
    cc: input.cc,
    subject: 'Your eSIM is ready to install',
    text,
    html,
    attachments: [{ filename: 'esim-qr-code.png', contentType: 'image/png', cid: 'esim-qr', content: await qrCodePng(activationCode) }],
  };
}
