// The durable job queue: pg-boss on the same database as the business data, so a job
// is enqueued in the same transaction as the change that causes it (the order row and
// its fulfilment job commit together or not at all). Jobs survive restarts; a job
// whose worker died is retried once its expiry passes.
import PgBoss from 'pg-boss';
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../db/database.ts';
import { runText } from '../db/statement.ts';
import { WorkLoop } from './work-loop.ts';
import type { Logger } from '../observability/logger.ts';
import { declareJobKinds, recordJobRun, type QueueStats } from '../observability/metrics.ts';

/** A kind of job: its queue's name and retry policy. Its handler is bound at start. */
export interface JobKind<T> {
  name: string;
  /** Attempts after the first, with exponential backoff from retryDelaySeconds. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Only for typing `send` and the handler. */
  readonly data?: T;
}

export interface JobAttempt {
  /** 0 for the first attempt. */
  retryCount: number;
  /** True when no retry follows if this attempt fails. */
  last: boolean;
  /**
   * Completes the job within `tx`, the transaction that finishes its work: the two
   * commit together, and the queue need not complete it afterwards in one of its own.
   */
  completeWithin(tx: Executor): Promise<void>;
  /**
   * The values of jobCompletion for this job, whose completion a statement of one's own
   * embeds; as with completeWithin, the queue then leaves the job's completion to it.
   */
  completionValues(): { job_queue: string; job_id: string };
  /** Logs about this job: every line names the job and the correlation id of the request that caused it. */
  log: Logger;
}

export interface JobHandler {
  kind: JobKind<unknown>;
  handle(data: unknown, attempt: JobAttempt): Promise<void>;
}

/** Pairs a kind of job with the function that does it, keeping the two types in step. */
export function handler<T>(kind: JobKind<T>, handle: (data: T, attempt: JobAttempt) => Promise<void>): JobHandler {
  return { kind, handle: (data, attempt) => handle(data as T, attempt) };
}

const within = (db: Executor): PgBoss.Db => ({
  executeSql: async (text, values) => ({ rows: await runText(db, text, values ?? []) }),
});

/**
 * A job to be written by a statement of one's own, beside the change that causes it
 * (one statement commits both, with no transaction around it): pg-boss's insert as SQL
 * whose values are placeholders `job_1`…, and those values for this job.
 */
export interface JobInsert {
  sql: SQL;
  values: Record<string, unknown>;
}

// pg-boss's insert is one text for every job; it becomes SQL once.
const insertSql = new Map<string, SQL>();

function withPlaceholders(text: string): SQL {
  let query = insertSql.get(text);
  if (!query) {
    const parts = text.split(/\$(\d+)/);
    query = sql.join(
      parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql.placeholder(`job_${part}`))),
      sql.raw(''),
    );
    insertSql.set(text, query);
  }
  return query;
}

const SCHEMA = 'pgboss';

/**
 * pg-boss's completion of one job (what its completeJobs does, which cannot be embedded
 * as it is: it has a WITH of its own), as a CTE for a statement of one's own that
 * finishes the job's work. It completes the job only where `when` holds there; its
 * values come from JobAttempt.completionValues().
 */
export const jobCompletion = (when: SQL): SQL => sql`
  UPDATE ${sql.identifier(SCHEMA)}.job SET completed_on = now(), state = 'completed', output = NULL
  WHERE name = ${sql.placeholder('job_queue')} AND id = ${sql.placeholder('job_id')}::uuid AND state = 'active' AND (${when})`;

function bossFor(database: Database, jobTimeoutSeconds: number): PgBoss {
  const common = {
    schema: SCHEMA,
    supervise: true,
    schedule: false,
    migrate: true,
    deleteAfterDays: 7,
    // Expired jobs (their worker died) are found by maintenance, so it runs well within the timeout.
    maintenanceIntervalSeconds: Math.max(1, Math.min(30, Math.floor(jobTimeoutSeconds / 4))),
  } as const;
  if ('url' in database.connection) return new PgBoss({ ...common, connectionString: database.connection.url, max: 4 });
  const pglite = database.connection.pglite;
  return new PgBoss({
    ...common,
    db: {
      // pg-boss sends several statements at once without parameters (its migrations).
      executeSql: async (text, values) => (values?.length ? pglite.query(text, values) : ((await pglite.exec(text)).at(-1) ?? { rows: [] })),
    },
  });
}

/** A job's data may carry the correlation id of the request that caused it. */
function correlationIdOf(data: unknown): string | undefined {
  const id = (data as { correlationId?: unknown } | null)?.correlationId;
  return typeof id === 'string' ? id : undefined;
}

export class JobQueue {
  private readonly boss: PgBoss;
  private runners: Runner[] = [];
  private kinds: string[] = [];

  constructor(
    private readonly database: Database,
    private readonly jobTimeoutSeconds: number,
    private readonly log: Logger,
  ) {
    this.boss = bossFor(database, jobTimeoutSeconds);
    this.boss.on('error', () => {}); // pg-boss retries its own maintenance; a job's failure is the job's
  }

  /** Creates the queues (idempotent); every process that enqueues needs this. */
  async start(kinds: JobKind<unknown>[]): Promise<void> {
    await this.boss.start();
    this.kinds = kinds.map((k) => k.name);
    declareJobKinds(this.kinds);
    for (const kind of kinds) {
      const settings = {
        retryLimit: kind.retryLimit,
        retryDelay: kind.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: this.jobTimeoutSeconds,
      };
      // Creating is a no-op for a queue that exists; updating applies today's settings to it.
      await this.boss.createQueue(kind.name, { name: kind.name, ...settings });
      await this.boss.updateQueue(kind.name, { name: kind.name, ...settings });
    }
  }

