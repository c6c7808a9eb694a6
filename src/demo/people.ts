// The demo's console people: an operator admin, and for each demo organization an admin
// of its Enterprise console and one of its Connect (reseller) console. Their passwords
// are derived from the installation's demo key, as the demo clients' secrets are, so
// they print again on every run and none is written in this repository. Made with the
// world, or on the next run for a world seeded before people existed.
import type { Executor } from '../db/database.ts';
import { hashSecret } from '../auth/secrets.ts';
import { newId } from '../domain/ids.ts';
import { findPersonByEmail, insertPerson } from '../console/people.store.ts';
import { demoSecret } from './credentials.ts';
import { DEMO_ORGANIZATIONS } from './data.ts';

export const DEMO_OPERATOR_EMAIL = 'operator@demo.cellhub.test';

export interface DemoPerson {
  email: string;
  password: string;
  name: string;
  role: 'admin';
  scope: 'operator' | 'organization';
  organization: { id: string; name: string; family: 'enterprise' | 'connect' } | null;
}

interface Seeded {
  id: string;
  slug: string;
  name: string;
}

/** Long enough for the password rule, short enough to type. */
const demoPassword = (key: string, email: string) => demoSecret(key, `person ${email}`).slice(0, 20);

function demoPeopleOf(key: string, organizations: Seeded[]): (DemoPerson & { organizationId: string | null })[] {
  const person = (email: string, name: string, organization: DemoPerson['organization']) => ({
    email,
    password: demoPassword(key, email),
    name,
    role: 'admin' as const,
    scope: organization ? ('organization' as const) : ('operator' as const),
    organization,
    organizationId: organization?.id ?? null,
  });
  return [
    person(DEMO_OPERATOR_EMAIL, 'Demo Operator', null),
    ...organizations.flatMap((org) => {
      const { domain } = DEMO_ORGANIZATIONS.find((o) => o.slug === org.slug)!;
      return [
        person(`admin@${domain}`, `${org.name} Admin`, { id: org.id, name: org.name, family: 'enterprise' }),
        person(`reseller@${domain}`, `${org.name} Reseller Desk`, { id: org.id, name: org.name, family: 'connect' }),
      ];
    }),
  ];
}

/** The demo people, made where missing (an address someone else holds is left alone). */
export async function demoPeople(db: Executor, key: string, organizations: Seeded[]): Promise<DemoPerson[]> {
  const people = demoPeopleOf(key, organizations);
  for (const p of people) {
    if (await findPersonByEmail(db, p.email)) continue;
    await insertPerson(db, {
      id: newId('person'),
      email: p.email,
      name: p.name,
      role: p.role,
      organizationId: p.organizationId,
      family: p.organization?.family ?? null,
      passwordHash: await hashSecret(p.password),
    });
  }
  return people.map(({ organizationId: _, ...p }) => p);
}
