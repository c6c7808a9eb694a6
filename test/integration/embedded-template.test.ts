// A first start on the embedded database makes it from the build's template (an empty
// database with every migration applied) rather than running initdb and each migration:
// the database it makes is migrated at once, with every migration recorded as drizzle
// records them, so migrate() has nothing left to do. A template made by another PGlite,
// or a data directory that already holds a database, is never used.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, pgliteVersion, queryRows, templateFor } from '../../src/db/database.ts';
import { sql } from 'drizzle-orm';

const dir = mkdtempSync(join(tmpdir(), 'cellhub-template-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The run's migrated database (test/support/global-setup.ts) as a template made by `pglite`. */
function template(pglite: string) {
  const manifest = join(dir, `manifest-${pglite}.json`);
  writeFileSync(manifest, JSON.stringify({ pglite }));
  return { tarball: inject('pgliteDump'), manifest };
}

const journal = JSON.parse(readFileSync(new URL('../../src/db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] };

describe.skipIf(Boolean(process.env.DATABASE_URL))("the embedded database's template", () => {
  it('makes a new database migrated at once, every migration recorded', async () => {
    const database = await openDatabase({ dataDir: join(dir, 'new'), template: template(pgliteVersion()) });
    try {
      expect(await database.migrated()).toBe(true);
      const [{ n }] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
      expect(n).toBe(journal.entries.length);
      await database.migrate();
      const [{ webhooks }] = await queryRows<{ webhooks: string | null }>(database.db, sql`SELECT to_regclass('public.webhook_deliveries')::text AS webhooks`);
      expect(webhooks).toBe('webhook_deliveries');
    } finally {
      await database.close();
    }
    // Reopened, it is the same database (the template was written to its directory).
    const reopened = await openDatabase({ dataDir: join(dir, 'new'), template: template(pgliteVersion()) });
    try {
      expect(await reopened.migrated()).toBe(true);
    } finally {
      await reopened.close();
    }
  });

  it('is not used when another PGlite made it, nor over a database already there', () => {
    expect(templateFor(join(dir, 'other'), template(pgliteVersion()))).toBeInstanceOf(Blob);
    expect(templateFor(join(dir, 'other'), template('0.0.1'))).toBeUndefined();
    mkdirSync(join(dir, 'held'));
    writeFileSync(join(dir, 'held', 'PG_VERSION'), '17\n');
    expect(templateFor(join(dir, 'held'), template(pgliteVersion()))).toBeUndefined();
    expect(templateFor(join(dir, 'other'), { tarball: join(dir, 'missing.tar.gz'), manifest: template(pgliteVersion()).manifest })).toBeUndefined();
  });
});
