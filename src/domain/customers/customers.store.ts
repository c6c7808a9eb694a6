// SQL of Connect customers. The API looks a customer up by its id alone (…ById) to tell
// another reseller's from none; everything else filters by organization.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { apiClients, connectCustomers, connectProducts } from '../../db/schema.ts';

export type Customer = typeof connectCustomers.$inferSelect;
export type CustomerRow = typeof connectCustomers.$inferInsert;

export async function insertCustomer(db: Executor, row: CustomerRow): Promise<Customer> {
  const [created] = await db.insert(connectCustomers).values(row).returning();
  return created;
}

export async function findCustomerById(db: Executor, id: string): Promise<Customer | undefined> {
  const [row] = await db.select().from(connectCustomers).where(eq(connectCustomers.id, id));
  return row;
}

/** Locks the customer's row until the transaction ends: changes to one customer take turns. */
export async function lockCustomer(db: Executor, organizationId: string, id: string): Promise<Customer | undefined> {
  const [row] = await db
    .select()
    .from(connectCustomers)
    .where(and(eq(connectCustomers.organizationId, organizationId), eq(connectCustomers.id, id)))
    .for('update');
  return row;
}

export async function findCustomerByEmail(db: Executor, organizationId: string, email: string): Promise<Customer | undefined> {
  const [row] = await db
    .select()
    .from(connectCustomers)
    .where(and(eq(connectCustomers.organizationId, organizationId), sql`lower(${connectCustomers.email}) = ${email.toLowerCase()}`));
  return row;
}

/** The customer an ACCOUNT_MANAGER client acts for, if it has one yet. */
export async function findCustomerIdOfClient(db: Executor, organizationId: string, clientId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: connectCustomers.id })
    .from(connectCustomers)
    .where(and(eq(connectCustomers.organizationId, organizationId), eq(connectCustomers.clientId, clientId)));
  return row?.id;
}

export async function updateCustomer(db: Executor, organizationId: string, id: string, changes: Partial<CustomerRow>): Promise<Customer> {
  const [row] = await db
    .update(connectCustomers)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(connectCustomers.organizationId, organizationId), eq(connectCustomers.id, id)))
    .returning();
  return row;
}

/** The organization's customers with the client each is served by, oldest first (the operator's view). */
export async function selectCustomers(db: Executor, organizationId: string, offset: number, rows: number) {
  return db
    .select({ customer: connectCustomers, clientName: apiClients.name })
    .from(connectCustomers)
    .innerJoin(apiClients, eq(apiClients.clientId, connectCustomers.clientId))
    .where(eq(connectCustomers.organizationId, organizationId))
    .orderBy(asc(connectCustomers.createdAt), asc(connectCustomers.id))
    .offset(offset)
    .limit(rows);
}

/** The currencies the reseller prices its Connect products in. */
export async function resellerCurrencies(db: Executor, organizationId: string): Promise<string[]> {
  const rows = await db.select({ pricing: connectProducts.pricing }).from(connectProducts).where(eq(connectProducts.organizationId, organizationId));
  return [...new Set(rows.flatMap((r) => Object.keys(r.pricing as Record<string, number>)))].sort();
}
