// Onboarding batches (a cellhub extension): a CSV or JSON file of employees becomes
// activation orders, placed in the background; the batch shows its progress and each
// row's result (its order, or why it was refused or skipped).
import { Type, type Static } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { paginate } from '../../http/cursor.ts';
import { HalList, halList, iso, Link, link, ListQuery } from '../../http/hal.ts';
import { errorResponses, IdempotencyKeyHeader, Nullable } from '../../http/schemas.ts';
import { idempotent } from '../../http/idempotency.ts';
import { idPattern } from '../../domain/ids.ts';
import { invalidParams } from '../../domain/errors.ts';
import { DELIVERIES, MAX_ROWS, ONBOARDING_COLUMNS, type FileRow } from '../../domain/onboarding/onboarding-rows.ts';
import {
  checkUpload,
  getBatch,
  listBatches,
  listRows,
  ROW_STATUSES,
  startBatch,
  type BatchRow,
  type CheckedUpload,
  type OnboardingRow,
} from '../../domain/onboarding/onboarding.service.ts';
import { CSV, rowsOfCsv, rowsOfJson } from './onboarding-file.ts';
import { IdParams, pathId } from './path-ids.ts';

const NOTE = 'A cellhub extension (not in the provider’s API); needs the `orders` licence.';
/** 10,000 rows of the longest fields allowed, as JSON, with room to spare. */
const UPLOAD_BODY_LIMIT = 8 * 1024 * 1024;
const selfOf = (id: string) => `/enterprise/onboarding-batches/${id}`;
const EXAMPLE_ID = 'obat_01HZS5KETGM8XXF53WZJWDDV4C';

const Text = (description: string) => Type.Optional(Nullable(Type.String({ description })));
const JsonRow = Type.Object(
  {
    first_name: Text('Required, 1–100 characters'),
    last_name: Text('Required, 1–100 characters'),
    email: Text('Required: where the subscriber is reached, and where an `email` delivery sends the eSIM'),
    employee_id: Text('Required, 1–64 characters: keys the employee within the organization'),
    group: Text('Optional, up to 64 characters'),
    template: Text('Required: an `activate_subscription` order template (`otpl_` id) of the organization'),
    delivery: Text(`Optional: ${DELIVERIES.join(', ')} (default email)`),
  },
  { additionalProperties: true },
);

const JsonUpload = Type.Object(
  { rows: Type.Array(JsonRow, { description: `At most ${MAX_ROWS} rows` }) },
  {
    examples: [
      {
        rows: [
          {
            first_name: 'Ada',
            last_name: 'Lovelace',
            email: 'ada@example.com',
            employee_id: 'E-1815',
            group: 'Engineering',
            template: 'otpl_A00ABCDRT1F00AVRPTAQ5XQFUT',
            delivery: 'email',
          },
        ],
      },
    ],
  },
);

const CsvUpload = Type.String({
  description: `A header row naming the columns (${ONBOARDING_COLUMNS.join(', ')}; any order), then one employee a line`,
  examples: ['first_name,last_name,email,employee_id,group,template,delivery\nAda,Lovelace,ada@example.com,E-1815,Engineering,otpl_A00ABCDRT1F00AVRPTAQ5XQFUT,email\n'],
});

const UploadQuery = Type.Object({
  account_id: Type.String({ pattern: idPattern('account'), description: 'The account every row’s subscription is opened in' }),
  dry_run: Type.Optional(Type.Boolean({ default: false, description: 'Check the whole file and order nothing' })),
});

const BatchAnswer = Type.Object(
  {
    id: Type.String(),
    status: Type.String({ enum: ['running', 'completed'] }),
    account_id: Type.String(),
    total: Type.Integer(),
    ordered: Type.Integer({ description: 'Rows whose activation order was placed' }),
    refused: Type.Integer({ description: 'Rows refused, each with its reason' }),
    skipped: Type.Integer({ description: 'Rows whose employee was already onboarded (by this or an earlier batch)' }),
    pending: Type.Integer({ description: 'Rows still waiting for their order' }),
    created_at: Type.String(),
    completed_at: Nullable(Type.String()),
    _links: Type.Object({ self: Link, rows: Link }),
  },
  {
    examples: [
      {
        id: EXAMPLE_ID,
        status: 'running',
        account_id: 'acc_01HTQ8VBN4DEJP5S8BPV4657VG',
        total: 250,
        ordered: 200,
        refused: 2,
        skipped: 0,
        pending: 48,
        created_at: '2026-11-30T09:00:00.000Z',
        completed_at: null,
        _links: { self: { href: selfOf(EXAMPLE_ID) }, rows: { href: `${selfOf(EXAMPLE_ID)}/rows` } },
      },
    ],
  },
);

