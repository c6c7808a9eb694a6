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

/** A terminated subscription's numbers rest in quarantine before they can be reused. */
export async function quarantineNumbers(db: Executor, subscriptionId: string, until: Date): Promise<void> {
  await db.update(phoneNumbers).set({ state: 'quarantined', quarantinedUntil: until }).where(eq(phoneNumbers.subscriptionId, subscriptionId));
}

/** Numbers whose quarantine has passed go back to their pool. */
export async function releaseQuarantinedNumbers(db: Executor, now = new Date()): Promise<number> {
  const rows = await db
    .update(phoneNumbers)
    .set({ state: 'available', organizationId: null, subscriptionId: null, isPrimary: false, quarantinedUntil: null })
    .where(sql`${phoneNumbers.state} = 'quarantined' AND ${phoneNumbers.quarantinedUntil} <= ${now}`)
    .returning({ msisdn: phoneNumbers.msisdn });
  return rows.length;
}
