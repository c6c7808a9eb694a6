// Organizations are the tenants: the operator creates them and grants licences.
import type { Executor } from '../../db/database.ts';
import { invalidParams, notFound } from '../errors.ts';
import { isLicence, type Licence } from '../../auth/licences.ts';
import { newId } from '../ids.ts';
import * as store from './organizations.store.ts';

export type { Organization } from './organizations.store.ts';

export function checkLicences(licences: string[], field = 'licences'): Licence[] {
  const unknown = licences.filter((l) => !isLicence(l));
  if (unknown.length > 0) throw invalidParams(`${field}: unknown licence ${unknown.join(', ')}`);
  return [...new Set(licences)] as Licence[];
}

export async function createOrganization(db: Executor, input: { name: string; licences?: string[]; id?: string }) {
  const name = input.name.trim();
  if (!name) throw invalidParams('name: must not be blank');
  return store.insertOrganization(db, {
    id: input.id ?? newId('organization'),
    name,
    licences: checkLicences(input.licences ?? []),
  });
}

export async function getOrganization(db: Executor, id: string) {
  const org = await store.findOrganization(db, id);
  if (!org) throw notFound(`organization ${id}`);
  return org;
}

export async function setLicences(db: Executor, id: string, licences: string[]) {
  const org = await store.updateOrganizationLicences(db, id, checkLicences(licences));
  if (!org) throw notFound(`organization ${id}`);
  return org;
}

export const listOrganizations = store.listOrganizations;
