// The Prometheus metrics: this file alone owns the registry and speaks prom-client.
// Callers record through the small functions below; what is read at scrape time
// (queue depths, the database pool) is asked of sources that register themselves.
// No label ever holds an organization, a client or any other id: labels are route
// patterns, methods, statuses, job kinds and outcomes, all of them a short fixed list.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const METRICS_CONTENT_TYPE = registry.contentType;

/** The text exposition of every metric, for GET /metrics. */
export function exposition(): Promise<string> {
  return registry.metrics();
}

// ---- HTTP ------------------------------------------------------------------------

const httpRequests = new Counter({
  name: 'cellhub_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  registers: [registry],
});

const httpDuration = new Histogram({
  name: 'cellhub_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

/** The route label for a request no route matched: never the raw URL, which may hold ids. */
export const UNMATCHED_ROUTE = 'unmatched';

/** `route` is the pattern (`/enterprise/orders/:id`), never the URL itself. */
export function recordHttpRequest(method: string, route: string | undefined, statusCode: number, seconds: number): void {
  const labels = { method, route: route ?? UNMATCHED_ROUTE, status_code: String(statusCode) };
  httpRequests.inc(labels);
  httpDuration.observe(labels, seconds);
}

// ---- Jobs ------------------------------------------------------------------------

const jobRuns = new Counter({
  name: 'cellhub_job_runs_total',
  help: 'Job attempts finished in this process, by kind and outcome (completed or failed)',
  labelNames: ['kind', 'outcome'] as const,
  registers: [registry],
});

const jobFailures = new Counter({
  name: 'cellhub_job_failures_total',
  help: 'Job attempts that failed, by kind; final="true" when no retry follows',
  labelNames: ['kind', 'final'] as const,
  registers: [registry],
});

const jobDuration = new Histogram({
  name: 'cellhub_job_duration_seconds',
  help: 'Time one job attempt ran, by kind and outcome',
  labelNames: ['kind', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});

/** Starts every kind's counters at zero, so that a rate over them exists before the first failure. */
export function declareJobKinds(kinds: string[]): void {
  for (const kind of kinds) {
    for (const outcome of ['completed', 'failed'] as const) jobRuns.inc({ kind, outcome }, 0);
    for (const final of ['true', 'false']) jobFailures.inc({ kind, final }, 0);
  }
}

export function recordJobRun(kind: string, outcome: 'completed' | 'failed', seconds: number, final: boolean): void {
  jobRuns.inc({ kind, outcome });
  jobDuration.observe({ kind, outcome }, seconds);
  if (outcome === 'failed') jobFailures.inc({ kind, final: String(final) });
}

/** One kind's queue as the database has it now. */
export interface QueueStats {
  kind: string;
  /** Waiting to run: created, or waiting for a retry. */
  queued: number;
  running: number;
  /** Seconds the oldest queued job has waited since it became due (0 when none). */
  oldestQueuedSeconds: number;
}

type Source<T> = () => Promise<T>;
const queueSources = new Set<Source<QueueStats[]>>();

/** Registers what the job gauges read at scrape time; returns its removal. */
export function watchQueues(source: Source<QueueStats[]>): () => void {
  queueSources.add(source);
  return () => void queueSources.delete(source);
}

async function queueStats(): Promise<Map<string, QueueStats>> {
  const byKind = new Map<string, QueueStats>();
  const all = await Promise.all([...queueSources].map((source) => source().catch((): QueueStats[] => [])));
  for (const stats of all.flat()) {
    const seen = byKind.get(stats.kind);
    if (!seen) byKind.set(stats.kind, { ...stats });
    else {
      seen.queued += stats.queued;
      seen.running += stats.running;
      seen.oldestQueuedSeconds = Math.max(seen.oldestQueuedSeconds, stats.oldestQueuedSeconds);
    }
  }
  return byKind;
}

// One scrape asks the database once for all three gauges.
let pendingQueueStats: Promise<Map<string, QueueStats>> | undefined;
function sharedQueueStats(): Promise<Map<string, QueueStats>> {
  pendingQueueStats ??= queueStats().finally(() => setImmediate(() => (pendingQueueStats = undefined)));
  return pendingQueueStats;
}

function queueGauge(name: string, help: string, value: (stats: QueueStats) => number): void {
  new Gauge({
    name,
    help,
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const stats of (await sharedQueueStats()).values()) this.set({ kind: stats.kind }, value(stats));
    },
  });
}

queueGauge('cellhub_jobs_queued', 'Jobs waiting to run (new or waiting for a retry), by kind', (s) => s.queued);
queueGauge('cellhub_jobs_running', 'Jobs running now in any process, by kind', (s) => s.running);
queueGauge('cellhub_jobs_oldest_queued_age_seconds', 'How long the oldest due job of each kind has waited', (s) => s.oldestQueuedSeconds);

// ---- Webhooks ----------------------------------------------------------------------

const webhookDeliveries = new Counter({
  name: 'cellhub_webhook_attempts_total',
  help: 'Webhook delivery attempts, by outcome: delivered, retry (a later attempt follows), failed (no more attempts)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const webhookDuration = new Histogram({
  name: 'cellhub_webhook_attempt_duration_seconds',
  help: 'Time a webhook receiver took to answer one attempt, by outcome',
  labelNames: ['outcome'] as const,
  buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

for (const outcome of ['delivered', 'retry', 'failed']) webhookDeliveries.inc({ outcome }, 0);

export function recordWebhookAttempt(outcome: 'delivered' | 'retry' | 'failed', seconds: number): void {
  webhookDeliveries.inc({ outcome });
  webhookDuration.observe({ outcome }, seconds);
}

// ---- SMPP --------------------------------------------------------------------------

export interface SmppWindowStats {
  inFlight: number;
  size: number;
  queued: number;
}

/**
 * Gauges read at scrape time from whatever sources are registered (SMPP links, database
 * pools), each the sum over the sources; answers how to register a source, which in turn
 * answers its removal.
 */
function summedGauges<S>(gauges: [name: string, help: string, value: (stats: S) => number][]): (source: () => S) => () => void {
  const sources = new Set<() => S>();
  for (const [name, help, value] of gauges) {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set([...sources].reduce((sum, source) => sum + value(source()), 0));
      },
    });
  }
  return (source) => {
    sources.add(source);
    return () => void sources.delete(source);
  };
}

