// Authorized SMS senders: the numbers an organization told the provider may send
// through the Messages API (seed 000: "Provide 1GLOBAL with a list of allowed numbers").
import type { Executor } from '../../db/database.ts';
import { invalidParams, notFound } from '../errors.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import { normalizeMsisdn } from '../telecom.ts';
import * as store from './senders.store.ts';

export async function authorizeSender(db: Executor, organizationId: string, msisdn: string) {
  await getOrganization(db, organizationId);
  const normalized = normalizeMsisdn(msisdn);
  if (!/^[1-9]\d{6,14}$/.test(normalized)) throw invalidParams('msisdn: must be an E.164 number');
  const added = await store.insertSender(db, organizationId, normalized);
  return { msisdn: normalized, added };
}

export async function revokeSender(db: Executor, organizationId: string, msisdn: string) {
  if (!(await store.deleteSender(db, organizationId, normalizeMsisdn(msisdn)))) throw notFound(`sender ${msisdn}`);
}

export const listSenders = store.listSenders;
