// SQL of a customer's payment methods; every statement names the organization and the customer.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { connectPaymentMethods } from '../../db/schema.ts';

export type PaymentMethodRow = typeof connectPaymentMethods.$inferSelect;

export async function insertPaymentMethod(db: Executor, row: typeof connectPaymentMethods.$inferInsert): Promise<PaymentMethodRow> {
  const [created] = await db.insert(connectPaymentMethods).values(row).returning();
  return created;
}

export async function selectPaymentMethods(db: Executor, organizationId: string, customerId: string): Promise<PaymentMethodRow[]> {
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

/** Tokens not sealed with the key-encryption key `kek` (in the clear, or under a previous key), across organizations. */
export async function selectTokensToReseal(db: Executor, kek: string, rows: number) {
  return db
    .select({
      organizationId: connectPaymentMethods.organizationId,
      customerId: connectPaymentMethods.customerId,
      id: connectPaymentMethods.id,
      token: connectPaymentMethods.token,
    })
    .from(connectPaymentMethods)
    .where(sql`(${connectPaymentMethods.token} ->> 'sealed') IS DISTINCT FROM 'A256GCM' OR (${connectPaymentMethods.token} ->> 'kek') IS DISTINCT FROM ${kek}`)
    .limit(rows);
}

export async function updateTokenById(db: Executor, key: { organizationId: string; customerId: string; id: string }, token: unknown): Promise<void> {
  await db
    .update(connectPaymentMethods)
    .set({ token })
    .where(and(eq(connectPaymentMethods.organizationId, key.organizationId), eq(connectPaymentMethods.customerId, key.customerId), eq(connectPaymentMethods.id, key.id)));
}
