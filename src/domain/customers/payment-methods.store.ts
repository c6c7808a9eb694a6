// SQL of a customer's payment methods; every statement names the organization and the customer.
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { connectPaymentMethods } from '../../db/schema.ts';

export type PaymentMethod = typeof connectPaymentMethods.$inferSelect;

export async function insertPaymentMethod(db: Executor, row: typeof connectPaymentMethods.$inferInsert): Promise<PaymentMethod> {
  const [created] = await db.insert(connectPaymentMethods).values(row).returning();
  return created;
}

export async function selectPaymentMethods(db: Executor, organizationId: string, customerId: string): Promise<PaymentMethod[]> {
  return db
    .select()
    .from(connectPaymentMethods)
    .where(and(eq(connectPaymentMethods.organizationId, organizationId), eq(connectPaymentMethods.customerId, customerId)))
    .orderBy(asc(connectPaymentMethods.createdAt), asc(connectPaymentMethods.id));
}

export async function deletePaymentMethodRow(db: Executor, organizationId: string, customerId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(connectPaymentMethods)
    .where(and(eq(connectPaymentMethods.organizationId, organizationId), eq(connectPaymentMethods.customerId, customerId), eq(connectPaymentMethods.id, id)))
    .returning({ id: connectPaymentMethods.id });
  return rows.length > 0;
}
