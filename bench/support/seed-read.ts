// Seeds a large organization for bench/read with set-based SQL (provisioning one by one
// would take longer than the benchmark): subscribers, SIM profiles, subscriptions,
// numbers and services, each row as the services would make it.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/database.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { createAccount } from '../../src/domain/accounts/accounts.service.ts';
import { createPool } from '../../src/domain/inventory/numbers.service.ts';
import { LICENCES } from '../../src/auth/licences.ts';
import { encodeCursor } from '../../src/http/cursor.ts';

export async function seedReadBench(databaseUrl: string, count: number) {
  const database = await openDatabase({ databaseUrl, poolSize: 2 });
  const db = database.db;
  const org = await createOrganization(db, { name: 'Bench Org', licences: [...LICENCES] });
  const { client, secret } = await createClient(db, org.id, { name: 'bench', family: 'enterprise', licences: [...LICENCES] });
  const account = await createAccount(db, org.id, { name: 'Bench HQ', country: 'GB' });
  const pool = await createPool(db, { name: 'bench-pool', country: 'GB' });
  const id = (prefix: string) => sql.raw(`'${prefix}' || lpad(upper(to_hex(i)), 26, '0')`);
  const series = sql`generate_series(1, ${count}) AS i`;
  await db.execute(sql`INSERT INTO subscribers (id, organization_id, first_name, last_name, email, employee_id, "group", created_at)
    SELECT ${id('sbr_')}, ${org.id}, 'First' || i, 'Last' || i, 'person' || i || '@bench.example', 'E' || i, 'G' || (i % 10),
           now() - make_interval(secs => ${count} - i) FROM ${series}`);
  await db.execute(sql`INSERT INTO sim_profiles (iccid, organization_id, sim_type, state, smdp_address, matching_id, eid, allocated_at)
    SELECT '8944' || lpad(i::text, 15, '0'), ${org.id}, 'esim', 'installed', 'smdp.bench.example', 'MATCH-' || i,
           lpad(i::text, 32, '0'), now() FROM ${series}`);
  await db.execute(sql`INSERT INTO subscriptions (id, organization_id, account_id, subscriber_id, iccid, status, created_at)
    SELECT ${id('sub_')}, ${org.id}, ${account.id}, ${id('sbr_')}, '8944' || lpad(i::text, 15, '0'),
           CASE WHEN i % 10 = 0 THEN 'terminated' WHEN i % 10 = 1 THEN 'suspended' ELSE 'active' END,
           now() - make_interval(secs => ${count} - i) FROM ${series}`);
  await db.execute(sql`UPDATE sim_profiles SET subscription_id = 'sub_' || lpad(upper(to_hex(substr(iccid, 5)::bigint)), 26, '0')
    WHERE organization_id = ${org.id}`);
  await db.execute(sql`INSERT INTO phone_numbers (msisdn, pool_id, country, organization_id, subscription_id, is_primary, state)
    SELECT '44' || lpad(i::text, 10, '0'), ${pool.id}, 'GB', ${org.id}, ${id('sub_')}, true, 'assigned' FROM ${series}`);
  await db.execute(sql`INSERT INTO services (organization_id, subscription_id, type, enabled)
    SELECT ${org.id}, ${id('sub_')}, t, i % 10 <> 1 FROM ${series}, unnest(ARRAY['voice', 'sms', 'data']) AS t`);
  await db.execute(sql`ANALYZE`);
  await database.close();
  const idOf = (i: number) => 'sub_' + i.toString(16).toUpperCase().padStart(26, '0');
  return {
    clientId: client.clientId,
    secret,
    sampleId: idOf(Math.ceil(count / 3)),
    middleCursor: encodeCursor(idOf(Math.ceil(count / 2)), { status: undefined }),
  };
}
