// `cellhub onboard FILE` against a running server's Enterprise API, with the
// organization's own client: a dry run prints every bad row and field and orders
// nothing; a real run follows the batch to its end and sums it up (ordered, refused with
// the reasons, already onboarded); the same file again orders nobody twice.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog } from '../support/fixtures.ts';
import { listening } from '../support/sdk.ts';
import { runCli } from '../../src/cli/program.ts';

let h: Harness;
let acme: Tenant;
let url: string;
let setup: Awaited<ReturnType<typeof catalog>>;
const scratch = mkdtempSync(join(tmpdir(), 'cellhub-onboard-'));

beforeAll(async () => {
  h = await startHarness();
  url = await listening(h);
  acme = await h.tenant({ name: 'Acme' });
  setup = await catalog(h.platform.db, acme.organizationId, { sims: 10 });
});
afterAll(async () => {
  await h.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function onboard(file: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const env = { ...process.env, LOG_LEVEL: 'warn', CELLHUB_CLIENT_ID: acme.clientId, CELLHUB_CLIENT_SECRET: acme.secret };
  const code = await runCli(['--json', '--server', url, 'onboard', file, '--account', setup.account.id, ...args], {
    env,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: () => '',
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

describe('cellhub onboard', () => {
  const file = join(scratch, 'joiners.csv');
  it('a dry run prints every bad row and field, and orders nothing', async () => {
    writeFileSync(file, fileText());
    const run = await onboard(file, '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ dry_run: true, total: 3, to_order: 2, refused: 1 });
    expect(run.json().problems.map((p: { row: number; field: string }) => `${p.row} ${p.field}`)).toEqual(['2 last_name', '2 email', '2 template']);
    expect((await h.app.inject({ url: '/enterprise/onboarding-batches', headers: acme.auth })).json()._embedded['onboarding-batches']).toEqual([]);
  });

  it('a real run follows the batch to its end and sums it up; the same file again orders nobody twice', async () => {
    const run = await onboard(file);
    expect(run.code, run.stderr).toBe(0);
    const summary = run.json();
    expect(summary).toMatchObject({ status: 'completed', total: 3, ordered: 2, refused: 1, already_onboarded: 0 });
    expect(summary.refusals).toEqual([{ row: 2, employee_id: 'E-2', reason: expect.stringContaining('last_name: is required') }]);

    const again = (await onboard(file)).json();
    expect(again).toMatchObject({ ordered: 0, refused: 1, already_onboarded: 2 });
    expect(again.skipped.map((s: { employee_id: string }) => s.employee_id)).toEqual(['E-1', 'E-3']);
  });

  it('says what it needs without a client', async () => {
    let stderr = '';
    const code = await runCli(['onboard', file, '--account', setup.account.id], { env: {}, stdout: () => {}, stderr: (t) => void (stderr += t), stdin: () => '' });
    expect(code).toBe(1);
    expect(stderr).toContain('CELLHUB_CLIENT_ID and CELLHUB_CLIENT_SECRET');
  });
});

function fileText() {
  return [
    'first_name,last_name,email,employee_id,group,template,delivery',
    `Ada,Lovelace,ada@example.com,E-1,Engineering,${setup.template.id},email`,
    'Bob,,bob@example,E-2,Sales,otpl_A00ABCDRT1F00AVRPTAQ5XQFUX,',
    `Cy,Young,cy@example.com,E-3,,${setup.template.id},psim`,
  ].join('\n');
}
