import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { newestFirst, equalIfSet, type Page } from '../../db/pages.ts';
import { mailMessages } from '../../db/schema.ts';

export type MailMessage = typeof mailMessages.$inferSelect;

export async function insertMail(db: Executor, row: typeof mailMessages.$inferInsert): Promise<void> {
  await db.insert(mailMessages).values(row);
}

export function listMail(db: Executor, filter: { state?: string } & Page) {
  return newestFirst(db, mailMessages, [equalIfSet(mailMessages.state, filter.state)], filter);
}

export async function findMail(db: Executor, id: string): Promise<MailMessage | undefined> {
  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
  return row;
}

export async function updateMail(db: Executor, id: string, changes: Partial<Pick<MailMessage, 'state' | 'messageId' | 'sentAt' | 'error'>>): Promise<void> {
  await db.update(mailMessages).set(changes).where(eq(mailMessages.id, id));
}
