import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { subscribers } from '../../db/schema.ts';

export type Subscriber = typeof subscribers.$inferSelect;

/** Inserts the subscriber unless the organization has one with that email already (then undefined). */
export async function insertSubscriberIfNew(db: Executor, row: typeof subscribers.$inferInsert): Promise<Subscriber | undefined> {
  const [created] = await db.insert(subscribers).values(row).onConflictDoNothing().returning();
  return created;
}

export async function findSubscriber(db: Executor, organizationId: string, id: string): Promise<Subscriber | undefined> {
  const [row] = await db.select().from(subscribers).where(and(eq(subscribers.organizationId, organizationId), eq(subscribers.id, id)));
  return row;
}

export async function listSubscribers(db: Executor, organizationId: string, after: string | undefined, rows: number) {
  return db
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.organizationId, organizationId), after ? lt(subscribers.id, after) : undefined))
    .orderBy(desc(subscribers.id))
    .limit(rows);
}

export async function findSubscriberByEmail(db: Executor, organizationId: string, email: string): Promise<Subscriber | undefined> {
  const [row] = await db
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.organizationId, organizationId), sql`lower(${subscribers.email}) = lower(${email})`));
  return row;
}
