// Everything a process needs, wired once: the database, the key ring, token checks,
// the client directory, the rate limiter, the job queue and the SM-DP+ adapter.
// The HTTP app, the workers (workers.ts) and the CLI all stand on it; it is complete
// when openPlatform returns and nothing is added to it afterwards.
import { randomBytes } from 'node:crypto';
import type { Config } from './config.ts';
import { openDatabase, type Database, type Db, type OpenOptions } from './db/database.ts';
import { KeyRing } from './auth/key-ring.ts';
import { loadKeyEncryption, type KeyEncryption } from './auth/key-encryption.ts';
import { secureDataDir } from './db/data-dir.ts';
import { resealWebhookKey } from './domain/webhooks/secrets.ts';
import { resealPaymentTokens } from './domain/customers/payment-methods.service.ts';
import { TokenService } from './auth/tokens.ts';
import { ClientDirectory } from './auth/clients.service.ts';
import { MemoryCounter, RateLimiter, SharedCounter } from './http/rate-limit.ts';
import { FailureBudget } from './auth/failure-budget.ts';
import { expensivePageReading, TenantGate } from './http/tenant-gate.ts';
import type { PageReading } from './http/cursor.ts';
import { TenantCache } from './domain/tenant-cache.ts';
import { TemplateCache } from './domain/catalog/template-cache.ts';
import { SubscriptionReads } from './domain/subscriptions/subscriptions.service.ts';
import { JobQueue } from './jobs/queue.ts';
import { JOB_KINDS } from './jobs/kinds.ts';
import { Es2PlusClient } from './network/smdp/es2plus-client.ts';
import { SmdpSimulator } from './network/smdp/simulator.ts';
import type { SmdpAdapter } from './network/smdp/smdp.ts';
import { smtpMailer, type Mailer } from './network/mail/mailer.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { watchPool, watchQueues } from './observability/metrics.ts';
import { useEventRenderer } from './domain/events/renderers.ts';
import { renderEnterpriseEvent } from './api/enterprise/event-data.ts';
import { primaryOnly, replicaRouter, type ReadRouter } from './db/replica.ts';

export const READ_CACHE_TTL_MS = 60_000;
/** Pages are big (a page of 100 embedded subscriptions is some 240 kB): the read cache bounds their bytes too. */
export const READ_CACHE_BYTES = 64 * 1024 * 1024;

export interface Platform {
  config: Config;
  /** Seals and opens stored secrets (signing keys, the webhook key). */
  sealing: KeyEncryption;
  /** What start-up changed or wants the operator to know; the server logs them. */
  notices: string[];
  database: Database;
  db: Db;
  /** Where list pages and usage items are read: a streaming replica when one is configured and current, else the primary. */
  reads: ReadRouter;
  keys: KeyRing;
  tokens: TokenService;
  clients: ClientDirectory;
  rateLimiter: RateLimiter;
  /** Failed authentications per source and client, refused cheaply once spent. */
  authFailures: FailureBudget;
  /** Requests in flight per organization, so that one cannot slow another. */
  tenantGate: TenantGate;
  /** How expensive lists read a page on this database (see http/tenant-gate.ts). */
  expensivePages: PageReading;
  /** Cached reads per organization, dropped on every committed change to it (domain/tenant-cache.ts). */
  readCache: TenantCache;
  subscriptionReads: SubscriptionReads;
  templates: TemplateCache;
  queue: JobQueue;
  smdp: SmdpAdapter;
  /** The built-in SM-DP+ simulator, when no SMDP_URL is configured. */
  smdpSimulator?: SmdpSimulator;
  /** The bearer token ES2+ callbacks must carry. */
  smdpCallbackToken: string;
  mailer?: Mailer;
  /** The process's logger; the HTTP app and background work both write through it. */
  log: Logger;
  /** Closes what openPlatform opened; stop the workers (workers.ts) started over it first. */
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** The logger to write through (default: stdout at LOG_LEVEL in LOG_FORMAT). */
  log?: Logger;
}

async function startSmdp(config: Config, callbackToken: string, db: Db) {
  if (config.smdpUrl) return { smdp: new Es2PlusClient(config.smdpUrl, 'cellhub') };
  const simulator = new SmdpSimulator({
    db,
    smdpAddress: config.smdpAddress,
    callback: { url: `${config.publicUrl}/es2plus`, token: callbackToken },
    autoAdvanceMs: config.smdpSimulatorAdvanceMs,
  });
  const url = await simulator.start();
  return { smdp: new Es2PlusClient(url, 'cellhub', 2_000), simulator };
}

