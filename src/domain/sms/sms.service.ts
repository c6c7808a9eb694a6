// Sending SMS through the Messages API. Everything that can be checked is checked at
// once, naming the field (and the index of a recipient); the message, its recipients
// and the job that submits them to the SMSC then commit together.
import { randomInt } from 'node:crypto';
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Executor } from '../../db/database.ts';
import { invalidParams, notFound } from '../errors.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { SEND_SMS } from '../../jobs/kinds.ts';
import { countParts } from '../../network/smsc/segments.ts';
import { newId } from '../ids.ts';
import { normalizeMsisdn } from '../telecom.ts';
import * as store from './sms.store.ts';

export interface SmsRequest {
  from: string;
  to: string[];
  text: string;
}

export interface SmsContext {
  /** The database, or the transaction of an Idempotency-Key (see http/idempotency.ts). */
  db: Executor;
  queue: JobQueue;
}

/** Refusals listed one by one, up to this many (then a count of the rest). */
const MAX_LISTED = 20;

async function authorizedSender(db: Executor, organizationId: string, from: string) {
  const msisdn = normalizeMsisdn(from);
  const sender = await store.findSender(db, organizationId, msisdn);
  if (!sender?.authorized) throw invalidParams(`from: ${from} is not one of this organization's authorized senders`);
  if (!sender.subscriptionId || sender.subscriptionStatus !== 'active') {
    throw invalidParams(`from: the subscription of ${from} is ${sender.subscriptionStatus ?? 'ended'}; only an active one can send`);
  }
  return { ...sender, subscriptionId: sender.subscriptionId };
}

/** A recipient is domestic when it is a number of the sender's country (or, when its region is unknown, of its calling code). */
function isDomestic(msisdn: string, country: string): boolean | undefined {
  const parsed = parsePhoneNumberFromString(`+${msisdn}`);
  if (!parsed) return undefined;
  if (parsed.country) return parsed.country === country;
  try {
    return parsed.countryCallingCode === getCountryCallingCode(country as CountryCode);
  } catch {
    return false;
  }
}

function checkRecipients(to: string[], country: string): string[] {
  const problems: string[] = [];
  to.forEach((raw, index) => {
    const domestic = isDomestic(normalizeMsisdn(raw), country);
    if (domestic === undefined) problems.push(`to[${index}]: ${raw} is not a phone number`);
    else if (!domestic) problems.push(`to[${index}]: ${raw} is outside ${country}; international messages are not supported`);
  });
  if (problems.length <= MAX_LISTED) return problems;
  return [...problems.slice(0, MAX_LISTED), `to: and ${problems.length - MAX_LISTED} more recipients refused`];
}

export async function sendSms(ctx: SmsContext, organizationId: string, request: SmsRequest, correlationId?: string) {
  const sender = await authorizedSender(ctx.db, organizationId, request.from);
  const problems = checkRecipients(request.to, sender.country);
  if (problems.length > 0) throw invalidParams(problems);
  const { encoding, parts } = countParts(request.text);
  const id = newId('sms');
  await ctx.db.transaction(async (tx) => {
    await store.insertMessage(
      tx,
      {
        id,
        organizationId,
        subscriptionId: sender.subscriptionId,
        fromMsisdn: sender.msisdn,
        country: sender.country,
        text: request.text,
        encoding,
        parts,
        concatRef: randomInt(256),
        recipientCount: request.to.length,
        correlationId,
      },
      request.to.map(normalizeMsisdn),
    );
    await ctx.queue.send(tx, SEND_SMS, { messageId: id, correlationId });
  });
  ctx.queue.wake(SEND_SMS);
  return { id };
}

export async function getSms(db: Executor, organizationId: string, id: string) {
  const message = await store.findMessage(db, organizationId, id);
  if (!message) throw notFound(`sms ${id}`);
  return { message, recipients: await store.recipientsOf(db, message) };
}
