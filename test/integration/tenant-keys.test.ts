// The design's rule, read from the migrated database itself: every table holding tenant
// data carries a NOT NULL organization_id that leads its primary key, so that a tenant's
// rows can be co-located when the database is sharded by organization. A table keyed by
// one id of its own (a ULID or an outside system's id, as orders and SMSC submissions
// are) may keep that key, if an index led by organization_id finds the tenant's rows.
// Anything else is named below with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startHarness, type Harness } from '../support/harness.ts';
import { queryRows, type Executor } from '../../src/db/database.ts';

/** Schemas of the machinery, not of tenants. */
const GLOBAL_SCHEMAS: Record<string, string> = {
  drizzle: 'the migrations applied',
  pgboss: 'the job queue (a job names its tenant in its payload)',
};

/** Tables without tenant data, or whose rows belong to no organization. */
const GLOBAL_TABLES: Record<string, string> = {
  organizations: 'the tenants themselves',
  settings: 'instance-wide settings',
  signing_keys: 'the installation’s token signing keys',
  refresh_tokens: 'token bookkeeping by token id, read before any organization is known',
  rate_limit_counters: 'per-process-shared counters keyed by client and route',
  number_pools: 'the operator’s pools of numbers, shared by every organization',
  exchange_rates: 'the operator’s exchange rates, which price every reseller’s products alike',
  operator_idempotency_keys: 'the operator’s Idempotency-Keys: the operator belongs to no organization',
  sms_receipts: 'SMSC receipts not yet matched to a submission: whose they are is not known yet',
  smsc_sim_messages: 'the built-in SMSC simulator’s own state (it stands in for the network)',
  smdp_sim_profiles: 'the built-in SM-DP+ simulator’s own state (it stands in for the network)',
  console_sessions: 'console sessions, found by the cookie’s hash before any organization is known',
  console_invitations: 'one-time invitation links, found by the token’s hash before any organization is known',
};

/** Tenant tables that follow the rule differently, and why. */
const EXCEPTIONS: Record<string, string> = {
  sim_profiles: 'stock: a free SIM belongs to no organization (organization_id null) until an order allocates it',
  phone_numbers: 'stock: a free number belongs to no organization (organization_id null) until it is assigned',
  people: 'console people: operator staff belong to no organization (organization_id null); a member’s rows are found by people_org_idx, led by organization_id',
  mail_messages: 'mail to operator staff (their invitations) belongs to no organization (organization_id null)',
  usage_items: 'partitioned by started_at and keyed by the network’s record (a re-sent one is refused whoever it was rated to); its lists use indexes led by organization_id',
};

interface TableShape {
  schema: string;
  table: string;
  /** 'YES', 'NO', or null without the column. */
  organization_nullable: string | null;
  primary_key: string[] | null;
  organization_index: boolean;
}

async function tableShapes(db: Executor): Promise<TableShape[]> {
  return queryRows<TableShape>(
    db,
    sql`
    SELECT t.table_schema AS schema, t.table_name AS table,
      (SELECT c.is_nullable FROM information_schema.columns c
       WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'organization_id') AS organization_nullable,
      (SELECT array_agg(k.column_name::text ORDER BY k.ordinal_position)
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage k ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
       WHERE tc.table_schema = t.table_schema AND tc.table_name = t.table_name AND tc.constraint_type = 'PRIMARY KEY') AS primary_key,
      EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
              WHERE i.indrelid = format('%I.%I', t.table_schema, t.table_name)::regclass AND a.attname = 'organization_id') AS organization_index
    FROM information_schema.tables t
    WHERE t.table_type = 'BASE TABLE' AND t.table_schema NOT IN ('pg_catalog', 'information_schema')
      -- A partition has its parent's keys.
      AND NOT (SELECT c.relispartition FROM pg_class c WHERE c.oid = format('%I.%I', t.table_schema, t.table_name)::regclass)
    ORDER BY 1, 2`,
  );
}

/** What is wrong with each tenant table, one line each. */
function violations(shapes: TableShape[]): string[] {
  const wrong: string[] = [];
  for (const t of shapes) {
    if (t.schema in GLOBAL_SCHEMAS) continue;
    const name = t.schema === 'public' ? t.table : `${t.schema}.${t.table}`;
    if (name in GLOBAL_TABLES || name in EXCEPTIONS) continue;
    if (t.organization_nullable === null) {
      wrong.push(`${name}: no organization_id`);
      continue;
    }
    if (t.organization_nullable !== 'NO') wrong.push(`${name}: organization_id may be null`);
    const key = t.primary_key ?? [];
    const ownId = key.length === 1 && t.organization_index;
    if (key[0] !== 'organization_id' && !ownId) wrong.push(`${name}: primary key (${key.join(', ')}) does not lead with organization_id`);
  }
  return wrong;
}

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ WORKERS: 'off' });
});
afterAll(() => h?.close());

describe('tenant keys', () => {
  it('every table with tenant data leads its primary key with a NOT NULL organization_id', async () => {
    const shapes = await tableShapes(h.platform.db);
    expect(violations(shapes)).toEqual([]);
    // The lists name tables that exist: one dropped or renamed is taken off them.
    const names = new Set(shapes.map((t) => t.table));
    expect([...Object.keys(GLOBAL_TABLES), ...Object.keys(EXCEPTIONS)].filter((n) => !names.has(n))).toEqual([]);
    expect(new Set(shapes.map((t) => t.schema))).toEqual(new Set(['public', ...Object.keys(GLOBAL_SCHEMAS)]));
  });

  it('names a table that breaks the rule', async () => {
    // This test file's own database: the tables go with it.
    for (const table of [
      'widgets (message_id text, position int, PRIMARY KEY (message_id, position))',
      'gadgets (organization_id text, message_id text, position int, PRIMARY KEY (message_id, position))',
      'gizmos (id text PRIMARY KEY, organization_id text NOT NULL)',
    ]) {
      await h.platform.db.execute(sql.raw(`CREATE TABLE ${table}`));
    }
    expect(violations(await tableShapes(h.platform.db))).toEqual([
      'gadgets: organization_id may be null',
      'gadgets: primary key (message_id, position) does not lead with organization_id',
      'gizmos: primary key (id) does not lead with organization_id',
      'widgets: no organization_id',
    ]);
  });
});
