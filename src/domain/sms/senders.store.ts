import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { authorizedSenders } from '../../db/schema.ts';

export async function insertSender(db: Executor, organizationId: string, msisdn: string): Promise<boolean> {
  const rows = await db.insert(authorizedSenders).values({ organizationId, msisdn }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function deleteSender(db: Executor, organizationId: string, msisdn: string): Promise<boolean> {
  const rows = await db
    .delete(authorizedSenders)
    .where(and(eq(authorizedSenders.organizationId, organizationId), eq(authorizedSenders.msisdn, msisdn)))
    .returning();
  return rows.length > 0;
}

export async function listSenders(db: Executor, organizationId: string) {
  return db.select().from(authorizedSenders).where(eq(authorizedSenders.organizationId, organizationId)).orderBy(asc(authorizedSenders.msisdn));
}
