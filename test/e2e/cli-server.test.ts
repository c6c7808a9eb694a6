// The CLI while a real cellhub server runs. On the embedded database the server holds
// the database (its lock names its URL), so operator commands go through its /operator
// API; on PostgreSQL --server sends them there. Either way the output is the same as
// when the work is done in-process, which is checked once the server has stopped.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalDatabase } from '../support/harness.ts';
import { freePort, startServer, stopServer } from '../support/processes.ts';
import { until } from '../support/wait.ts';
import { runCli } from '../../src/cli/program.ts';
import { openDatabase } from '../../src/db/database.ts';
import { insertMail } from '../../src/domain/orders/mail.store.ts';

const embedded = !process.env.DATABASE_URL;
// PostgreSQL needs a configured token; the embedded database's server generates one into DATA_DIR, where the CLI finds it.
const TOKEN = embedded ? {} : { OPERATOR_TOKEN: 'cli-server-test-operator-token-0123456789' };

let target: Awaited<ReturnType<typeof externalDatabase>>;
const scratch = mkdtempSync(join(tmpdir(), 'cellhub-cli-server-'));
beforeAll(async () => {
  target = await externalDatabase();
});
afterAll(async () => {
  await target.drop();
  rmSync(scratch, { recursive: true, force: true });
});

// One public URL for the server and the CLI, so the demo's credentials read the same from either.
const env = () => ({ ...process.env, ...target.env, ...TOKEN, LOG_LEVEL: 'warn', PUBLIC_URL: 'http://cellhub.test' });

/** A command run in this process, as the binary would run it. */
async function cellhub(args: string[], extraEnv: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env: { ...env(), ...extraEnv }, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin: () => '' });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

/** A real `cellhub serve`; on the embedded database, up once its lock names its URL. */
async function startCellhub() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = await startServer({ ...env(), PORT: String(port) } as Record<string, string>);
  if (embedded) await until('the server names its URL in the lock', () => readFileSync(join(target.env.DATA_DIR, 'db.lock'), 'utf8').includes(url));
  return { url, process: child, stop: () => stopServer(child) };
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

