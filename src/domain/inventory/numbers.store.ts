import { asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { numberPools, phoneNumbers } from '../../db/schema.ts';

export type NumberPool = typeof numberPools.$inferSelect;

export async function insertPool(db: Executor, row: typeof numberPools.$inferInsert): Promise<NumberPool> {
  const [created] = await db.insert(numberPools).values(row).returning();
  return created;
}

export async function findPool(db: Executor, id: string): Promise<NumberPool | undefined> {
  const [row] = await db.select().from(numberPools).where(eq(numberPools.id, id));
  return row;
}

export async function findPoolByName(db: Executor, name: string): Promise<NumberPool | undefined> {
  const [row] = await db.select().from(numberPools).where(eq(numberPools.name, name));
  return row;
}

/** Pools with how many of their numbers are in each state. */
export async function listPools(db: Executor) {
  return db
    .select({
      pool: numberPools,
      available: sql<number>`count(*) FILTER (WHERE ${phoneNumbers.state} = 'available')`.mapWith(Number),
      assigned: sql<number>`count(*) FILTER (WHERE ${phoneNumbers.state} = 'assigned')`.mapWith(Number),
      quarantined: sql<number>`count(*) FILTER (WHERE ${phoneNumbers.state} = 'quarantined')`.mapWith(Number),
      total: count(phoneNumbers.msisdn),
    })
    .from(numberPools)
    .leftJoin(phoneNumbers, eq(phoneNumbers.poolId, numberPools.id))
    .groupBy(numberPools.id)
    .orderBy(asc(numberPools.name));
}

export async function insertNumbers(db: Executor, poolId: string, country: string, msisdns: string[]): Promise<number> {
  if (msisdns.length === 0) return 0;
  const rows = await db
    .insert(phoneNumbers)
    .values(msisdns.map((msisdn) => ({ msisdn, poolId, country })))
    .onConflictDoNothing()
    .returning({ msisdn: phoneNumbers.msisdn });
  return rows.length;
}
