import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { simProfiles } from '../../db/schema.ts';

export type SimProfile = typeof simProfiles.$inferSelect;

/** Inserts new ICCIDs as free stock; answers the ones that were new. */
export async function insertStock(db: Executor, iccids: string[], simType: string): Promise<string[]> {
  if (iccids.length === 0) return [];
  const rows = await db
    .insert(simProfiles)
    .values(iccids.map((iccid) => ({ iccid, simType, state: 'available' })))
    .onConflictDoNothing()
    .returning({ iccid: simProfiles.iccid });
  return rows.map((r) => r.iccid);
}

export async function listSims(db: Executor, filter: { state?: string; after?: string; rows: number }) {
  return db
    .select()
    .from(simProfiles)
    .where(and(filter.state ? eq(simProfiles.state, filter.state) : undefined, filter.after ? gt(simProfiles.iccid, filter.after) : undefined))
    .orderBy(asc(simProfiles.iccid))
    .limit(filter.rows);
}

export async function countSimsByState(db: Executor) {
  return db
    .select({ simType: simProfiles.simType, state: simProfiles.state, count: count() })
    .from(simProfiles)
    .groupBy(simProfiles.simType, simProfiles.state)
    .orderBy(sql`1, 2`);
}

/** Takes one free ICCID of the type for the organization; concurrent callers never get the same one. */
export async function allocateSim(db: Executor, organizationId: string, simType: string): Promise<SimProfile | undefined> {
  const free = db
    .select({ iccid: simProfiles.iccid })
    .from(simProfiles)
    .where(and(eq(simProfiles.state, 'available'), eq(simProfiles.simType, simType)))
    .orderBy(asc(simProfiles.iccid))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(simProfiles)
    .set({ organizationId, state: 'allocated', allocatedAt: new Date(), updatedAt: new Date() })
    .where(inArray(simProfiles.iccid, free))
    .returning();
  return row;
}

export async function updateSim(db: Executor, iccid: string, changes: Partial<typeof simProfiles.$inferInsert>): Promise<void> {
  await db
    .update(simProfiles)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(simProfiles.iccid, iccid));
}

/** Puts a reserved ICCID back into free stock (an order that failed before using it). */
export async function releaseSim(db: Executor, iccid: string): Promise<void> {
  await db
    .update(simProfiles)
    .set({ organizationId: null, subscriptionId: null, state: 'available', matchingId: null, smdpAddress: null, eid: null, allocatedAt: null, updatedAt: new Date() })
    .where(eq(simProfiles.iccid, iccid));
}

export async function findSim(db: Executor, iccid: string): Promise<SimProfile | undefined> {
  const [row] = await db.select().from(simProfiles).where(eq(simProfiles.iccid, iccid));
  return row;
}