/**
 * By default an organization may have all but two of the database's connections busy,
 * so another always finds one free; the embedded database has one connection, and an
 * organization has at most two requests in line for it.
 */
function tenantConcurrencyFor(kind: Database['kind'], poolSize: number): number {
  return kind === 'postgres' ? Math.max(2, poolSize - 2) : 2;
}

export async function openPlatform(config: Config, open: Partial<OpenOptions> = {}, options: PlatformOptions = {}): Promise<Platform> {
  const log = options.log ?? createLogger({ level: config.logLevel, format: config.logFormat });
  const notices: string[] = [];
  const sealing = loadKeyEncryption(config.keyEncryptionKey, config.keyEncryptionKeysPrevious, config.dataDir);
  if (sealing.generatedFile && config.databaseUrl) {
    notices.push(`stored secrets are sealed with the key in ${sealing.generatedFile}; set KEY_ENCRYPTION_KEY to one key for every machine that shares this database`);
  }
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir + '/db',
    poolSize: config.databasePoolSize,
    ...open,
  });
  if ((!config.databaseUrl && !open.pglite) || sealing.generatedFile) {
    if (secureDataDir(config.dataDir).wasOpen) notices.push(`${config.dataDir} was open to other users: it and everything in it are now its owner's only`);
  }
  await database.migrate();
  const db = database.db;
  // Events carry their object as the Enterprise API shows it, whichever process writes them.
  useEventRenderer(renderEnterpriseEvent);
  const keys = new KeyRing(db, sealing.keys);
  await keys.init();
  await resealWebhookKey(db, sealing.keys);
  await resealPaymentTokens(db, sealing.keys);
  // One embedded process owns its database; several PostgreSQL processes share the budget.
  const counter = database.kind === 'postgres' ? new SharedCounter(db) : new MemoryCounter();
  const rateLimiter = new RateLimiter(counter, config.rateLimitPerMinute);
  const readCache = new TenantCache({ maxEntries: config.readCacheEntries, ttlMs: READ_CACHE_TTL_MS, maxWeight: READ_CACHE_BYTES });
  await readCache.follow(database);
  const queue = new JobQueue(database, config.jobTimeoutSeconds, log);
  await queue.start(JOB_KINDS);
  const unwatch = [watchQueues(() => queue.stats())];
  const pool = database.pool;
  if (pool) unwatch.push(watchPool(() => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount })));
  const smdpCallbackToken = config.smdpCallbackToken ?? randomBytes(24).toString('base64url');
  const { smdp, simulator } = await startSmdp(config, smdpCallbackToken, db);
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : undefined;
  const reads = openReads(config, db, log, notices);
  return {
    config,
    sealing: sealing.keys,
    notices,
    database,
    db,
    reads,
    keys,
    tokens: new TokenService(keys, config, db),
    authFailures: new FailureBudget(counter, config.authFailuresPerMinute),
    tenantGate: new TenantGate(config.tenantConcurrency ?? tenantConcurrencyFor(database.kind, config.databasePoolSize), config.tenantQueue),
    expensivePages: expensivePageReading(database.kind),
    clients: new ClientDirectory(db),
    rateLimiter,
    readCache,
    subscriptionReads: new SubscriptionReads(db, readCache),
    templates: new TemplateCache(),
    queue,
    smdp,
    smdpSimulator: simulator,
    smdpCallbackToken,
    mailer,
    log,
    async close() {
      for (const stop of unwatch) stop();
      await queue.stop();
      await smdp.close();
      await simulator?.stop();
      mailer?.close();
      await readCache.close();
      await rateLimiter.close();
      await reads.close();
      await database.close();
    },
  };
}

function openReads(config: Config, db: Db, log: Logger, notices: string[]): ReadRouter {
  if (!config.databaseReplicaUrl) return primaryOnly(db);
  if (!config.databaseUrl) {
    notices.push('DATABASE_REPLICA_URL is ignored on the embedded database: it is a replica of DATABASE_URL');
    return primaryOnly(db);
  }
  return replicaRouter(db, {
    url: config.databaseReplicaUrl,
    poolSize: config.databasePoolSize,
    maxLagMs: config.replicaMaxLagMs,
    stickyMs: config.replicaStickyMs,
    onFallback: (error) => log.warn({ err: error }, 'the read replica failed a read; read from the primary instead'),
  });
}
