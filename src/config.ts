// One typed view of the environment. Parsed once at start; a bad value stops the
// process with a message naming the variable. No secret has a default.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseKey } from './auth/key-encryption.ts';
import { MAX_VALIDITY_SECONDS } from './network/smsc/validity.ts';

export interface Config {
  port: number;
  host: string;
  /** Where the embedded database and generated local secrets live. */
  dataDir: string;
  /** postgres://… switches from the embedded PGlite to PostgreSQL. */
  databaseUrl?: string;
  /** Connections to PostgreSQL per process. */
  databasePoolSize: number;
  /** postgres://… of a streaming replica that may serve list pages and usage items (docs/scaling.md). */
  databaseReplicaUrl?: string;
  /** A replica further behind the primary than this is not read from. */
  replicaMaxLagMs: number;
  /** After a client's own write, its list reads stay on the primary this long (read-your-own-writes). */
  replicaStickyMs: number;
  /** The URL clients reach this server at; token issuers are derived from it. */
  publicUrl: string;
  /** Trust an external OAuth2 issuer (Keycloak) instead of the built-in one. `{realm}` is replaced. */
  issuerUrl?: string;
  operatorToken?: string;
  /** TRUST_PROXY: whom to believe about X-Forwarded-For/-Proto (see trustProxy below). */
  trustProxy: boolean | string[];
  /** Seals stored secrets; generated into DATA_DIR when unset. */
  keyEncryptionKey?: Buffer;
  /** Earlier key-encryption keys, still able to open what they sealed (rotation). */
  keyEncryptionKeysPrevious: Buffer[];
  rateLimitPerMinute: number;
  /** Requests of one organization in flight at once per process (0: no limit); unset, the database pool less two. */
  tenantConcurrency?: number;
  /** Requests of one organization waiting for a turn before 429. */
  tenantQueue: number;
  /** Failed authentications a minute per source address and per client before 429 (bearer tokens: five times as many per source). */
  authFailuresPerMinute: number;
  /** Cached reads per process (single subscriptions, Connect SIM pages); 0 turns the read cache off. */
  readCacheEntries: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  logLevel: string;
  /** auto: readable lines on a terminal, JSON lines otherwise; json or pretty force one. */
  logFormat: 'auto' | 'json' | 'pretty';
  /** A second listen address serving only GET /metrics, without the operator token; unset, /metrics is only on the main port behind OPERATOR_TOKEN. */
  metricsPort?: number;
  metricsHost: string;
  /** An external SM-DP+'s ES2+ base URL; unset runs the built-in simulator. */
  smdpUrl?: string;
  /** The SM-DP+ address the simulator puts in activation codes. */
  smdpAddress: string;
  /** The simulator reports download and install this many ms after release (0: only on request). */
  smdpSimulatorAdvanceMs: number;
  /** Bearer token the SM-DP+ presents on ES2+ callbacks; generated for the simulator when unset. */
  smdpCallbackToken?: string;
  /** smtp://… for outgoing mail; unset keeps mail in the outbox. */
  smtpUrl?: string;
  mailFrom: string;
  numberQuarantineDays: number;
  /** How long a webhook receiver has to answer one attempt. */
  webhookTimeoutMs: number;
  /** Seconds before each retry of a failed webhook attempt; its length is the number of retries. */
  webhookRetrySchedule: number[];
  /** Webhook deliveries in flight at once per worker process. */
  webhookConcurrency: number;
  /** Let tenants' URLs (webhooks) reach loopback, private addresses and any port: local development only. */
  webhookAllowPrivate: boolean;
  /** How long Enterprise events are kept (a housekeeping job deletes older ones). */
  eventRetentionDays: number;
  /** How long a webhook endpoint's previous secret still signs after a rotation. */
  webhookSecretOverlapHours: number;
  /** smpp://system_id:password@host:port of the SMSC; unset runs the built-in simulator. */
  smscUrl?: string;
  /** How cellhub binds: transceiver (receipts on the same link) or transmitter (no receipts). */
  smscBind: 'transceiver' | 'transmitter';
  /** submit_sm awaiting an answer at once. */
  smscWindow: number;
  /** The simulator delivers each part, and sends its receipt, this many ms after accepting it. */
  smscSimulatorReceiptMs: number;
  /** How long the SMSC may keep trying to deliver a part (SMPP validity_period); then the part is expired. */
  smsValiditySeconds: number;
  /** A part still without its delivery receipt this long after submission is asked after (query_sm). */
  smsReceiptChaseAfterSeconds: number;
  /** Concurrent jobs of each kind per worker process. */
  workerConcurrency: number;
  /** A job still running after this long is taken to be dead (its process was killed) and retried. */
  jobTimeoutSeconds: number;
}

export class ConfigError extends Error {}

export type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}: must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) throw new ConfigError(`${name}: must be one of ${values.join(', ')}, got "${raw}"`);
  return raw as T;
}

function seconds(env: Env, name: string, fallback: number[]): number[] {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const values = raw.split(',').map((v) => Number(v.trim()));
  if (values.some((v) => !Number.isFinite(v) || v < 0 || v > 7 * 86_400)) {
    throw new ConfigError(`${name}: must be a comma-separated list of seconds (0 to 604800), got "${raw}"`);
  }
  return values;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw.replace('{realm}', 'realm'));
  } catch {
    throw new ConfigError(`${name}: not a URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name}: must start with ${protocols.join(' or ')}`);
  }
  return raw.replace(/\/+$/, '');
}

