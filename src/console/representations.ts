// The JSON shapes of people and sessions, for the console API and the operator API.
import { Type } from 'typebox';
import { Nullable } from '../http/schemas.ts';
import type { Organization } from '../domain/organizations/organizations.store.ts';
import type { Person } from './people.store.ts';
import { apiOf } from './session-tokens.ts';

export const SessionPersonBody = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.Enum(['admin', 'support', 'viewer']),
  scope: Type.Enum(['operator', 'organization']),
  organization: Nullable(Type.Object({ id: Type.String(), name: Type.String(), family: Type.Enum(['enterprise', 'connect']) })),
});

export const SessionBody = Type.Object(
  { person: SessionPersonBody, csrfToken: Type.String({ description: 'Send it back as `X-CSRF-Token` on every state-changing console request' }) },
  { $id: 'ConsoleSession' },
);

export function sessionPersonJson(person: Person, organization: Organization | undefined) {
  const api = apiOf(person);
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    role: person.role as 'admin' | 'support' | 'viewer',
    scope: person.organizationId ? ('organization' as const) : ('operator' as const),
    organization: organization && api !== 'operator' ? { id: organization.id, name: organization.name, family: api } : null,
  };
}

export const PersonBody = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    role: Type.Enum(['admin', 'support', 'viewer']),
    scope: Type.Enum(['operator', 'organization']),
    organization_id: Nullable(Type.String()),
    family: Nullable(Type.Enum(['enterprise', 'connect'])),
    status: Type.Enum(['invited', 'active', 'locked', 'disabled'], { description: 'invited: no password set yet; locked: too many failed logins, for a while' }),
    created_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'ConsolePerson' },
);

function statusOf(person: Person, now: Date): 'invited' | 'active' | 'locked' | 'disabled' {
  if (person.disabledAt) return 'disabled';
  if (!person.passwordHash) return 'invited';
  if (person.lockedUntil && person.lockedUntil > now) return 'locked';
  return 'active';
}

export function personJson(person: Person, now = new Date()) {
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    role: person.role as 'admin' | 'support' | 'viewer',
    scope: person.organizationId ? ('organization' as const) : ('operator' as const),
    organization_id: person.organizationId,
    family: person.organizationId ? ((person.family ?? 'enterprise') as 'enterprise' | 'connect') : null,
    status: statusOf(person, now),
    created_at: person.createdAt.toISOString(),
  };
}
