// The cellhub CLI as an operator runs it: a real process, on a real database.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalDatabase, fetchToken, startHarness } from './support/harness.ts';
import { iccidWithCheckDigit } from '../src/domain/telecom.ts';

let target: Awaited<ReturnType<typeof externalDatabase>>;
beforeAll(async () => {
  target = await externalDatabase();
});
afterAll(() => target.drop());

function cellhub(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['bin/cellhub.js', ...args], {
    env: { ...process.env, ...target.env, LOG_LEVEL: 'warn' },
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, json: () => JSON.parse(run.stdout) };
}

describe('cellhub demo', () => {
  it('seeds two organizations once and prints the same credentials every time', () => {
    const first = cellhub(['demo', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const demo = first.json();
    expect(demo.created).toBe(true);
    expect(demo.organizations).toHaveLength(2);
    for (const org of demo.organizations) {
      expect(org.enterprise).toMatchObject({ base_path: '/enterprise', realm: 'enterprise-apis' });
      expect(org.enterprise.clients[0].licences).toHaveLength(8);
      expect(org.connect).toMatchObject({ base_path: '/connect-api/v1', realm: 'tru-staff' });
      expect(org.connect.clients.map((c: { role: string }) => c.role)).toEqual(['RESELLER', 'ACCOUNT_MANAGER']);
      expect(org.sms_senders.length).toBeGreaterThan(0);
    }
    const again = cellhub(['demo', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json()).toEqual({ ...demo, created: false });
  });

  it('gives partners realistic data, kept apart per organization', async () => {
    const demo = cellhub(['demo', '--json']).json();
    const h = await startHarness({}, target.env);
    try {
      const seen: string[][] = [];
      for (const org of demo.organizations) {
        const { client_id: id, client_secret: secret } = org.enterprise.clients[0];
        const auth = { authorization: `Bearer ${await fetchToken(h.app, 'enterprise-apis', id, secret)}` };
        const accounts = (await h.app.inject({ url: '/enterprise/accounts', headers: auth })).json()._embedded.accounts;
        expect(new Set(accounts.map((a: { country: string }) => a.country)).size).toBe(4);
        const subs = (await h.app.inject({ url: '/enterprise/subscriptions?limit=100', headers: auth })).json()._embedded.subscriptions;
        expect(subs.length).toBeGreaterThanOrEqual(50);
        expect(new Set(subs.map((s: { status: string }) => s.status))).toEqual(new Set(['active', 'suspended', 'terminated']));
        seen.push(subs.map((s: { id: string }) => s.id));
        const templates = (await h.app.inject({ url: '/enterprise/order-templates', headers: auth })).json()._embedded['order-templates'];
        expect(templates.length).toBeGreaterThan(0);
        for (const c of org.connect.clients) await fetchToken(h.app, 'tru-staff', c.client_id, c.client_secret);
      }
      expect(seen[0].filter((id) => seen[1].includes(id))).toEqual([]);
    } finally {
      await h.app.close();
      await h.platform.close();
    }
  });
});

describe('operator commands', () => {
  it('set up an organization, a client, SIMs and numbers with JSON output', () => {
    const org = cellhub(['org', 'create', '--name', 'Umbrella', '--licences', 'accounts,subscriptions', '--json']);
    expect(org.code, org.stderr).toBe(0);
    const orgId = org.json().id;
    expect(org.json().licences).toEqual(['accounts', 'subscriptions']);
    const client = cellhub(['client', 'create', orgId, '--family', 'enterprise', '--licences', 'accounts', '--json']);
    expect(client.json()).toMatchObject({ organization_id: orgId, family: 'enterprise' });
    expect(client.json().client_secret.length).toBeGreaterThan(30);
    const iccids = [iccidWithCheckDigit('894499000000000001'), iccidWithCheckDigit('894499000000000002')];
    const sims = cellhub(['sim', 'import', '-', '--type', 'psim', '--json'], `# batch 7\n${iccids.join('\n')}\n`);
    expect(sims.json()).toEqual({ imported: 2, duplicates: 0 });
    const pool = cellhub(['pool', 'create', '--name', 'cli-pool', '--country', 'GB', '--json']).json();
    expect(cellhub(['pool', 'import', pool.id, '-', '--json'], '447700900990\n447700900991\n').json()).toEqual({ imported: 2, duplicates: 0 });
    const listed = cellhub(['client', 'list', orgId]);
    expect(listed.stdout).toContain('family: enterprise');
  });

  it('exit non-zero with the field named on bad input', () => {
    const org = cellhub(['org', 'create', '--name', 'Bad Input Co', '--json']).json();
    const res = cellhub(['account', 'create', org.id, '--name', 'x', '--country', 'gb']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('INVALID_REQUEST_PARAMS: country: must be an ISO 3166-1 alpha-2 code');
    const sims = cellhub(['sim', 'import', '-'], '8944990000000000010\n');
    expect(sims.code).toBe(1);
    expect(sims.stderr).toContain('iccids[0]');
    const unknown = cellhub(['client', 'create', 'org_01HTQ8VBN4DEJP5S8BPV4657VG', '--family', 'enterprise']);
    expect(unknown.stderr).toContain('NOT_FOUND');
  });
});
