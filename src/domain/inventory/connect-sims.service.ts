// Connect SIM profiles and their notification preferences, as their reseller sees
// them. Another reseller's SIM is refused as theirs (ACCESS_DENIED).
import type { Db, Executor } from '../../db/database.ts';
import type { SmdpAdapter } from '../../network/smdp/smdp.ts';
import { releaseSim } from './sims.store.ts';
import { rebindProfile, retireProfile } from './esim-lifecycle.ts';
import { endHolding } from './holdings.store.ts';
import { accessDenied, conflict, invalidParams, notFound } from '../errors.ts';
import { deleteConnectSimRecords, findConnectSimById, lockSimProfileById, selectConnectSims } from './connect-sims.store.ts';
import { anyDataUsed } from '../subscriptions/connect-subscriptions.store.ts';
import { deletePreference, selectPreferences, upsertPreference } from '../webhooks/notification-preferences.store.ts';
import { refusedUrl, type OutboundPolicy } from '../../network/outbound/guard.ts';
import { checkCustomerScope, type CustomerScope } from '../customers/scope.ts';

const NOTIFICATION_TYPES = ['USAGE_THRESHOLD', 'SUBSCRIPTION_END'] as const;
/** The provider's documentation misspells one type; both spellings are taken. */
const TYPE_ALIASES: Record<string, string> = { SUBSCRITPION_END: 'SUBSCRIPTION_END' };

/** The profile's state as Connect names it. */
export function simStatus(state: string): string {
  return { released: 'Released', downloaded: 'Downloaded', installed: 'Installed' }[state] ?? 'Unavailable';
}

/** The reseller's SIM (its customer's, for an ACCOUNT_MANAGER: see customers/scope.ts). */
export async function getConnectSim(db: Executor, organizationId: string, iccid: string, customer?: CustomerScope) {
  const sim = await findConnectSimById(db, iccid);
  if (!sim) throw notFound(`SIM ${iccid}`);
  checkSimAccess(sim, organizationId, iccid, customer);
  return sim;
}

/** Refuses another organization's SIM, or another customer's. */
export function checkSimAccess(sim: { organizationId: string; customerId: string | null }, organizationId: string, iccid: string, customer?: CustomerScope): void {
  if (sim.organizationId !== organizationId) throw accessDenied(`SIM ${iccid} belongs to another client`);
  checkCustomerScope(customer, sim.customerId, `SIM ${iccid}`);
}

export const listConnectSims = selectConnectSims;

/** States a profile may be in and still be taken back: never downloaded to a device. */
const NEVER_INSTALLED = ['allocated', 'released'];

/**
 * Takes back a SIM the customer could not use (no eSIM support, a locked device): only
 * if the profile was never installed and no subscription used data. Its subscriptions
 * and preferences go, the ICCID returns to stock, and the profile to the SM-DP+'s.
 */
export async function deleteConnectSim(db: Db, smdp: SmdpAdapter, organizationId: string, iccid: string, customer?: CustomerScope): Promise<void> {
  await getConnectSim(db, organizationId, iccid, customer);
  await db.transaction(async (tx) => {
    const sim = await lockSimProfileById(tx, iccid);
    if (!sim || !NEVER_INSTALLED.includes(sim.state)) throw conflict(`SIM ${iccid} was installed on a device; it can no longer be deleted`);
    if (await anyDataUsed(tx, iccid)) throw conflict(`SIM ${iccid} has used data; it can no longer be deleted`);
    await deleteConnectSimRecords(tx, organizationId, iccid);
    await endHolding(tx, organizationId, 'iccid', iccid, new Date());
    await releaseSim(tx, iccid);
  });
  await retireProfile(smdp, iccid, 'Available');
}

/**
 * Binds the profile to another device's EID, while it is not on a device (Released or
 * Unavailable): the SM-DP+ order is cancelled and placed again for the new EID.
 */
export async function changeEid(db: Db, smdp: SmdpAdapter, organizationId: string, iccid: string, eid: string, customer?: CustomerScope) {
  const sim = await getConnectSim(db, organizationId, iccid, customer);
  const status = simStatus(sim.state);
  if (status !== 'Released' && status !== 'Unavailable') throw conflict(`SIM ${iccid} is ${status}; its EID can change only while Released or Unavailable`);
  await rebindProfile(db, smdp, iccid, eid);
}

export function notificationType(raw: string): string {
  const type = TYPE_ALIASES[raw] ?? raw;
  if (!(NOTIFICATION_TYPES as readonly string[]).includes(type)) throw invalidParams(`type: must be one of ${NOTIFICATION_TYPES.join(', ')}`);
  return type;
}

export async function getPreferences(db: Executor, organizationId: string, iccid: string, customer?: CustomerScope) {
  await getConnectSim(db, organizationId, iccid, customer);
  return selectPreferences(db, organizationId, iccid);
}

export async function setPreference(db: Executor, organizationId: string, iccid: string, rawType: string, webhookUrl: string, policy: OutboundPolicy, customer?: CustomerScope) {
  const refusal = refusedUrl(webhookUrl, policy);
  if (refusal) throw invalidParams(`webhook_url: ${refusal}`);
  await getConnectSim(db, organizationId, iccid, customer);
  await upsertPreference(db, organizationId, iccid, notificationType(rawType), webhookUrl);
}

export async function removePreference(db: Executor, organizationId: string, iccid: string, rawType: string, customer?: CustomerScope) {
  await getConnectSim(db, organizationId, iccid, customer);
  const type = notificationType(rawType);
  if (!(await deletePreference(db, organizationId, iccid, type))) throw notFound(`${type} notification for SIM ${iccid}`);
}
