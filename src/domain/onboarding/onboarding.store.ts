// Onboarding batches and their rows: SQL only. Rows are written and decided set-based
// (one statement for a whole file), and every query filters by the organization.
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/database.ts';
import { equalIfSet, newestFirst, type Page } from '../../db/pages.ts';
import { onboardingBatches, onboardingRows } from '../../db/schema.ts';

export type BatchRow = typeof onboardingBatches.$inferSelect;
export type OnboardingRow = typeof onboardingRows.$inferSelect;

export const ROW_STATUSES = ['pending', 'ordered', 'refused', 'skipped'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** Statuses that claim the employee id within the organization (onboarding_rows_employee_idx). */
const CLAIMING = ['pending', 'ordered'];

export interface NewRow {
  rowNumber: number;
  employeeId: string | null;
  fields: Record<string, string>;
  status: RowStatus;
  reason: string | null;
}

export async function insertBatch(db: Executor, batch: typeof onboardingBatches.$inferInsert): Promise<void> {
  await db.insert(onboardingBatches).values(batch);
}

export interface Claim {
  employeeId: string;
  batchId: string;
  orderId: string | null;
}

/** Which of these employee ids a pending or ordered row of the organization already claims. */
export function claimedEmployees(db: Executor, organizationId: string, employeeIds: string[]): Promise<Claim[]> {
  if (employeeIds.length === 0) return Promise.resolve([]);
  return db
    .select({ employeeId: sql<string>`${onboardingRows.employeeId}`, batchId: onboardingRows.batchId, orderId: onboardingRows.orderId })
    .from(onboardingRows)
    .where(and(eq(onboardingRows.organizationId, organizationId), inArray(onboardingRows.status, CLAIMING), inArray(onboardingRows.employeeId, employeeIds)));
}

/**
 * Writes a batch's rows in one statement. A pending row whose employee another batch
 * claimed meanwhile (a concurrent upload) is not written: answers the numbers written
 * as pending, so the caller can record the others as skipped.
 */
export async function insertRows(db: Executor, organizationId: string, batchId: string, rows: NewRow[]): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const json = JSON.stringify(rows.map((r) => ({ n: r.rowNumber, e: r.employeeId, f: r.fields, s: r.status, r: r.reason })));
  const written = await queryRows<{ row_number: number }>(
    db,
    sql`
    INSERT INTO ${onboardingRows} (organization_id, batch_id, row_number, employee_id, fields, status, reason)
    SELECT ${organizationId}, ${batchId}, x.n, x.e, x.f, x.s, x.r
    FROM jsonb_to_recordset(${json}::jsonb) AS x(n integer, e text, f jsonb, s text, r text)
    ON CONFLICT (organization_id, employee_id) WHERE status IN ('pending', 'ordered') DO NOTHING
    RETURNING row_number`,
  );
  return new Set(written.map((w) => Number(w.row_number)));
}

/** Counts rows written as skipped after the batch was (a concurrent upload took their employees). */
export async function countSkipped(db: Executor, organizationId: string, batchId: string, count: number): Promise<void> {
  await db
    .update(onboardingBatches)
    .set({ skipped: sql`${onboardingBatches.skipped} + ${count}` })
    .where(and(eq(onboardingBatches.organizationId, organizationId), eq(onboardingBatches.id, batchId)));
}

/** The next pending rows of a batch, locked for this transaction (another run of the chunk skips them). */
export function lockPendingRows(db: Executor, organizationId: string, batchId: string, rows: number): Promise<OnboardingRow[]> {
  return db
    .select()
    .from(onboardingRows)
    .where(and(eq(onboardingRows.organizationId, organizationId), eq(onboardingRows.batchId, batchId), eq(onboardingRows.status, 'pending')))
    .orderBy(asc(onboardingRows.rowNumber))
    .limit(rows)
    .for('update', { skipLocked: true });
}

export interface Decision {
  rowNumber: number;
  status: 'ordered' | 'refused';
  orderId: string | null;
  reason: string | null;
}

/** Records a chunk's results and moves the batch's counters, in one statement. */
export async function decideRows(db: Executor, organizationId: string, batchId: string, decisions: Decision[]): Promise<void> {
  if (decisions.length === 0) return;
  const json = JSON.stringify(decisions.map((d) => ({ n: d.rowNumber, s: d.status, o: d.orderId, r: d.reason })));
  await db.execute(sql`
    WITH decided AS (
      UPDATE ${onboardingRows} r SET status = x.s, order_id = x.o, reason = x.r, updated_at = now()
      FROM jsonb_to_recordset(${json}::jsonb) AS x(n integer, s text, o text, r text)
      WHERE r.organization_id = ${organizationId} AND r.batch_id = ${batchId} AND r.row_number = x.n AND r.status = 'pending'
      RETURNING r.status
    )
    UPDATE ${onboardingBatches}
    SET ordered = ordered + (SELECT count(*) FROM decided WHERE status = 'ordered'),
        refused = refused + (SELECT count(*) FROM decided WHERE status = 'refused')
    WHERE organization_id = ${organizationId} AND id = ${batchId}`);
}

/** Completes the batch if no row is pending; answers whether this call completed it. */
export async function completeIfDone(db: Executor, organizationId: string, batchId: string): Promise<boolean> {
  const done = await db
    .update(onboardingBatches)
    .set({ status: 'completed', completedAt: new Date() })
    .where(
      and(
        eq(onboardingBatches.organizationId, organizationId),
        eq(onboardingBatches.id, batchId),
        eq(onboardingBatches.status, 'running'),
        sql`${onboardingBatches.ordered} + ${onboardingBatches.refused} + ${onboardingBatches.skipped} = ${onboardingBatches.total}`,
      ),
    )
    .returning({ id: onboardingBatches.id });
  return done.length > 0;
}

export async function findBatch(db: Executor, organizationId: string, id: string): Promise<BatchRow | undefined> {
  const [row] = await db
    .select()
    .from(onboardingBatches)
    .where(and(eq(onboardingBatches.organizationId, organizationId), eq(onboardingBatches.id, id)));
  return row;
}

export function selectBatches(db: Executor, organizationId: string, page: Page & { status?: string }): Promise<BatchRow[]> {
  return newestFirst(db, onboardingBatches, [eq(onboardingBatches.organizationId, organizationId), equalIfSet(onboardingBatches.status, page.status)], page);
}

export interface RowFilter {
  status?: string;
  /** The row number of the last row of the page before. */
  after?: number;
  rows: number;
}

/** A batch's rows in file order. */
export function selectRows(db: Executor, organizationId: string, batchId: string, filter: RowFilter): Promise<OnboardingRow[]> {
  return db
    .select()
    .from(onboardingRows)
    .where(
      and(
        eq(onboardingRows.organizationId, organizationId),
        eq(onboardingRows.batchId, batchId),
        equalIfSet(onboardingRows.status, filter.status),
        filter.after === undefined ? undefined : gt(onboardingRows.rowNumber, filter.after),
      ),
    )
    .orderBy(asc(onboardingRows.rowNumber))
    .limit(filter.rows);
}
