// Device events on SIM profiles, as the SM-DP+ reports them (ES2+ HandleDownloadProgressInfo)
// or as an operator simulates them (cellhub sim event).
import type { Executor } from '../../db/database.ts';
import { conflict, notFound } from '../errors.ts';
import type { ProfileEvent } from '../../network/smdp/smdp.ts';
import { findSim, updateSim } from './sims.store.ts';
import { recordEvent } from '../events/events.service.ts';
import { subscriptionIdOfIccid } from '../subscriptions/subscriptions.store.ts';

/** The states an event may move a profile from. */
const FROM: Record<ProfileEvent, string[]> = {
  downloaded: ['released', 'downloaded'],
  installed: ['released', 'downloaded', 'installed', 'deleted'],
  deleted: ['downloaded', 'installed', 'deleted'],
};

/** Moves the profile on and records the organization's event, in one transaction. */
export async function applyProfileEvent(db: Executor, iccid: string, event: ProfileEvent, eid?: string) {
  return db.transaction(async (tx) => {
    const sim = await findSim(tx, iccid);
    if (!sim || !sim.organizationId) throw notFound(`SIM profile ${iccid}`);
    if (!FROM[event].includes(sim.state)) throw conflict(`SIM profile ${iccid} is ${sim.state}; it cannot become ${event}`);
    await updateSim(tx, iccid, { state: event, ...(eid ? { eid } : {}) });
    const subscriptionId = await subscriptionIdOfIccid(tx, sim.organizationId, iccid);
    if (subscriptionId) await recordEvent(tx, sim.organizationId, `sim_profile.${event}`, { kind: 'sim_profile', subscriptionId });
    return { iccid, state: event };
  });
}
