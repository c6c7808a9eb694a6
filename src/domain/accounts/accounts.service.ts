// Business accounts: the organizational units (departments, branches) subscriptions belong to.
import type { Executor } from '../../db/database.ts';
import { invalidParams, notFound } from '../errors.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import { newId } from '../ids.ts';
import * as store from './accounts.store.ts';

export type { Account } from './accounts.store.ts';

export interface NewAccount {
  name: string;
  country: string;
  referenceCode?: string;
  createdAt?: Date;
}

export async function createAccount(db: Executor, organizationId: string, input: NewAccount) {
  await getOrganization(db, organizationId);
  if (!/^[A-Z]{2}$/.test(input.country)) throw invalidParams('country: must be an ISO 3166-1 alpha-2 code');
  if (!input.name.trim()) throw invalidParams('name: must not be blank');
  const id = newId('account', input.createdAt);
  return store.insertAccount(db, {
    id,
    organizationId,
    name: input.name.trim(),
    country: input.country,
    referenceCode: input.referenceCode ?? String(parseInt(id.slice(-8), 36) % 1_000_000_000).padStart(9, '0'),
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
  });
}

export async function getAccount(db: Executor, organizationId: string, id: string) {
  const account = await store.findAccount(db, organizationId, id);
  if (!account) throw notFound(`account ${id}`);
  return account;
}

export const listAccounts = store.listAccounts;