function key(name: string, raw: string): Buffer {
  const parsed = parseKey(raw);
  if (!parsed) throw new ConfigError(`${name}: must be 32 random bytes in base64 (openssl rand -base64 32)`);
  return parsed;
}

/**
 * TRUST_PROXY: whom to believe about X-Forwarded-For/-Proto (Fastify's trustProxy):
 * unset or "false", nobody; "true", every hop; else a comma-separated list of the
 * proxies' addresses or CIDR ranges.
 */
function trustProxy(raw: string | undefined): boolean | string[] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  const proxies = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const wrong = proxies.filter((p) => !isIP(p.split('/')[0]));
  if (wrong.length) throw new ConfigError(`TRUST_PROXY: must be true, false or the proxies' addresses or CIDR ranges, comma-separated; not ${wrong.join(', ')}`);
  return proxies;
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 8080, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const operatorToken = env.OPERATOR_TOKEN || undefined;
  if (operatorToken !== undefined && operatorToken.length < 24) {
    throw new ConfigError('OPERATOR_TOKEN: must be at least 24 characters');
  }
  return {
    port,
    host,
    keyEncryptionKey: env.KEY_ENCRYPTION_KEY ? key('KEY_ENCRYPTION_KEY', env.KEY_ENCRYPTION_KEY) : undefined,
    keyEncryptionKeysPrevious: (env.KEY_ENCRYPTION_KEY_PREVIOUS ?? '')
      .split(',')
      .filter((k) => k.trim())
      .map((k) => key('KEY_ENCRYPTION_KEY_PREVIOUS', k)),
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
    databaseReplicaUrl: url(env, 'DATABASE_REPLICA_URL', ['postgres:', 'postgresql:']),
    replicaMaxLagMs: integer(env, 'REPLICA_MAX_LAG_MS', 5_000, 0, 3_600_000),
    replicaStickyMs: integer(env, 'REPLICA_STICKY_MS', 10_000, 0, 3_600_000),
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://${reachableHost}:${port}`,
    issuerUrl: url(env, 'ISSUER_URL', ['http:', 'https:']),
    operatorToken,
    trustProxy: trustProxy(env.TRUST_PROXY),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 1000, 1, 10_000_000),
    authFailuresPerMinute: integer(env, 'AUTH_FAILURES_PER_MINUTE', 20, 1, 1_000_000),
    tenantConcurrency: env.TENANT_CONCURRENCY ? integer(env, 'TENANT_CONCURRENCY', 0, 0, 10_000) : undefined,
    tenantQueue: integer(env, 'TENANT_QUEUE', 100, 0, 100_000),
    readCacheEntries: integer(env, 'READ_CACHE_ENTRIES', 10_000, 0, 10_000_000),
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL', 300, 10, 86_400),
    refreshTokenTtlSeconds: integer(env, 'REFRESH_TOKEN_TTL', 1800, 10, 30 * 86_400),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    logFormat: oneOf(env, 'LOG_FORMAT', ['auto', 'json', 'pretty'] as const, 'auto'),
    metricsPort: env.METRICS_PORT ? integer(env, 'METRICS_PORT', 0, 0, 65535) : undefined,
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    smdpUrl: url(env, 'SMDP_URL', ['http:', 'https:']),
    smdpAddress: env.SMDP_ADDRESS || 'smdp.cellhub.local',
    // On a laptop (the embedded database) demo profiles download and install by themselves.
    smdpSimulatorAdvanceMs: integer(env, 'SMDP_SIMULATOR_ADVANCE_MS', env.DATABASE_URL ? 0 : 15_000, 0, 86_400_000),
    smdpCallbackToken: env.SMDP_CALLBACK_TOKEN || undefined,
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM || 'cellhub <no-reply@cellhub.local>',
    numberQuarantineDays: integer(env, 'NUMBER_QUARANTINE_DAYS', 90, 0, 3650),
    webhookTimeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    // As Standard Webhooks suggests: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
    webhookRetrySchedule: seconds(env, 'WEBHOOK_RETRY_SCHEDULE', [5, 300, 1800, 7200, 18000, 36000, 36000]),
    webhookConcurrency: integer(env, 'WEBHOOK_CONCURRENCY', 64, 1, 10_000),
    webhookAllowPrivate: oneOf(env, 'WEBHOOK_ALLOW_PRIVATE', ['0', '1'] as const, '0') === '1',
    eventRetentionDays: integer(env, 'EVENT_RETENTION_DAYS', 30, 1, 3650),
    webhookSecretOverlapHours: integer(env, 'WEBHOOK_SECRET_OVERLAP_HOURS', 24, 0, 720),
    smscUrl: url(env, 'SMSC_URL', ['smpp:', 'ssmpp:']),
    smscBind: oneOf(env, 'SMSC_BIND', ['transceiver', 'transmitter'] as const, 'transceiver'),
    smscWindow: integer(env, 'SMSC_WINDOW', 50, 1, 1000),
    smscSimulatorReceiptMs: integer(env, 'SMSC_SIMULATOR_RECEIPT_MS', 2_000, 0, 86_400_000),
    smsValiditySeconds: integer(env, 'SMS_VALIDITY_PERIOD', 48 * 3600, 1, MAX_VALIDITY_SECONDS),
    smsReceiptChaseAfterSeconds: integer(env, 'SMS_RECEIPT_CHASE_AFTER', 600, 1, 86_400),
    workerConcurrency: integer(env, 'WORKER_CONCURRENCY', 8, 1, 256),
    jobTimeoutSeconds: integer(env, 'JOB_TIMEOUT_SECONDS', 60, 2, 3600),
  };
}
