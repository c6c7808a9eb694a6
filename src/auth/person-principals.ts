// A console person's tokens name the client `person:<id>` (console/session-tokens.ts):
// the partner APIs' guard resolves them here to a principal like an API client's, with
// their organization's licences (enterprise) or the RESELLER role (Connect), and
// read-only for a viewer.
import type { Executor } from '../db/database.ts';
import { findOrganization } from '../domain/organizations/organizations.store.ts';
import { findPerson, type Person } from '../console/people.store.ts';
import type { Principal } from './clients.service.ts';
import type { Licence } from './licences.ts';
import { PERSON_CLIENT_PREFIX } from './tokens.ts';

export const personClientId = (personId: string): string => PERSON_CLIENT_PREFIX + personId;

export function personIdOf(clientId: string): string | undefined {
  return clientId.startsWith(PERSON_CLIENT_PREFIX) ? clientId.slice(PERSON_CLIENT_PREFIX.length) : undefined;
}

/** An active person who may use the APIs: not disabled, and with a password set. */
export async function activePerson(db: Executor, personId: string): Promise<Person | undefined> {
  const person = await findPerson(db, personId);
  return person && !person.disabledAt && person.passwordHash ? person : undefined;
}

/** The principal of an organization member's token; undefined for operator staff or anyone inactive. */
export async function personPrincipal(db: Executor, personId: string): Promise<Principal | undefined> {
  const person = await activePerson(db, personId);
  if (!person?.organizationId) return undefined;
  const organization = await findOrganization(db, person.organizationId);
  if (!organization) return undefined;
  const connect = person.family === 'connect';
  return {
    clientId: personClientId(person.id),
    organizationId: organization.id,
    family: connect ? 'connect' : 'enterprise',
    role: connect ? 'RESELLER' : null,
    licences: connect ? [] : (organization.licences as Licence[]),
    readOnly: person.role === 'viewer',
  };
}