/** Registers an SMPP link whose window the gauges read at scrape time; returns its removal. */
export const watchSmppWindow = summedGauges<SmppWindowStats>([
  ['cellhub_smpp_window_in_use', "SMPP requests awaiting the SMSC's answer", (s) => s.inFlight],
  ['cellhub_smpp_window_size', 'SMPP requests that may await an answer at once (SMSC_WINDOW)', (s) => s.size],
  ['cellhub_smpp_waiting', 'SMPP requests waiting for room in the window or for the link', (s) => s.queued],
]);

const smppThrottled = new Counter({
  name: 'cellhub_smpp_throttled_total',
  help: 'SMSC answers asking us to slow down (ESME_RTHROTTLED, ESME_RMSGQFUL); the request is sent again',
  labelNames: ['status'] as const,
  registers: [registry],
});

for (const status of ['ESME_RTHROTTLED', 'ESME_RMSGQFUL']) smppThrottled.inc({ status }, 0);

export function recordSmppThrottled(status: 'ESME_RTHROTTLED' | 'ESME_RMSGQFUL'): void {
  smppThrottled.inc({ status });
}

const smsSubmissions = new Counter({
  name: 'cellhub_smpp_submissions_total',
  help: 'submit_sm answered by the SMSC, by outcome (accepted or refused)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

for (const outcome of ['accepted', 'refused']) smsSubmissions.inc({ outcome }, 0);

export function recordSmppSubmission(outcome: 'accepted' | 'refused'): void {
  smsSubmissions.inc({ outcome });
}

// ---- Database ----------------------------------------------------------------------

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** Registers a PostgreSQL pool the gauges read at scrape time; returns its removal. */
export const watchPool = summedGauges<PoolStats>([
  ['cellhub_db_pool_connections', 'Connections the PostgreSQL pool holds (pg Pool totalCount)', (s) => s.total],
  ['cellhub_db_pool_idle', 'Connections idle in the PostgreSQL pool (pg Pool idleCount)', (s) => s.idle],
  ['cellhub_db_pool_waiting', 'Queries waiting for a connection from the PostgreSQL pool (pg Pool waitingCount)', (s) => s.waiting],
]);

// ---- Authentication ------------------------------------------------------------------

const tokenFailures = new Counter({
  name: 'cellhub_auth_failures_total',
  help: 'Failed authentications, by kind: client (wrong client credentials at the token endpoint) or bearer (an access token that does not verify)',
  labelNames: ['kind'] as const,
  registers: [registry],
});

for (const kind of ['client', 'bearer']) tokenFailures.inc({ kind }, 0);

export function recordAuthFailure(kind: 'client' | 'bearer' | 'console'): void {
  tokenFailures.inc({ kind });
}