function representBatch(b: BatchRow) {
  return {
    id: b.id,
    status: b.status,
    account_id: b.accountId,
    total: b.total,
    ordered: b.ordered,
    refused: b.refused,
    skipped: b.skipped,
    pending: b.total - b.ordered - b.refused - b.skipped,
    created_at: b.createdAt.toISOString(),
    completed_at: iso(b.completedAt),
    _links: { self: link(selfOf(b.id)), rows: link(`${selfOf(b.id)}/rows`) },
  };
}

const Problem = Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() });

const DryRunAnswer = Type.Object(
  {
    dry_run: Type.Literal(true),
    account_id: Type.String(),
    total: Type.Integer(),
    to_order: Type.Integer({ description: 'Rows a real run would order' }),
    refused: Type.Integer({ description: 'Rows with at least one problem' }),
    skipped: Type.Integer({ description: 'Rows whose employee is already onboarded' }),
    problems: Type.Array(Problem, { description: 'Every bad field of every bad row, in file order' }),
    already_onboarded: Type.Array(Type.Object({ row: Type.Integer(), employee_id: Type.String(), batch_id: Type.String(), order_id: Nullable(Type.String()) })),
  },
  {
    examples: [
      {
        dry_run: true,
        account_id: 'acc_01HTQ8VBN4DEJP5S8BPV4657VG',
        total: 3,
        to_order: 1,
        refused: 1,
        skipped: 1,
        problems: [
          { row: 2, field: 'email', message: 'is not an email address' },
          { row: 2, field: 'template', message: 'no order template otpl_A00ABCDRT1F00AVRPTAQ5XQFUX in this organization' },
        ],
        already_onboarded: [{ row: 3, employee_id: 'E-1815', batch_id: EXAMPLE_ID, order_id: 'order_01HZS5KETGM8XXF53WZJWDDV4C' }],
      },
    ],
  },
);

function representCheck(accountId: string, c: CheckedUpload) {
  return {
    dry_run: true as const,
    account_id: accountId,
    total: c.total,
    to_order: c.good.length,
    refused: new Set(c.problems.map((p) => p.row)).size,
    skipped: c.alreadyOnboarded.length,
    problems: c.problems,
    already_onboarded: c.alreadyOnboarded.map((a) => ({ row: a.row, employee_id: a.employeeId, batch_id: a.batchId, order_id: a.orderId })),
  };
}

const RowAnswer = Type.Object(
  {
    row: Type.Integer({ description: 'Its number in the file: 1 is the first row after the header (or `rows[0]`)' }),
    employee_id: Nullable(Type.String()),
    result: Type.String({ enum: [...ROW_STATUSES] }),
    order_id: Nullable(Type.String()),
    reason: Nullable(Type.String({ description: 'Why it was refused or skipped, naming the field' })),
    fields: Type.Record(Type.String(), Type.String(), { description: 'The row as the file gave it' }),
    _links: Type.Object({ batch: Link, order: Type.Optional(Link) }),
  },
  {
    examples: [
      {
        row: 1,
        employee_id: 'E-1815',
        result: 'ordered',
        order_id: 'order_01HZS5KETGM8XXF53WZJWDDV4C',
        reason: null,
        fields: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', employee_id: 'E-1815', template: 'otpl_A00ABCDRT1F00AVRPTAQ5XQFUT' },
        _links: { batch: { href: selfOf(EXAMPLE_ID) }, order: { href: '/enterprise/orders/order_01HZS5KETGM8XXF53WZJWDDV4C' } },
      },
    ],
  },
);

function representRow(r: OnboardingRow) {
  return {
    row: r.rowNumber,
    employee_id: r.employeeId,
    result: r.status,
    order_id: r.orderId,
    reason: r.reason,
    fields: r.fields,
    _links: { batch: link(selfOf(r.batchId)), ...(r.orderId ? { order: link(`/enterprise/orders/${r.orderId}`) } : {}) },
  };
}

const DESCRIPTION = [
  NOTE,
  'Takes a file of employees as `text/csv` (a header row, then one employee a line) or JSON (`{"rows": [...]}`), at most 10,000 rows, and orders an `activate_subscription` for each in the account `account_id`.',
  'Columns: `first_name`, `last_name`, `email`, `employee_id`, `template` (required), `group`, `delivery` (`email`: eSIM sent to the row’s email, the default; `api`: eSIM whose activation code is read through the API; `psim`: physical SIM).',
  'An unknown or missing column, an empty file or too many rows is a 400 naming it.',
  '`dry_run=true` checks the whole file and answers 200 with every bad row and field (`problems`) and the rows whose employee is already onboarded, ordering nothing.',
  'Otherwise the answer is 202 with the batch: bad rows are refused with their reasons, rows of employees already onboarded (by a pending or ordered row of any batch) are skipped, and the rest are ordered in the background; follow `status` and the counts, and each row’s result at `_links.rows`.',
  'Running the same file again orders nobody twice. Send an `Idempotency-Key`.',
].join(' ');

type JsonBody = Static<typeof JsonUpload>;

