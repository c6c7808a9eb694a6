// Device events on SIM profiles, as the SM-DP+ reports them (ES2+ HandleDownloadProgressInfo)
// or as an operator simulates them (cellhub sim event).
import type { Executor } from '../../db/database.ts';
import { conflict, notFound } from '../errors.ts';
import type { ProfileEvent } from '../../network/smdp/smdp.ts';
import { findSim, updateSim } from './sims.store.ts';

/** The states an event may move a profile from. */
const FROM: Record<ProfileEvent, string[]> = {
  downloaded: ['released', 'downloaded'],
  installed: ['released', 'downloaded', 'installed', 'deleted'],
  deleted: ['downloaded', 'installed', 'deleted'],
};

export async function applyProfileEvent(db: Executor, iccid: string, event: ProfileEvent, eid?: string) {
  const sim = await findSim(db, iccid);
  if (!sim || !sim.organizationId) throw notFound(`SIM profile ${iccid}`);
  if (!FROM[event].includes(sim.state)) throw conflict(`SIM profile ${iccid} is ${sim.state}; it cannot become ${event}`);
  await updateSim(db, iccid, { state: event, ...(eid ? { eid } : {}) });
  return { iccid, state: event };
}
