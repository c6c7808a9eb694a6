import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { newestFirst } from '../../db/pages.ts';
import { subscribers } from '../../db/schema.ts';

export type Subscriber = typeof subscribers.$inferSelect;

export async function findSubscriber(db: Executor, organizationId: string, id: string): Promise<Subscriber | undefined> {
  const [row] = await db
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.organizationId, organizationId), eq(subscribers.id, id)));
  return row;
}

export function listSubscribers(db: Executor, organizationId: string, after: string | undefined, rows: number) {
  return newestFirst(db, subscribers, [eq(subscribers.organizationId, organizationId)], { after, rows });
}