/** The upload's rows, whichever its content type. */
function rowsOf(body: unknown, contentType: string | undefined): FileRow[] {
  if (contentType?.startsWith(CSV)) return rowsOfCsv(typeof body === 'string' ? body : '');
  return rowsOfJson((body as JsonBody).rows);
}

/** A rows cursor's key: the last row number of the page before. */
function rowAfter(key: string | undefined): number | undefined {
  if (key === undefined) return undefined;
  if (!/^\d{1,9}$/.test(key)) throw invalidParams('cursor: is not a cursor this API issued');
  return Number(key);
}

export function onboardingRoutes(platform: Platform) {
  const batchId = (value: string) => pathId('onboardingBatch', value, 'onboarding batch');

  return async (app: App) => {
    app.addContentTypeParser(CSV, { parseAs: 'string', bodyLimit: UPLOAD_BODY_LIMIT }, (_request, body, done) => done(null, body));

    app.post(
      '/onboarding-batches',
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        // No body (or an empty one, which is none) is refused before the checks by content
        // type: those only run for a type that was sent, and the answer must not depend on it.
        preValidation: async (request) => {
          if (request.body === undefined) throw invalidParams('file: is required: send a CSV file (text/csv) or JSON {"rows": [...]}');
        },
        schema: {
          tags: ['orders'],
          summary: 'Onboard employees from a file (cellhub extension)',
          description: DESCRIPTION,
          headers: IdempotencyKeyHeader,
          querystring: UploadQuery,
          body: { content: { 'application/json': { schema: JsonUpload }, [CSV]: { schema: CsvUpload } } } as unknown as typeof JsonUpload,
          response: { 200: DryRunAnswer, 202: BatchAnswer, ...errorResponses(400, 401, 403, 409, 429) },
        },
      },
      async (request, reply) => {
        const org = principalOf(request).organizationId;
        const { account_id: accountId, dry_run: dryRun } = request.query;
        const upload = { accountId, rows: rowsOf(request.body, request.headers['content-type']) };
        const body = await idempotent<ReturnType<typeof representCheck> | ReturnType<typeof representBatch>>(platform.db, request, reply, async (db) => {
          const ctx = { ...platform, db };
          if (dryRun) return { status: 200, body: representCheck(accountId, await checkUpload(ctx, org, upload)) };
          const batch = await db.transaction((tx) => startBatch({ ...ctx, db: tx }, org, upload, request.id));
          return { status: 202, body: representBatch(batch) };
        });
        platform.queue.wake();
        return body;
      },
    );

    app.get(
      '/onboarding-batches',
      {
        schema: {
          tags: ['orders'],
          summary: 'List onboarding batches (cellhub extension)',
          description: `${NOTE} The organization's onboarding batches, newest first, optionally by \`status\`.`,
          querystring: Type.Object({ status: Type.Optional(Type.String({ enum: ['running', 'completed'] })), ...ListQuery }),
          response: { 200: HalList('onboarding-batches', BatchAnswer), ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request) => {
        const org = principalOf(request).organizationId;
        const { status } = request.query;
        const page = await paginate(request.query, { status }, (after, rows) => listBatches(platform.db, org, { status, after, rows }));
        return halList(request, 'onboarding-batches', page, representBatch);
      },
    );

    app.get(
      '/onboarding-batches/:id',
      {
        schema: {
          tags: ['orders'],
          summary: 'Get an onboarding batch: its progress (cellhub extension)',
          description: `${NOTE} One batch (\`obat_\` + ULID): \`status\` (running, then completed once no row is pending) and how many rows are ordered, refused, skipped and pending.`,
          params: IdParams,
          response: { 200: BatchAnswer, ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request) => representBatch(await getBatch(platform.db, principalOf(request).organizationId, batchId(request.params.id))),
    );

    app.get(
      '/onboarding-batches/:id/rows',
      {
        schema: {
          tags: ['orders'],
          summary: "List an onboarding batch's rows with their results (cellhub extension)",
          description: `${NOTE} The batch's rows in file order, each with its \`result\` (pending, ordered with its \`order_id\`, refused or skipped with a \`reason\`), optionally only those of one \`result\`.`,
          params: IdParams,
          querystring: Type.Object({ result: Type.Optional(Type.String({ enum: [...ROW_STATUSES] })), ...ListQuery }),
          response: { 200: HalList('rows', RowAnswer), ...errorResponses(400, 401, 403, 404, 429) },
        },
      },
      async (request) => {
        const org = principalOf(request).organizationId;
        const id = batchId(request.params.id);
        const { result } = request.query;
        const page = await paginate(request.query, { id, result }, async (after, rows) =>
          (await listRows(platform.db, org, id, { status: result, after: rowAfter(after), rows })).map((r) => ({
            ...r,
            id: String(r.rowNumber),
          })),
        );
        return halList(request, 'rows', page, representRow);
      },
    );
  };
}
