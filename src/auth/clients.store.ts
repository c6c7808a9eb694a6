import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { apiClients, organizations } from '../db/schema.ts';

export type ApiClient = typeof apiClients.$inferSelect;

export async function insertClient(db: Executor, row: typeof apiClients.$inferInsert): Promise<ApiClient> {
  const [created] = await db.insert(apiClients).values(row).returning();
  return created;
}

/** An enabled client with its organization's licences, for authentication. */
export async function findActiveClient(db: Executor, clientId: string) {
  const [row] = await db
    .select({ client: apiClients, organizationLicences: organizations.licences })
    .from(apiClients)
    .innerJoin(organizations, eq(organizations.id, apiClients.organizationId))
    .where(and(eq(apiClients.clientId, clientId), isNull(apiClients.disabledAt)));
  return row;
}

export async function listClients(db: Executor, organizationId: string): Promise<ApiClient[]> {
  return db.select().from(apiClients).where(eq(apiClients.organizationId, organizationId)).orderBy(desc(apiClients.createdAt));
}

export async function disableClient(db: Executor, organizationId: string, clientId: string): Promise<boolean> {
  const rows = await db
    .update(apiClients)
    .set({ disabledAt: new Date() })
    .where(and(eq(apiClients.organizationId, organizationId), eq(apiClients.clientId, clientId), isNull(apiClients.disabledAt)))
    .returning({ clientId: apiClients.clientId });
  return rows.length > 0;
}

/** A new secret hash for an enabled client of the organization; undefined when there is none. */
export async function replaceSecretHash(db: Executor, organizationId: string, clientId: string, secretHash: string): Promise<ApiClient | undefined> {
  const [row] = await db
    .update(apiClients)
    .set({ secretHash })
    .where(and(eq(apiClients.organizationId, organizationId), eq(apiClients.clientId, clientId), isNull(apiClients.disabledAt)))
    .returning();
  return row;
}
