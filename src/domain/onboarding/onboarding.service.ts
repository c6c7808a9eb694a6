// Bulk onboarding (a cellhub extension): a file of employees becomes activation orders.
// An upload is checked whole (every bad row and field named), then its rows are written
// at once and ordered in the background, a chunk at a time: each chunk's orders, their
// fulfilment jobs, the rows' results and the job that carries on commit together, so a
// chunk that dies is run again from its start and orders nobody twice. Rows are keyed by
// employee id within the organization: a row whose employee is already onboarded is skipped.
import type { Executor } from '../../db/database.ts';
import { DomainError, invalidParams, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import type { JobAttempt } from '../../jobs/queue.ts';
import { ONBOARD_CHUNK, type OnboardingJob } from '../../jobs/kinds.ts';
import { findAccount } from '../accounts/accounts.store.ts';
import { orderReads, placeOrder, type OrderContext } from '../orders/orders.service.ts';
import { activationOf, checkRow, MAX_ROWS, reasonOf, type FileRow, type RowProblem } from './onboarding-rows.ts';
import * as store from './onboarding.store.ts';

export type { BatchRow, OnboardingRow, RowStatus } from './onboarding.store.ts';
export { ROW_STATUSES } from './onboarding.store.ts';

/** Rows ordered per transaction: large enough to amortise a job, small enough to hold locks briefly. */
export const CHUNK_ROWS = 200;

export interface Upload {
  accountId: string;
  rows: FileRow[];
}

export interface AlreadyOnboarded {
  row: number;
  employeeId: string;
  batchId: string;
  orderId: string | null;
}

export interface CheckedUpload {
  total: number;
  /** Every bad row's every bad field, in file order. */
  problems: RowProblem[];
  alreadyOnboarded: AlreadyOnboarded[];
  /** Rows that would be ordered. */
  good: FileRow[];
}

/** Checks the template of every row that names a well-formed one, reading each distinct template once. */
async function templateProblems(ctx: OrderContext, organizationId: string, rows: FileRow[], bad: Set<number>): Promise<RowProblem[]> {
  const reads = orderReads(ctx);
  const verdicts = new Map<string, string | undefined>();
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const id = row.fields.template;
    if (!id || bad.has(row.rowNumber)) continue;
    if (!verdicts.has(id)) {
      const template = await reads.template(organizationId, id);
      verdicts.set(
        id,
        !template
          ? `no order template ${id} in this organization`
          : template.type !== 'activate_subscription'
            ? `is a ${template.type} template, not activate_subscription`
            : !template.numberPoolId
              ? `template ${id} names no number pool`
              : undefined,
      );
    }
    const message = verdicts.get(id);
    if (message) problems.push({ row: row.rowNumber, field: 'template', message });
  }
  return problems;
}

/** Checks a whole upload without writing anything: what a dry run answers, and what a real run acts on. */
export async function checkUpload(ctx: OrderContext, organizationId: string, upload: Upload): Promise<CheckedUpload> {
  if (upload.rows.length === 0) throw invalidParams('rows: the file has no rows');
  if (upload.rows.length > MAX_ROWS) throw invalidParams(`rows: at most ${MAX_ROWS} rows a batch; the file has ${upload.rows.length}`);
  if (!(await findAccount(ctx.db, organizationId, upload.accountId))) throw invalidParams(`account_id: no account ${upload.accountId} in this organization`);

  const firstRowOf = new Map<string, number>();
  const problems = upload.rows.flatMap((row) => checkRow(row, firstRowOf));
  const templateBad = new Set(problems.filter((p) => p.field === 'template').map((p) => p.row));
  problems.push(...(await templateProblems(ctx, organizationId, upload.rows, templateBad)));
  problems.sort((a, b) => a.row - b.row);

  const bad = new Set(problems.map((p) => p.row));
  const candidates = upload.rows.filter((r) => !bad.has(r.rowNumber));
  const claims = await store.claimedEmployees(
    ctx.db,
    organizationId,
    candidates.map((r) => r.fields.employee_id!),
  );
  const claimOf = new Map(claims.map((c) => [c.employeeId, c]));
  const alreadyOnboarded: AlreadyOnboarded[] = [];
  const good: FileRow[] = [];
  for (const row of candidates) {
    const claim = claimOf.get(row.fields.employee_id!);
    if (claim) alreadyOnboarded.push({ row: row.rowNumber, employeeId: claim.employeeId, batchId: claim.batchId, orderId: claim.orderId });
    else good.push(row);
  }
  return { total: upload.rows.length, problems, alreadyOnboarded, good };
}

const skippedReason = (a: Pick<AlreadyOnboarded, 'batchId' | 'orderId'>) => `employee_id: already onboarded by batch ${a.batchId}${a.orderId ? ` (order ${a.orderId})` : ''}`;

