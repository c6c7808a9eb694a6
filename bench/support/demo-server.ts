// A cellhub server seeded with the demo organizations, on a database of its own: a
// fresh DATA_DIR on the embedded database, or a fresh database beside DATABASE_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { freshDatabase } from './databases.ts';
import { freePort, startProcess } from './processes.ts';

export interface DemoClient {
  client_id: string;
  client_secret: string;
}

export interface DemoServer {
  base: string;
  /** Each demo organization's enterprise client. */
  enterpriseClients: DemoClient[];
  stop(): Promise<void>;
}

async function databaseEnv(name: string): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), `${name}-`));
    return { env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const database = await freshDatabase(adminUrl, name);
  return { env: { DATABASE_URL: database.url }, cleanup: () => database.drop() };
}

export async function startDemoServer(name: string): Promise<DemoServer> {
  const { env: dbEnv, cleanup } = await databaseEnv(name);
  const port = await freePort();
  const env = { ...dbEnv, PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '10000000' };
  const demo = spawnSync(process.execPath, ['bin/cellhub.js', 'demo', '--json'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  const organizations = JSON.parse(demo.stdout).organizations as { enterprise: { clients: DemoClient[] } }[];
  const server = await startProcess(['bin/cellhub.js', 'serve'], env, `http://127.0.0.1:${port}/health`);
  return {
    base: `http://127.0.0.1:${port}`,
    enterpriseClients: organizations.map((o) => o.enterprise.clients[0]),
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        server.kill('SIGTERM');
        await new Promise((r) => server.once('exit', r));
      }
      await cleanup();
    },
  };
}

export const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
