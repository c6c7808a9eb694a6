// Number pools: MSISDNs per country, imported by the operator, drawn by order templates.
import type { Executor } from '../../db/database.ts';
import { conflict, invalidParams, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { normalizeMsisdn } from '../telecom.ts';
import * as store from './numbers.store.ts';

export type { NumberPool } from './numbers.store.ts';

export async function createPool(db: Executor, input: { name: string; country: string }) {
  if (!/^[A-Z]{2}$/.test(input.country)) throw invalidParams('country: must be an ISO 3166-1 alpha-2 code');
  if (!input.name.trim()) throw invalidParams('name: must not be blank');
  if (await store.findPoolByName(db, input.name.trim())) throw conflict(`name: a pool named ${input.name} exists`);
  return store.insertPool(db, { id: newId('numberPool'), name: input.name.trim(), country: input.country });
}

export async function importNumbers(db: Executor, poolId: string, msisdns: string[]) {
  const pool = await store.findPool(db, poolId);
  if (!pool) throw notFound(`number pool ${poolId}`);
  const normalized = msisdns.map(normalizeMsisdn);
  const bad = normalized.map((m, i) => ({ m, i })).filter(({ m }) => !/^[1-9]\d{6,14}$/.test(m));
  if (bad.length > 0) {
    throw invalidParams(bad.slice(0, 20).map(({ m, i }) => `msisdns[${i}]: "${m}" is not an E.164 number`));
  }
  const unique = [...new Set(normalized)];
  const imported = await store.insertNumbers(db, pool.id, pool.country, unique);
  return { imported, duplicates: msisdns.length - imported };
}

export const listPools = store.listPools;
