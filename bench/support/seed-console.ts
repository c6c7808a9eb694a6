// An organization of `count` subscriptions for the console's page bench, made with
// set-based SQL as bench/read's seeding does, and an admin who logs in to the console.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../src/db/database.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createAccount } from '../../src/domain/accounts/accounts.service.ts';
import { createPool } from '../../src/domain/inventory/numbers.service.ts';
import { LICENCES } from '../../src/auth/licences.ts';
import { hashSecret } from '../../src/auth/secrets.ts';
import { newId } from '../../src/domain/ids.ts';
import { insertPerson } from '../../src/console/people.store.ts';

export async function seedConsoleBench(db: Executor, count: number, login: { email: string; password: string }) {
  const org = await createOrganization(db, { name: 'Console Bench', licences: [...LICENCES] });
  const account = await createAccount(db, org.id, { name: 'Bench HQ', country: 'GB' });
  const pool = await createPool(db, { name: 'console-bench-pool', country: 'GB' });
  const id = (prefix: string) => sql.raw(`'${prefix}' || lpad(upper(to_hex(i)), 26, '0')`);
  const series = sql`generate_series(1, ${count}) AS i`;
  await db.execute(sql`INSERT INTO subscribers (id, organization_id, first_name, last_name, email, created_at)
    SELECT ${id('sbr_')}, ${org.id}, 'First' || i, 'Last' || i, 'person' || i || '@bench.example', now() - make_interval(secs => ${count} - i) FROM ${series}`);
  await db.execute(sql`INSERT INTO sim_profiles (iccid, organization_id, sim_type, state, smdp_address, matching_id, allocated_at)
    SELECT '8944' || lpad(i::text, 15, '0'), ${org.id}, 'esim', 'installed', 'smdp.bench.example', 'MATCH-' || i, now() FROM ${series}`);
  await db.execute(sql`INSERT INTO subscriptions (id, organization_id, account_id, subscriber_id, iccid, status, created_at)
    SELECT ${id('sub_')}, ${org.id}, ${account.id}, ${id('sbr_')}, '8944' || lpad(i::text, 15, '0'), 'active', now() - make_interval(secs => ${count} - i) FROM ${series}`);
  await db.execute(sql`INSERT INTO phone_numbers (msisdn, pool_id, country, organization_id, subscription_id, is_primary, state)
    SELECT '44' || lpad(i::text, 10, '0'), ${pool.id}, 'GB', ${org.id}, ${id('sub_')}, true, 'assigned' FROM ${series}`);
  await insertPerson(db, {
    id: newId('person'),
    email: login.email,
    name: 'Bench Admin',
    role: 'admin',
    organizationId: org.id,
    family: 'enterprise',
    passwordHash: await hashSecret(login.password),
  });
  return org;
}
