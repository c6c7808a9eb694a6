import { desc, eq, lt, and } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { mailMessages } from '../../db/schema.ts';

export type MailMessage = typeof mailMessages.$inferSelect;

export async function insertMail(db: Executor, row: typeof mailMessages.$inferInsert): Promise<void> {
  await db.insert(mailMessages).values(row);
}

export async function listMail(db: Executor, filter: { state?: string; after?: string; rows: number }) {
  return db
    .select()
    .from(mailMessages)
    .where(and(filter.state ? eq(mailMessages.state, filter.state) : undefined, filter.after ? lt(mailMessages.id, filter.after) : undefined))
    .orderBy(desc(mailMessages.id))
    .limit(filter.rows);
}

export async function findMail(db: Executor, id: string): Promise<MailMessage | undefined> {
  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
  return row;
}
