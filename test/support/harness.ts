// A running cellhub for a test file: its own database cloned from the run's migrated
// template, the HTTP app (driven with inject, no port), and helpers to set up tenants
// and get tokens the way a partner would.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig, type Config } from '../../src/config.ts';
import { openPlatform, type Platform } from '../../src/platform.ts';
import { startWorkers, type Workers } from '../../src/workers.ts';
import { buildApp } from '../../src/app.ts';
import type { App } from '../../src/http/app-type.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { LICENCES } from '../../src/auth/licences.ts';
import { createLogger } from '../../src/observability/logger.ts';

export const OPERATOR_TOKEN = 'test-operator-token-0123456789abcdef';

export interface Harness {
  platform: Platform;
  app: App;
  /** The workers, unless started with WORKERS=off (and until startWorkers()). */
  workers?: Workers;
  /** Starts the workers in a harness started with WORKERS=off; close() stops them. */
  startWorkers(): Promise<Workers>;
  /** A fresh organization with an enterprise client holding the given licences; returns its bearer header. */
  tenant(options?: { licences?: string[]; clientLicences?: string[]; name?: string }): Promise<Tenant>;
  close(): Promise<void>;
}

export interface Tenant {
  organizationId: string;
  clientId: string;
  secret: string;
  token: string;
  auth: { authorization: string };
}

let counter = 0;

async function cloneDatabase(): Promise<{ open: { databaseUrl?: string; pglite?: PGlite }; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dump = readFileSync(inject('pgliteDump'));
    const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
    return { open: { pglite }, drop: async () => {} };
  }
  const name = `cellhub_t_${process.ppid}_${process.pid}_${counter++}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    open: { databaseUrl: target.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A migrated database outside this process, for the CLI: the environment that points
 * the CLI at it (DATA_DIR or DATABASE_URL), and a way to drop it.
 */
export async function externalDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const { open, drop } = await cloneDatabase();
    return { env: { DATABASE_URL: open.databaseUrl! }, drop };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'cellhub-cli-'));
  const pglite = await PGlite.create({ dataDir: join(dataDir, 'db'), loadDataDir: new Blob([readFileSync(inject('pgliteDump'))]) });
  await pglite.close();
  return { env: { DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

export interface HarnessOptions {
  /** Where the platform's log lines go (background work, and requests when TEST_LOG=1); unset, nowhere. */
  logStream?: NodeJS.WritableStream;
}

export async function startHarness(env: Record<string, string> = {}, database?: Record<string, string>, options: HarnessOptions = {}): Promise<Harness> {
  const { open, drop } = database ? { open: database.DATABASE_URL ? { databaseUrl: database.DATABASE_URL } : {}, drop: async () => {} } : await cloneDatabase();
  const config: Config = loadConfig({
    PUBLIC_URL: 'http://cellhub.test',
    KEY_ENCRYPTION_KEY: process.env.KEY_ENCRYPTION_KEY,
    SMDP_SIMULATOR_ADVANCE_MS: '0',
    ...env,
    ...database,
    DATABASE_URL: open.databaseUrl,
  });
  const level = options.logStream || process.env.TEST_LOG === '1' ? config.logLevel : 'silent';
  const log = createLogger({ level, format: options.logStream ? 'json' : 'auto', stream: options.logStream });
  const platform = await openPlatform(config, open, { log });
  const workers = env.WORKERS === 'off' ? undefined : await startWorkers(platform);
  const app = await buildApp(platform, { logger: options.logStream !== undefined || process.env.TEST_LOG === '1', operatorToken: OPERATOR_TOKEN, workers });
  await app.ready();
  const harness: Harness = {
    platform,
    app,
    workers,
    async startWorkers() {
      harness.workers = await startWorkers(platform);
      return harness.workers;
    },
    async tenant(options = {}) {
      const licences = options.licences ?? [...LICENCES];
      const org = await createOrganization(platform.db, { name: options.name ?? 'Test Org', licences });
      const { client, secret } = await createClient(platform.db, org.id, {
        name: 'test',
        family: 'enterprise',
        licences: options.clientLicences ?? licences,
      });
      const token = await fetchToken(app, 'enterprise-apis', client.clientId, secret);
      return { organizationId: org.id, clientId: client.clientId, secret, token, auth: { authorization: `Bearer ${token}` } };
    },
    async close() {
      await app.close();
      await harness.workers?.stop();
      await platform.close();
      await drop();
    },
  };
  return harness;
}

export async function fetchToken(app: App, realm: string, clientId: string, secret: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: `/auth/realms/${realm}/protocol/openid-connect/token`,
    payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (res.statusCode !== 200) throw new Error(`token request failed: ${res.statusCode} ${res.body}`);
  return res.json().access_token;
}