  /** Enqueues within `db`: pass the transaction of the change that causes the job. */
  async send<T extends object>(db: Executor, kind: JobKind<T>, data: T, startAfter?: Date): Promise<void> {
    await this.boss.send(kind.name, data, { db: within(db), ...(startAfter ? { startAfter } : {}) });
  }

  /** The job's insert, for a statement that writes it beside its own change (see JobInsert). */
  async insertion<T extends object>(kind: JobKind<T>, data: T): Promise<JobInsert> {
    let captured: { text: string; values: unknown[] } | undefined;
    const capture: PgBoss.Db = {
      executeSql: async (text, values = []) => {
        captured = { text, values };
        return { rows: [] };
      },
    };
    await this.boss.send(kind.name, data, { db: capture });
    if (!captured) throw new Error(`pg-boss wrote no insert for ${kind.name}`);
    const values = Object.fromEntries(captured.values.map((value, i) => [`job_${i + 1}`, value ?? null]));
    return { sql: withPlaceholders(captured.text), values };
  }

  /** Runs up to `concurrency` jobs of each handler at once in this process. */
  async work(handlers: JobHandler[], concurrency: number): Promise<void> {
    for (const h of handlers) {
      const runner = new Runner(this.boss, h, concurrency, this.log);
      this.runners.push(runner);
      runner.start();
    }
  }

  /** True while this process runs jobs (work() was called and stopWorking() was not). */
  working(): boolean {
    return this.runners.length > 0 && this.runners.every((r) => r.running());
  }

  /** Stops running jobs in this process (waiting for those running); enqueuing still works. */
  async stopWorking(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
  }

  /** Every kind's queued and running jobs (in any process) and the age of its oldest due job. */
  async stats(): Promise<QueueStats[]> {
    const rows = await runText<{ name: string; queued: string; running: string; oldest: string | null }>(
      this.database.db,
      `
      SELECT name,
             count(*) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now()) AS queued,
             count(*) FILTER (WHERE state = 'active') AS running,
             extract(epoch FROM now() - min(start_after) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now())) AS oldest
      FROM ${SCHEMA}.job WHERE state IN ('created', 'retry', 'active') GROUP BY name`,
      [],
    );
    const found = new Map(rows.map((r) => [r.name, r]));
    // Every kind, an idle one too: a series that vanishes when its queue empties cannot be alerted on.
    return [...new Set([...this.kinds, ...found.keys()])].map((kind) => {
      const r = found.get(kind);
      return { kind, queued: Number(r?.queued ?? 0), running: Number(r?.running ?? 0), oldestQueuedSeconds: Math.max(0, Number(r?.oldest ?? 0)) };
    });
  }

  /**
   * Wakes this process's idle runners (after enqueuing, so they need not wait for a
   * poll): those of the kinds given, or every one. Name the kind on hot paths: each
   * runner woken fetches, and on the embedded database a fetch holds the one connection.
   */
  wake(...kinds: Pick<JobKind<unknown>, 'name'>[]): void {
    const names = new Set(kinds.map((kind) => kind.name));
    for (const runner of this.runners) if (names.size === 0 || names.has(runner.kindName)) runner.wake();
  }

  async stop(): Promise<void> {
    await this.stopWorking();
    await this.boss.stop({ graceful: false, wait: true, timeout: 10_000, close: true });
  }
}

const IDLE_POLL_MS = 500;

/**
 * Keeps up to `concurrency` jobs of one kind running (pg-boss's own work() waits a
 * polling interval after every fetch, which caps a worker at a few jobs a second).
 */
class Runner {
  private readonly loop: WorkLoop<PgBoss.JobWithMetadata<unknown>>;
  private started = false;

  constructor(
    private readonly boss: PgBoss,
    private readonly h: JobHandler,
    concurrency: number,
    private readonly log: Logger,
  ) {
    this.loop = new WorkLoop({
      concurrency,
      idleMs: IDLE_POLL_MS,
      fetch: (free) => this.boss.fetch<unknown>(h.kind.name, { batchSize: free, includeMetadata: true }),
      run: (job) => this.run(job),
    });
  }

  start(): void {
    this.started = true;
    this.loop.start();
  }

  running(): boolean {
    return this.started;
  }

  get kindName(): string {
    return this.h.kind.name;
  }

  wake(): void {
    this.loop.wake();
  }

  private async run(job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
    const name = this.h.kind.name;
    const last = job.retryCount >= job.retryLimit;
    const log = this.log.child({ correlation_id: correlationIdOf(job.data), job: name, job_id: job.id, attempt: job.retryCount + 1 });
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    let completedWithin = false;
    log.info('job started');
    try {
      await this.h.handle(job.data, {
        retryCount: job.retryCount,
        last,
        log,
        completeWithin: async (tx) => {
          await this.boss.complete(name, job.id, {}, { db: within(tx) });
          completedWithin = true;
        },
        completionValues: () => {
          completedWithin = true;
          return { job_queue: name, job_id: job.id };
        },
      });
      // Should that transaction have rolled back while the handler still returned, the
      // job stays active until it expires and is then retried: handlers are idempotent.
      if (!completedWithin) await this.boss.complete(name, job.id).catch(() => {});
      recordJobRun(name, 'completed', seconds(), false);
      log.info({ duration_ms: Math.round(seconds() * 1000) }, 'job completed');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      recordJobRun(name, 'failed', seconds(), last);
      log[last ? 'error' : 'warn'](
        { err: error instanceof Error ? error : new Error(message), duration_ms: Math.round(seconds() * 1000), retried: !last },
        last ? 'job failed for good' : 'job failed; it will be retried',
      );
      await this.boss.fail(name, job.id, { message }).catch(() => {});
    }
  }

  stop(): Promise<void> {
    this.started = false;
    return this.loop.stop();
  }
}
