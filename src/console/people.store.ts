// The SQL of console people, their sessions and their invitations; nothing else.
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { equalIfSet, newestFirst, type Page } from '../db/pages.ts';
import { consoleInvitations, consoleSessions, people } from '../db/schema.ts';

export type Person = typeof people.$inferSelect;
export type ConsoleSession = typeof consoleSessions.$inferSelect;

export async function insertPerson(db: Executor, row: typeof people.$inferInsert): Promise<Person | undefined> {
  const [created] = await db.insert(people).values(row).onConflictDoNothing().returning();
  return created;
}

export async function findPerson(db: Executor, id: string): Promise<Person | undefined> {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row;
}

export async function findPersonByEmail(db: Executor, email: string): Promise<Person | undefined> {
  const [row] = await db.select().from(people).where(eq(people.email, email));
  return row;
}

/** `organizationId` null: operator staff only; undefined: everyone. */
export function listPeople(db: Executor, filter: { organizationId?: string | null } & Page): Promise<Person[]> {
  const scope = filter.organizationId === null ? isNull(people.organizationId) : equalIfSet(people.organizationId, filter.organizationId);
  return newestFirst(db, people, [scope], filter);
}

export async function updatePerson(db: Executor, id: string, changes: Partial<Pick<Person, 'role' | 'disabledAt' | 'passwordHash'>>): Promise<Person | undefined> {
  const [row] = await db.update(people).set(changes).where(eq(people.id, id)).returning();
  return row;
}

/** Counts a failed login; once `limit` are reached, locks the person until `lockUntil` and starts counting again. */
export async function recordFailedLogin(db: Executor, id: string, limit: number, lockUntil: Date): Promise<void> {
  await db
    .update(people)
    .set({
      failedLogins: sql`CASE WHEN ${people.failedLogins} + 1 >= ${limit} THEN 0 ELSE ${people.failedLogins} + 1 END`,
      lockedUntil: sql`CASE WHEN ${people.failedLogins} + 1 >= ${limit} THEN ${lockUntil.toISOString()}::timestamptz ELSE ${people.lockedUntil} END`,
    })
    .where(eq(people.id, id));
}

export async function clearFailedLogins(db: Executor, id: string): Promise<void> {
  await db.update(people).set({ failedLogins: 0, lockedUntil: null }).where(eq(people.id, id));
}

export async function insertSession(db: Executor, row: typeof consoleSessions.$inferInsert): Promise<void> {
  await db.insert(consoleSessions).values(row);
}

export async function findLiveSession(db: Executor, idHash: string, now: Date): Promise<ConsoleSession | undefined> {
  const [row] = await db
    .select()
    .from(consoleSessions)
    .where(and(eq(consoleSessions.idHash, idHash), gt(consoleSessions.expiresAt, now)));
  return row;
}

export async function touchSession(db: Executor, idHash: string, now: Date): Promise<void> {
  await db.update(consoleSessions).set({ lastSeenAt: now }).where(eq(consoleSessions.idHash, idHash));
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.delete(consoleSessions).where(eq(consoleSessions.idHash, idHash));
}

/** A disabled person's sessions end at once. */
export async function deleteSessionsOf(db: Executor, personId: string): Promise<void> {
  await db.delete(consoleSessions).where(eq(consoleSessions.personId, personId));
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(consoleSessions).where(lt(consoleSessions.expiresAt, now));
}

export async function insertInvitation(db: Executor, row: typeof consoleInvitations.$inferInsert): Promise<void> {
  await db.insert(consoleInvitations).values(row);
}

/** Uses up a live invitation: answers its person's id, or undefined when it is unknown, used or expired. */
export async function consumeInvitation(db: Executor, tokenHash: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .update(consoleInvitations)
    .set({ usedAt: now })
    .where(and(eq(consoleInvitations.tokenHash, tokenHash), isNull(consoleInvitations.usedAt), gt(consoleInvitations.expiresAt, now)))
    .returning({ personId: consoleInvitations.personId });
  return row?.personId;
}
