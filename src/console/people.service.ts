// Changing a person: their role (within their scope's roles) and whether they are
// disabled. Disabling ends their sessions at once; their API tokens stop within the
// client directory's few seconds.
import type { Db, Executor } from '../db/database.ts';
import { invalidParams, notFound } from '../domain/errors.ts';
import { MEMBER_ROLES, OPERATOR_ROLES } from './roles.ts';
import * as store from './people.store.ts';
import type { Person } from './people.store.ts';

export interface PersonChange {
  role?: string;
  disabled?: boolean;
}

export async function getPerson(db: Executor, id: string): Promise<Person> {
  const person = await store.findPerson(db, id);
  if (!person) throw notFound(`person ${id}`);
  return person;
}

export async function changePerson(db: Db, id: string, change: PersonChange, now = new Date()): Promise<Person> {
  return db.transaction(async (tx) => {
    const person = await getPerson(tx, id);
    const roles: readonly string[] = person.organizationId ? MEMBER_ROLES : OPERATOR_ROLES;
    if (change.role !== undefined && !roles.includes(change.role)) {
      throw invalidParams(`role: must be one of ${roles.join(', ')} for ${person.organizationId ? 'a member of an organization' : 'operator staff'}`);
    }
    const disabledAt = change.disabled === undefined ? undefined : change.disabled ? (person.disabledAt ?? now) : null;
    const updated = await store.updatePerson(tx, id, { ...(change.role !== undefined ? { role: change.role } : {}), ...(disabledAt !== undefined ? { disabledAt } : {}) });
    if (change.disabled) await store.deleteSessionsOf(tx, id);
    return updated!;
  });
}

export const listPeople = store.listPeople;