describe('the CLI beside a running server', () => {
  it('does operator work through the server, with the output the work gives in-process', async () => {
    // Before the server: a mail with an attachment, for `mail show`.
    const org = (await cellhub(['org', 'create', '--name', 'Remote Co', '--licences', 'accounts', '--json'])).json();
    const database = await openDatabase(embedded ? { dataDir: join(target.env.DATA_DIR, 'db') } : { databaseUrl: target.env.DATABASE_URL });
    await database.migrate();
    await insertMail(database.db, {
      id: 'mail_01M8VKAX07GRVX5YX1Y15645NQ',
      organizationId: org.id,
      to: ['ada@example.com'],
      subject: 'Your eSIM',
      text: 'Scan the code',
      attachments: [{ filename: 'esim-qr.png', contentType: 'image/png', cid: 'qr', base64: PNG.toString('base64') }],
      state: 'outbox',
    });
    await database.close();

    const demoLine = (await cellhub(['demo', '--json'])).json().organizations[0].sms_senders[0].from;
    const csv = join(scratch, 'cdrs.csv');
    const at = new Date(Date.now() - 3_600_000).toISOString();
    writeFileSync(csv, `source_record_id,msisdn,type,direction,location_country,started_at,quantity\ncli-server-1,${demoLine},voice,outbound,GB,${at},60\n`);

    const server = await startCellhub();
    // A start says what it does, step by step, before its banner.
    await until('the server prints its banner', () => server.process.stderrText().includes('is serving on'));
    const started = server.process.stderrText();
    expect(started).toMatch(/cellhub: database ready \([\d.]+ s\)/);
    if (embedded) expect(started).toMatch(/cellhub: (made|found) the demo world: Acme Logistics, Globex Health \([\d.]+ s\)/);
    expect(started).toMatch(/cellhub: workers running \([\d.]+ s\)[\s\S]*is serving on/);
    const remote = async (args: string[]) => {
      const run = await cellhub(embedded ? args : ['--server', server.url, ...args]);
      expect(run.code, run.stderr).toBe(0);
      return run;
    };
    const seen: Record<string, unknown> = {};
    try {
      if (embedded) expect(readFileSync(join(target.env.DATA_DIR, 'db.lock'), 'utf8')).toBe(`${server.process.pid}\n${server.url}\n`);
      seen.demo = (await remote(['demo', '--json'])).json();
      seen.orgs = (await remote(['org', 'list', '--json'])).json();
      expect(seen.orgs).toContainEqual(org);
      seen.mail = (await remote(['mail', 'list', '--json'])).json();
      expect(seen.mail).toContainEqual(expect.objectContaining({ id: 'mail_01M8VKAX07GRVX5YX1Y15645NQ', subject: 'Your eSIM' }));
      seen.readable = (await remote(['org', 'list'])).stdout;
      // A client's secret rotated through the server: a new secret, printed once.
      const client = (await remote(['client', 'create', org.id, '--family', 'enterprise', '--licences', 'accounts', '--json'])).json();
      const rotated = (await remote(['client', 'rotate', org.id, client.client_id, '--json'])).json();
      expect(rotated).toMatchObject({ client_id: client.client_id, organization_id: org.id });
      expect(rotated.client_secret.length).toBeGreaterThan(30);
      expect(rotated.client_secret).not.toBe(client.client_secret);
      // A reseller's settings and the exchange rates, through the server.
      seen.settings = (await remote(['reseller', 'settings', org.id, '--topup-country-code', 'required', '--json'])).json();
      expect(seen.settings).toMatchObject({ organization_id: org.id, topup_requires_country_code: true });
      expect((await remote(['exchange-rate', 'set', 'EUR', 'JPY', '160.5', '--json'])).json()).toMatchObject({ from_currency: 'EUR', to_currency: 'JPY', rate: 160.5 });
      expect((await remote(['exchange-rate', 'set', 'EUR', 'SEK', '11.2', '--json'])).json()).toMatchObject({ rate: 11.2 });
      expect((await remote(['exchange-rate', 'remove', 'EUR', 'SEK', '--json'])).json()).toEqual({ from_currency: 'EUR', to_currency: 'SEK', removed: true });
      seen.rates = (await remote(['exchange-rate', 'list', '--json'])).json();
      expect(seen.rates).toContainEqual(expect.objectContaining({ from_currency: 'EUR', to_currency: 'JPY' }));
      expect(seen.rates).not.toContainEqual(expect.objectContaining({ to_currency: 'SEK' }));
      const shown = (await remote(['mail', 'show', 'mail_01M8VKAX07GRVX5YX1Y15645NQ', '--out', join(scratch, 'remote'), '--json'])).json();
      expect(shown.attachments).toEqual([
        { filename: 'esim-qr.png', content_type: 'image/png', size: PNG.length, path: join(scratch, 'remote', 'mail_01M8VKAX07GRVX5YX1Y15645NQ-esim-qr.png') },
      ]);
      expect(readFileSync(shown.attachments[0].path)).toEqual(PNG);
      seen.shown = { ...shown, attachments: shown.attachments.map(({ path: _, ...a }: { path: string }) => a) };
      // The simulator feeds the server's ingest.
      const simulated = (await remote(['simulate', '--rate', '5', '--seconds', '1', '--json'])).json();
      expect(simulated).toMatchObject({ seconds: 1, records: 5, rejected: 0 });
      expect(simulated.lines).toBeGreaterThan(10);
      // A usage file is rated by the server: in-process afterwards, its record is a duplicate.
      const importRun = (await remote(['usage', 'import', csv, '--json'])).json();
      expect(importRun).toMatchObject({ received: 1, accepted: 1, duplicates: 0, rejected: 0 });
      const wrongToken = await cellhub(['--server', server.url, 'org', 'list'], { OPERATOR_TOKEN: 'not-the-servers-operator-token-0123456789' });
      expect(wrongToken).toMatchObject({
        code: 1,
        stderr: `cellhub: the cellhub server at ${server.url} refused the operator token; set OPERATOR_TOKEN to the one it was started with\n`,
      });
      const missing = await cellhub(embedded ? ['mail', 'show', 'mail_01M8VKAX07GRVX5YX1Y15645NZ'] : ['--server', server.url, 'mail', 'show', 'mail_01M8VKAX07GRVX5YX1Y15645NZ']);
      expect(missing).toMatchObject({ code: 1, stderr: 'cellhub: NOT_FOUND: mail mail_01M8VKAX07GRVX5YX1Y15645NZ not found\n' });
    } finally {
      await server.stop();
    }

    // The server gone, the same commands run in this process and print the same.
    if (embedded) expect(existsSync(join(target.env.DATA_DIR, 'db.lock'))).toBe(false);
    expect((await cellhub(['demo', '--json'])).json()).toEqual({ ...(seen.demo as object), created: false });
    expect((await cellhub(['org', 'list', '--json'])).json()).toEqual(seen.orgs);
    expect((await cellhub(['mail', 'list', '--json'])).json()).toEqual(seen.mail);
    expect((await cellhub(['org', 'list'])).stdout).toBe(seen.readable);
    expect((await cellhub(['reseller', 'settings', org.id, '--json'])).json()).toEqual(seen.settings);
    expect((await cellhub(['exchange-rate', 'list', '--json'])).json()).toEqual(seen.rates);
    expect((await cellhub(['usage', 'import', csv, '--json'])).json()).toMatchObject({ received: 1, accepted: 0, duplicates: 1 });
    const local = (await cellhub(['mail', 'show', 'mail_01M8VKAX07GRVX5YX1Y15645NQ', '--out', join(scratch, 'local'), '--json'])).json();
    expect(readFileSync(local.attachments[0].path)).toEqual(PNG);
    expect({ ...local, attachments: local.attachments.map(({ path: _, ...a }: { path: string }) => a) }).toEqual(seen.shown);
  });
});
