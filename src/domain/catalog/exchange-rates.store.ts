// SQL of the operator's exchange rates (installation-wide: a rate is no tenant's).
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { exchangeRates } from '../../db/schema.ts';

export type ExchangeRateRow = typeof exchangeRates.$inferSelect;

export async function upsertExchangeRate(db: Executor, fromCurrency: string, toCurrency: string, rate: string): Promise<ExchangeRateRow> {
  const setAt = new Date();
  const [row] = await db
    .insert(exchangeRates)
    .values({ fromCurrency, toCurrency, rate, setAt })
    .onConflictDoUpdate({ target: [exchangeRates.fromCurrency, exchangeRates.toCurrency], set: { rate, setAt } })
    .returning();
  return row;
}

export async function selectExchangeRates(db: Executor): Promise<ExchangeRateRow[]> {
  return db.select().from(exchangeRates).orderBy(asc(exchangeRates.fromCurrency), asc(exchangeRates.toCurrency));
}

export async function deleteExchangeRate(db: Executor, fromCurrency: string, toCurrency: string): Promise<boolean> {
  const rows = await db
    .delete(exchangeRates)
    .where(and(eq(exchangeRates.fromCurrency, fromCurrency), eq(exchangeRates.toCurrency, toCurrency)))
    .returning({ from: exchangeRates.fromCurrency });
  return rows.length > 0;
}

export async function insertExchangeRateUnlessSet(db: Executor, fromCurrency: string, toCurrency: string, rate: string): Promise<void> {
  await db.insert(exchangeRates).values({ fromCurrency, toCurrency, rate }).onConflictDoNothing();
}
