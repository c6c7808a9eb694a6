// The eSIM life cycle that both API families' orders share: reserve an ICCID from stock,
// prepare its profile at the SM-DP+, record it; on failure give the ICCID back and
// cancel the profile; retire a profile swapped out or deleted. One failure type and one
// retry policy for every fulfilment job.
import type { Db, Executor } from '../../db/database.ts';
import type { JobAttempt } from '../../jobs/queue.ts';
import { DomainError } from '../errors.ts';
import { SmdpRefusal, type PreparedProfile, type SmdpAdapter } from '../../network/smdp/smdp.ts';
import { allocateSim, releaseSim, updateSim } from './sims.store.ts';

export type SimType = 'esim' | 'psim';

/** A failure no retry can fix: the order fails with this reason at once. */
export class FulfilmentFailure extends Error {}

/** Refusals (the order's own, the SM-DP+'s, a domain rule's) are final; anything else is worth a retry. */
const isFinal = (error: unknown) => error instanceof FulfilmentFailure || error instanceof SmdpRefusal || error instanceof DomainError;

function reasonOf(error: unknown): string {
  if (error instanceof DomainError) return error.messages.join('; ');
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Runs a fulfilment job's work. A final failure, or any failure on the last attempt,
 * fails the order with its reason; any other is thrown back for the queue to retry with
 * backoff.
 */
export async function fulfilling(attempt: JobAttempt, work: () => Promise<void>, fail: (reason: string) => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!isFinal(error) && !attempt.last) throw error;
    await fail(reasonOf(error));
  }
}

/** The failure of an order that found its kind of SIM (named as its API family names it) out of stock. */
export const outOfStock = (simName: string) => new FulfilmentFailure(`no ${simName} left in SIM inventory`);

/** Takes a free ICCID of the type for the organization (never one another caller took), or fails the order. */
export async function reserveIccid(tx: Executor, organizationId: string, simType: SimType, simName: string = simType): Promise<string> {
  const sim = await allocateSim(tx, organizationId, simType);
  if (!sim) throw outOfStock(simName);
  return sim.iccid;
}

/** A reserved ICCID's profile, prepared at the SM-DP+; none for a physical SIM. A retry asks again and gets the same profile. */
export async function prepareProfile(smdp: SmdpAdapter, iccid: string, simType: SimType, eid?: string | null): Promise<PreparedProfile | undefined> {
  return simType === 'psim' ? undefined : smdp.prepareProfile(iccid, eid);
}

/** The prepared profile on its ICCID: released, ready for its device to download. */
export async function recordProfile(tx: Executor, iccid: string, profile: PreparedProfile, eid?: string | null): Promise<void> {
  await updateSim(tx, iccid, { state: 'released', ...profile, ...(eid === undefined ? {} : { eid }) });
}

export interface Reserved {
  iccid: string;
  simType: SimType;
}

/**
 * Fails an order and gives back what it took. `markFailed` marks the order failed in
 * the transaction and answers the ICCID it had reserved (undefined when the order was
 * no longer pending); the ICCID goes back to stock and the job completes in the same
 * transaction. Once committed, an eSIM profile that may have been ordered at the SM-DP+
 * goes back to its stock too (refused if it never got there).
 */
export async function failAndRelease(
  deps: { db: Db; smdp: SmdpAdapter },
  attempt: JobAttempt,
  markFailed: (tx: Executor) => Promise<{ reserved?: Reserved } | undefined>,
): Promise<void> {
  const toCancel = await deps.db.transaction(async (tx) => {
    const failed = await markFailed(tx);
    if (!failed) return undefined;
    if (failed.reserved) await releaseSim(tx, failed.reserved.iccid);
    await attempt.completeWithin(tx);
    return failed.reserved?.simType === 'esim' ? failed.reserved.iccid : undefined;
  });
  if (toCancel) await deps.smdp.cancelProfile(toCancel, 'Available').catch(() => {});
}

/**
 * A profile taken out of use, cancelled at the SM-DP+ once that is committed: retired
 * (Unavailable) when swapped out, back to stock (Available) when its SIM was taken back
 * before use. An installed profile cannot be cancelled there and is left for the device
 * to delete, so a refusal is expected and ignored.
 */
export async function retireProfile(smdp: SmdpAdapter, iccid: string, final: 'Available' | 'Unavailable' = 'Unavailable'): Promise<void> {
  await smdp.cancelProfile(iccid, final).catch(() => {});
}

/** Binds a profile that is on no device to another EID: its SM-DP+ order is cancelled and placed again. */
export async function rebindProfile(db: Executor, smdp: SmdpAdapter, iccid: string, eid: string): Promise<void> {
  await retireProfile(smdp, iccid, 'Available');
  await recordProfile(db, iccid, await smdp.prepareProfile(iccid, eid), eid);
}
