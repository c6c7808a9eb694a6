// SIM inventory: the operator imports ICCIDs (Luhn-checked); orders draw from the stock.
import type { Executor } from '../../db/database.ts';
import { invalidParams } from '../errors.ts';
import { isIccid } from '../telecom.ts';
import * as store from './sims.store.ts';

export const SIM_TYPES = ['esim', 'psim'] as const;
export type SimType = (typeof SIM_TYPES)[number];

export async function importSims(db: Executor, iccids: string[], simType: SimType) {
  const bad = iccids.map((iccid, i) => ({ iccid, i })).filter(({ iccid }) => !isIccid(iccid));
  if (bad.length > 0) {
    throw invalidParams(bad.slice(0, 20).map(({ iccid, i }) => `iccids[${i}]: "${iccid}" is not an ICCID (19 digits from 89, Luhn check digit last)`));
  }
  const unique = [...new Set(iccids)];
  const imported = await store.insertStock(db, unique, simType);
  return { imported: imported.length, duplicates: iccids.length - imported.length };
}

export const listSims = store.listSims;
export const countSimsByState = store.countSimsByState;
