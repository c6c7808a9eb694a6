import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { newestFirst } from '../../db/pages.ts';
import { organizations } from '../../db/schema.ts';

export type Organization = typeof organizations.$inferSelect;

export async function insertOrganization(db: Executor, row: typeof organizations.$inferInsert): Promise<Organization> {
  const [created] = await db.insert(organizations).values(row).returning();
  return created;
}

export async function findOrganization(db: Executor, id: string): Promise<Organization | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

export function listOrganizations(db: Executor, after: string | undefined, limit: number): Promise<Organization[]> {
  return newestFirst(db, organizations, [], { after, rows: limit });
}

export async function updateOrganizationLicences(db: Executor, id: string, licences: string[]): Promise<Organization | undefined> {
  const [row] = await db.update(organizations).set({ licences }).where(eq(organizations.id, id)).returning();
  return row;
}
