import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { subscribers } from '../../db/schema.ts';

export type Subscriber = typeof subscribers.$inferSelect;

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
