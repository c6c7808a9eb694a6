import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { newestFirst } from '../../db/pages.ts';
import { accounts } from '../../db/schema.ts';

export type Account = typeof accounts.$inferSelect;

export async function insertAccount(db: Executor, row: typeof accounts.$inferInsert): Promise<Account> {
  const [created] = await db.insert(accounts).values(row).returning();
  return created;
}

export async function findAccount(db: Executor, organizationId: string, id: string): Promise<Account | undefined> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.organizationId, organizationId), eq(accounts.id, id)));
  return row;
}

export function listAccounts(db: Executor, organizationId: string, after: string | undefined, rows: number) {
  return newestFirst(db, accounts, [eq(accounts.organizationId, organizationId)], { after, rows });
}
