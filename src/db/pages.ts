// The keyset page every list reads: a table's rows that meet the conditions, newest id
// first (ids are ULIDs, so by creation), after the cursor's id, at most `rows`.
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './database.ts';

type WithId = PgTable & { id: PgColumn };

export interface Page {
  /** The id of the last row of the page before; unset, the first page. */
  after?: string;
  rows: number;
}

/** A condition only when the filter has a value: `column = value`. */
export const equalIfSet = (column: PgColumn, value: string | undefined): SQL | undefined => (value ? eq(column, value) : undefined);

// The casts satisfy tsc (a generic table is not a FROM item to drizzle's types); ESLint's
// type view does not see why, hence the two exemptions.
export async function newestFirst<T extends WithId>(db: Executor, table: T, conditions: (SQL | undefined)[], page: Page): Promise<T['$inferSelect'][]> {
  const rows = db
    .select()
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    .from(table as PgTable)
    .where(and(...conditions, page.after ? lt(table.id, page.after) : undefined))
    .orderBy(desc(table.id))
    .limit(page.rows);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  return rows as Promise<T['$inferSelect'][]>;
}