/**
 * Starts a batch within `ctx.db` (pass a transaction): bad rows are refused with their
 * reasons, rows of employees already onboarded are skipped, the rest wait for their
 * orders, which a job places. Answers the batch as written.
 */
export async function startBatch(ctx: OrderContext, organizationId: string, upload: Upload, correlationId?: string): Promise<store.BatchRow> {
  const checked = await checkUpload(ctx, organizationId, upload);
  const id = newId('onboardingBatch');
  const problemsOf = new Map<number, RowProblem[]>();
  for (const p of checked.problems) problemsOf.set(p.row, [...(problemsOf.get(p.row) ?? []), p]);
  const skipped = new Map(checked.alreadyOnboarded.map((a) => [a.row, a]));
  const rows: store.NewRow[] = upload.rows.map((row) => {
    const problems = problemsOf.get(row.rowNumber);
    const claim = skipped.get(row.rowNumber);
    const status = problems ? 'refused' : claim ? 'skipped' : 'pending';
    const reason = problems ? reasonOf(problems) : claim ? skippedReason(claim) : null;
    return { rowNumber: row.rowNumber, employeeId: row.fields.employee_id || null, fields: row.fields, status, reason };
  });

  await store.insertBatch(ctx.db, {
    id,
    organizationId,
    accountId: upload.accountId,
    total: checked.total,
    refused: problemsOf.size,
    skipped: skipped.size,
    correlationId: correlationId ?? null,
  });
  const written = await store.insertRows(ctx.db, organizationId, id, rows);
  // A pending row not written lost its employee to a concurrent upload since the check.
  const lost = rows.filter((r) => r.status === 'pending' && !written.has(r.rowNumber));
  if (lost.length > 0) {
    const claims = await store.claimedEmployees(
      ctx.db,
      organizationId,
      lost.map((r) => r.employeeId!),
    );
    const claimOf = new Map(claims.map((c) => [c.employeeId, c]));
    const asSkipped = lost.map((r) => ({ ...r, status: 'skipped' as const, reason: skippedReason(claimOf.get(r.employeeId!) ?? { batchId: 'another', orderId: null }) }));
    await store.insertRows(ctx.db, organizationId, id, asSkipped);
    await store.countSkipped(ctx.db, organizationId, id, asSkipped.length);
  }
  if (written.size > 0) await ctx.queue.send(ctx.db, ONBOARD_CHUNK, { organizationId, batchId: id, correlationId });
  else await store.completeIfDone(ctx.db, organizationId, id);
  return (await store.findBatch(ctx.db, organizationId, id))!;
}

/** Refusals a row's order may meet (the rules of order-rules.ts); anything else is a failure of the chunk. */
const isRefusal = (error: unknown): error is DomainError => error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'conflict');

/**
 * The onboarding job: orders the batch's next chunk of pending rows, records their
 * results and (if rows remain) queues the next chunk, completing this job in that same
 * transaction. A run that dies leaves nothing of its chunk, and the retry does it whole.
 */
export async function orderNextChunk(ctx: Omit<OrderContext, 'db'> & { db: Executor }, job: OnboardingJob, attempt: JobAttempt): Promise<void> {
  const { organizationId, batchId } = job;
  const batch = await store.findBatch(ctx.db, organizationId, batchId);
  if (!batch || batch.status !== 'running') return;
  await ctx.db.transaction(async (tx) => {
    const rows = await store.lockPendingRows(tx, organizationId, batchId, CHUNK_ROWS);
    const decisions: store.Decision[] = [];
    for (const row of rows) {
      try {
        const order = await placeOrder({ ...ctx, db: tx }, organizationId, activationOf(batch.accountId, row.fields), job.correlationId);
        decisions.push({ rowNumber: row.rowNumber, status: 'ordered', orderId: order.id, reason: null });
      } catch (error) {
        if (!isRefusal(error)) throw error;
        decisions.push({ rowNumber: row.rowNumber, status: 'refused', orderId: null, reason: error.messages.join('; ') });
      }
    }
    await store.decideRows(tx, organizationId, batchId, decisions);
    if (rows.length === CHUNK_ROWS) await ctx.queue.send(tx, ONBOARD_CHUNK, job);
    else await store.completeIfDone(tx, organizationId, batchId);
    await attempt.completeWithin(tx);
  });
  ctx.queue.wake();
}

export async function getBatch(db: Executor, organizationId: string, id: string): Promise<store.BatchRow> {
  const batch = await store.findBatch(db, organizationId, id);
  if (!batch) throw notFound(`onboarding batch ${id}`);
  return batch;
}

export const listBatches = store.selectBatches;

/** A batch's rows in file order; 404 for a batch the organization does not have. */
export async function listRows(db: Executor, organizationId: string, batchId: string, filter: store.RowFilter): Promise<store.OnboardingRow[]> {
  await getBatch(db, organizationId, batchId);
  return store.selectRows(db, organizationId, batchId, filter);
}
