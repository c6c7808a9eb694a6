// Statements built once and prepared once per connection (db/statement.ts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startHarness, type Harness } from '../support/harness.ts';
import { queryRows } from '../../src/db/database.ts';
import { columnsOf, rowOf, runText, statement } from '../../src/db/statement.ts';
import { organizations } from '../../src/db/schema.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ WORKERS: 'off' });
});
afterAll(() => h.close());

const double = statement<{ twice: number; label: string }>(
  'test_double',
  () => sql`
  SELECT ${sql.placeholder('n')}::int * 2 AS twice, ${sql.placeholder('label')}::text AS label`,
);

it("binds each call's values to the one statement", async () => {
  expect(await double(h.platform.db, { n: 2, label: 'a' })).toEqual([{ twice: 4, label: 'a' }]);
  expect(await double(h.platform.db, { n: 21, label: 'b' })).toEqual([{ twice: 42, label: 'b' }]);
  await h.platform.db.transaction(async (tx) => {
    expect(await double(tx, { n: 5, label: 'in a transaction' })).toEqual([{ twice: 10, label: 'in a transaction' }]);
  });
});

it('is prepared on the connection under its name (PostgreSQL)', async ({ skip }) => {
  if (h.platform.database.kind !== 'postgres') skip('PGlite has no connections to prepare on');
  await h.platform.db.transaction(async (tx) => {
    await double(tx, { n: 1, label: 'x' });
    // The same transaction holds the same connection.
    const prepared = await queryRows<{ name: string }>(tx, sql`SELECT name FROM pg_prepared_statements WHERE name = 'test_double'`);
    expect(prepared).toEqual([{ name: 'test_double' }]);
  });
});

it('refuses a second statement under a name in use', () => {
  expect(() => statement('test_double', () => sql`SELECT 1`)).toThrow('a statement named test_double exists already');
});

const readOrganization = statement<Record<string, unknown>>(
  'test_columns',
  () => sql`
  SELECT ${columnsOf(organizations)} FROM ${organizations} WHERE id = ${sql.placeholder('id')}`,
);

it('reads rows returned through columnsOf as drizzle types them', async () => {
  const org = await h.tenant({ name: 'Columns' });
  const [raw] = await readOrganization(h.platform.db, { id: org.organizationId });
  const row = rowOf(organizations, raw);
  expect(row).toMatchObject({ id: org.organizationId, name: 'Columns' });
  expect(row.createdAt).toBeInstanceOf(Date);
});

it('runs a text with positional values, undefined ones as NULL', async () => {
  expect(await runText(h.platform.db, 'SELECT $1::int AS a, $2::text AS b', [7, undefined])).toEqual([{ a: 7, b: null }]);
});
