// The cellhub CLI as an operator runs it, on a real database. Commands run in this
// process through the same entry point as the binary (a process per call costs seconds
// on a busy machine); a few real subprocess calls prove the binary itself.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalDatabase, fetchToken, startHarness } from '../support/harness.ts';
import { iccidWithCheckDigit, isIccid } from '../../src/domain/telecom.ts';
import { runCli } from '../../src/cli/program.ts';
import { LICENCES } from '../../src/auth/licences.ts';

let target: Awaited<ReturnType<typeof externalDatabase>>;
beforeAll(async () => {
  target = await externalDatabase();
});
afterAll(() => target.drop());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  json: () => any;
}

const env = () => ({ ...process.env, ...target.env, LOG_LEVEL: 'warn' });

/** A command run in this process, as the binary would run it. */
async function cellhub(args: string[], input = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    env: env(),
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stdin: () => input,
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

/** The real binary in a process of its own. */
function binary(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, ['bin/cellhub.js', ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) })));
}

// Only a guard against a hang: a process start compiles the sources and may take long on a busy machine.
const SUBPROCESS = { timeout: 300_000 };

describe('cellhub demo', () => {
  it('seeds two organizations once and prints the same credentials every time, from the binary', SUBPROCESS, async () => {
    const first = await binary(['demo', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const demo = first.json();
    expect(demo.created).toBe(true);
    expect(demo.organizations).toHaveLength(2);
    for (const org of demo.organizations) {
      expect(org.enterprise).toMatchObject({ base_path: '/enterprise', realm: 'enterprise-apis' });
      expect([...org.enterprise.clients[0].licences].sort()).toEqual([...LICENCES].sort());
      expect(org.connect).toMatchObject({ base_path: '/connect-api/v1', realm: 'tru-staff' });
      expect(org.connect.clients.map((c: { role: string }) => c.role)).toEqual(['RESELLER', 'ACCOUNT_MANAGER']);
      expect(org.sms_senders.length).toBeGreaterThan(0);
      for (const s of org.sms_senders) expect(s).toEqual({ from: expect.stringMatching(/^\+\d+$/), to: expect.stringMatching(/^\+\d+$/) });
    }
    expect(demo.console_url).toMatch(/\/console$/);
    expect(demo.people.map((p: { email: string; role: string; organization: { family: string } | null }) => [p.email, p.role, p.organization?.family ?? null])).toEqual([
      ['operator@demo.cellhub.test', 'admin', null],
      ['admin@acme-logistics.example', 'admin', 'enterprise'],
      ['reseller@acme-logistics.example', 'admin', 'connect'],
      ['admin@globex-health.example', 'admin', 'enterprise'],
      ['reseller@globex-health.example', 'admin', 'connect'],
    ]);
    for (const p of demo.people) expect(p.password).toMatch(/^[\w-]{20}$/);
    const again = await cellhub(['demo', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json()).toEqual({ ...demo, created: false });
  });

  it('gives partners realistic data, kept apart per organization', SUBPROCESS, async () => {
    const demo = (await cellhub(['demo', '--json'])).json();
    for (const org of demo.organizations) {
      const customers = await cellhub(['customer', 'list', org.id, '--json']);
      expect(customers.json().map((x: { id: string }) => x.id)).toEqual([org.connect.clients.find((c: { role: string }) => c.role === 'ACCOUNT_MANAGER').customer.id]);
    }
    const h = await startHarness({}, target.env);
    try {
      if (!process.env.DATABASE_URL) {
        // While this process holds the embedded database, another is refused rather than let in to corrupt it.
        const refused = await binary(['org', 'list']);
        expect(refused.code).toBe(1);
        // This process serves no operator API to send the work to.
        expect(refused.stderr).toMatch(/embedded database in .* is in use by process \d+, which serves no operator API/);
      }
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
        const usage = (await h.app.inject({ url: '/enterprise/usage/items?limit=100', headers: auth })).json();
        expect(usage._embedded.items).toHaveLength(100);
        expect(new Date(usage.usage_complete_until).getTime()).toBeGreaterThan(Date.now() - 3_600_000);
        for (const costType of ['free', 'in_bundle', 'out_of_bundle']) {
          const some = (await h.app.inject({ url: `/enterprise/usage/items?cost-type=${costType}&limit=1`, headers: auth })).json();
          expect(some._embedded.items, costType).toHaveLength(1);
        }
        const roaming = (await h.app.inject({ url: '/enterprise/usage/items?type=data&limit=100', headers: auth })).json();
        expect(roaming._embedded.items.some((i: { roaming: boolean }) => i.roaming)).toBe(true);
        // Each authorized sender comes with a number it can send to at once.
        for (const { from, to } of org.sms_senders) {
          const sms = await h.app.inject({ method: 'POST', url: '/enterprise/sms', headers: auth, payload: { from, to: [to], text: 'Hello from the demo' } });
          expect(sms.statusCode, sms.body).toBe(200);
        }
        for (const c of org.connect.clients) {
          const connect = { authorization: `Bearer ${await fetchToken(h.app, 'tru-staff', c.client_id, c.client_secret)}` };
          const products = (await h.app.inject({ url: '/connect-api/v1/products', headers: connect })).json();
          expect(products.map((p: { region: string }) => p.region)).toContain('europe');
          // The ACCOUNT_MANAGER comes with its customer; the RESELLER has none and no access to customer.
          const customer = await h.app.inject({ url: `/connect-api/v1/customer?email=${c.customer?.email ?? 'x@example.com'}`, headers: connect });
          if (c.role === 'ACCOUNT_MANAGER') {
            expect(customer.statusCode, customer.body).toBe(200);
            expect(customer.json()).toMatchObject({ id: c.customer.id, email: c.customer.email, type: 'PERSONAL', firstName: c.customer.first_name });
          } else {
            expect(c.customer).toBeUndefined();
            expect(customer.statusCode).toBe(403);
          }
        }
      }
      expect(seen[0].filter((id) => seen[1].includes(id))).toEqual([]);
    } finally {
      await h.app.close();
      await h.platform.close();
    }
  });
});

describe('operator commands', () => {
  it('set up an organization, a client, SIMs and numbers with JSON output', async () => {
    const org = await cellhub(['org', 'create', '--name', 'Umbrella', '--licences', 'accounts,subscriptions', '--json']);
    expect(org.code, org.stderr).toBe(0);
    const orgId = org.json().id;
    expect(org.json().licences).toEqual(['accounts', 'subscriptions']);
    const client = await cellhub(['client', 'create', orgId, '--family', 'enterprise', '--licences', 'accounts', '--json']);
    expect(client.json()).toMatchObject({ organization_id: orgId, family: 'enterprise' });
    expect(client.json().client_secret.length).toBeGreaterThan(30);
    const iccids = [iccidWithCheckDigit('894499000000000001'), iccidWithCheckDigit('894499000000000002')];
    const sims = await cellhub(['sim', 'import', '-', '--type', 'psim', '--json'], `# batch 7\n${iccids.join('\n')}\n`);
    expect(sims.json()).toEqual({ imported: 2, duplicates: 0 });
    const pool = (await cellhub(['pool', 'create', '--name', 'cli-pool', '--country', 'GB', '--json'])).json();
    expect((await cellhub(['pool', 'import', pool.id, '-', '--json'], '447700900990\n447700900991\n')).json()).toEqual({ imported: 2, duplicates: 0 });
    const listed = await cellhub(['client', 'list', orgId]);
    expect(listed.stdout).toContain('family: enterprise');
    // Rotated: a new secret, printed once; the list still holds none.
    const rotated = await cellhub(['client', 'rotate', orgId, client.json().client_id, '--json']);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.json()).toMatchObject({ client_id: client.json().client_id, organization_id: orgId });
    expect(rotated.json().client_secret).not.toBe(client.json().client_secret);
    expect((await cellhub(['client', 'list', orgId])).stdout).not.toContain(rotated.json().client_secret);
    const plan = await cellhub([
      'offering',
      'create',
      orgId,
      '--type',
      'plan',
      '--name',
      'CLI 5 GB',
      '--validity-days',
      '30',
      '--price',
      '9.00',
      '--currency',
      'GBP',
      '--data-bytes',
      '5368709120',
      '--footprint',
      'FR,DE',
      '--json',
    ]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.json()).toMatchObject({
      type: 'plan',
      name: 'CLI 5 GB',
      data_bytes: 5368709120,
      voice_seconds: null,
      validity_days: 30,
      price: '9.00',
      currency: 'GBP',
      footprint: ['FR', 'DE'],
    });
    expect((await cellhub(['offering', 'list', orgId, '--json'])).json().map((o: { id: string }) => o.id)).toEqual([plan.json().id]);
  });

  it('invite console people and list them, naming the field on bad input', async () => {
    const org = (await cellhub(['org', 'create', '--name', 'People Co', '--json'])).json();
    const member = await cellhub(['person', 'invite', '--email', 'dana@people.example', '--name', 'Dana', '--role', 'viewer', '--org', org.id, '--family', 'connect', '--json']);
    expect(member.code, member.stderr).toBe(0);
    expect(member.json()).toMatchObject({ email: 'dana@people.example', role: 'viewer', organization_id: org.id, family: 'connect', status: 'invited' });
    const staff = await cellhub(['person', 'invite', '--email', 'sam@operator.example', '--name', 'Sam', '--role', 'support', '--json']);
    expect(staff.json()).toMatchObject({ scope: 'operator', role: 'support' });
    expect((await cellhub(['person', 'list', '--org', org.id, '--json'])).json().map((p: { email: string }) => p.email)).toEqual(['dana@people.example']);
    expect((await cellhub(['person', 'list', '--org', 'operator', '--json'])).json().map((p: { email: string }) => p.email)).toContain('sam@operator.example');
    const mail = (await cellhub(['mail', 'list', '--json'])).json() as { to: string[]; subject: string }[];
    expect(mail.find((m) => m.to.includes('dana@people.example'))?.subject).toBe('Your cellhub console invitation');
    const bad = await cellhub(['person', 'invite', '--email', 'x@people.example', '--name', 'X', '--role', 'viewer']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('role: must be one of admin, support for operator staff');
  });

  it('exit non-zero with the field named on bad input', async () => {
    const org = (await cellhub(['org', 'create', '--name', 'Bad Input Co', '--json'])).json();
    const res = await cellhub(['account', 'create', org.id, '--name', 'x', '--country', 'gb']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('INVALID_REQUEST_PARAMS: country: must be an ISO 3166-1 alpha-2 code');
    const sims = await cellhub(['sim', 'import', '-'], '8944990000000000010\n');
    expect(sims.code).toBe(1);
    expect(sims.stderr).toContain('iccids[0]');
    const unknown = await cellhub(['client', 'create', 'org_01HTQ8VBN4DEJP5S8BPV4657VG', '--family', 'enterprise', '--licences', 'accounts']);
    expect(unknown.stderr).toContain('NOT_FOUND');
    const typo = await cellhub(['org', 'lsit']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain("unknown command 'lsit'");
    const help = await cellhub(['org', '--help']);
    expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: cellhub org') });
  });

  it('refuse an enterprise client without licences, which could call nothing, and make none', async () => {
    const org = (await cellhub(['org', 'create', '--name', 'No Licence Co', '--licences', 'accounts', '--json'])).json();
    const refused = await cellhub(['client', 'create', org.id, '--family', 'enterprise']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^cellhub: --licences: an enterprise client needs at least one licence, or it can call nothing; give some of accounts, subscribers, .*\n$/);
    expect(await cellhub(['client', 'create', org.id, '--family', 'enterprise', '--licences', ' , ']).then((r) => r.code)).toBe(1);
    expect((await cellhub(['client', 'list', org.id, '--json'])).json()).toEqual([]);
    const connect = await cellhub(['client', 'create', org.id, '--family', 'connect', '--role', 'RESELLER', '--json']);
    expect(connect.code, connect.stderr).toBe(0);
  });

  it('generate valid test ICCIDs that sim import takes', async () => {
    const generated = await cellhub(['sim', 'generate', '--count', '200', '--json']);
    expect(generated.code, generated.stderr).toBe(0);
    const iccids: string[] = generated.json();
    expect(iccids).toHaveLength(200);
    expect(new Set(iccids).size).toBe(200);
    for (const iccid of iccids) {
      expect(iccid).toMatch(/^894499\d{13}$/);
      expect(isIccid(iccid), iccid).toBe(true);
      // The Luhn check digit, computed here by hand: double every second digit from the right.
      const sum = [...iccid].reverse().reduce((s, c, i) => {
        const d = Number(c) * (i % 2 ? 2 : 1);
        return s + (d > 9 ? d - 9 : d);
      }, 0);
      expect(sum % 10, iccid).toBe(0);
    }
    const plain = await cellhub(['sim', 'generate', '--count', '3', '--prefix', '8933']);
    const lines = plain.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const iccid of lines) expect(isIccid(iccid) && iccid.startsWith('8933'), iccid).toBe(true);
    expect((await cellhub(['sim', 'import', '-', '--json'], plain.stdout)).json()).toEqual({ imported: 3, duplicates: 0 });
    expect((await cellhub(['sim', 'generate', '--prefix', '12'])).stderr).toContain('--prefix: must be digits starting 89');
  });

  it('give every leaf command and option a description', async () => {
    const top = await cellhub(['--help']);
    const groups = [...top.stdout.matchAll(/^ {2}(\w+)(?: \[options\])?(?: \[command\])?/gm)].map((m) => m[1]).filter((g) => g !== 'help');
    expect(groups.length).toBeGreaterThan(10);
    for (const group of groups) {
      const help = await cellhub([group, '--help']);
      const leaves = [...help.stdout.matchAll(/^ {2}(\w[\w-]*)\b/gm)].map((m) => m[1]).filter((c) => c !== 'help');
      for (const leaf of help.stdout.includes('Commands:') ? leaves : []) {
        const text = (await cellhub([group, leaf, '--help'])).stdout;
        const usage = text.split('\n')[0];
        // A description under the usage line, and text beside every option.
        expect(text.split('\n')[2], `${group} ${leaf}`).not.toBe('');
        for (const line of text.split('\n').filter((l) => /^ {2}-/.test(l))) expect(line.trim(), `${usage}: ${line}`).toMatch(/\S\s{2,}\S/);
      }
    }
    expect((await cellhub(['usage', 'import', '--help'])).stdout).toContain('location_country   required');
  });

  it('show and rotate webhook secrets, list deliveries and move a sandbox clock', async () => {
    const org = (await cellhub(['org', 'create', '--name', 'Hooks Co', '--json'])).json();
    const secret = (await cellhub(['webhook', 'secret', org.id, '--json'])).json().secret;
    expect(secret).toMatch(/^whsec_/);
    expect((await cellhub(['webhook', 'secret', org.id, '--rotate', '--json'])).json().secret).not.toBe(secret);
    expect((await cellhub(['webhook', 'list', '--org', org.id, '--json'])).json()).toEqual([]);
    expect((await cellhub(['sandbox', 'advance', org.id, '--days', '2', '--json'])).json()).toEqual({ organization_id: org.id, advanced_seconds: 172_800, subscriptions_moved: 0 });
  });

  it("set a Connect reseller's settings and the exchange rates, naming the field on bad input", async () => {
    const org = (await cellhub(['org', 'create', '--name', 'Reseller Co', '--json'])).json();
    expect((await cellhub(['reseller', 'settings', org.id, '--json'])).json()).toEqual({ organization_id: org.id, topup_requires_country_code: false, updated_at: null });
    const required = (await cellhub(['reseller', 'settings', org.id, '--topup-country-code', 'required', '--json'])).json();
    expect(required).toEqual({ organization_id: org.id, topup_requires_country_code: true, updated_at: expect.any(String) });
    expect((await cellhub(['reseller', 'settings', org.id, '--json'])).json()).toEqual(required);
    expect((await cellhub(['reseller', 'settings', org.id, '--topup-country-code', 'optional', '--json'])).json().topup_requires_country_code).toBe(false);
    expect((await cellhub(['reseller', 'settings', org.id, '--topup-country-code', 'sometimes'])).stderr).toContain("argument 'sometimes' is invalid");

    const set = await cellhub(['exchange-rate', 'set', 'EUR', 'CHF', '0.94', '--json']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.json()).toEqual({ from_currency: 'EUR', to_currency: 'CHF', rate: 0.94, set_at: expect.any(String) });
    expect((await cellhub(['exchange-rate', 'list', '--json'])).json()).toContainEqual(set.json());
    const bad = await cellhub(['exchange-rate', 'set', 'EURO', 'CHF', '1']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('INVALID_REQUEST_PARAMS: from_currency: EURO is not an ISO 4217 currency code');
    expect((await cellhub(['exchange-rate', 'set', 'EUR', 'CHF', 'lots'])).stderr).toContain('rate: must be a number more than 0');
    expect((await cellhub(['exchange-rate', 'remove', 'EUR', 'CHF', '--json'])).json()).toEqual({ from_currency: 'EUR', to_currency: 'CHF', removed: true });
    expect((await cellhub(['exchange-rate', 'remove', 'EUR', 'CHF'])).stderr).toContain('NOT_FOUND: exchange rate EUR to CHF not found');
  });
});

describe('cellhub usage import', () => {
  it('rates a CSV and a JSON-lines file, refuses bad lines by number and ignores a re-import', async () => {
    const demo = (await cellhub(['demo', '--json'])).json();
    const msisdn = demo.organizations[0].sms_senders[0].from;
    const dir = mkdtempSync(join(tmpdir(), 'cellhub-usage-'));
    const started = new Date(Date.now() - 3_600_000).toISOString();
    const csv = join(dir, 'cdrs.csv');
    writeFileSync(
      csv,
      [
        'source_record_id,msisdn,type,direction,location_country,started_at,ended_at,quantity',
        `cli-1,${msisdn},voice,outbound,GB,${started},${started},45`,
        `cli-2,${msisdn},sms,outbound,GB,${started},${started},1`,
        `cli-3,${msisdn},fax,outbound,GB,${started},${started},1`,
      ].join('\n'),
    );
    const jsonl = join(dir, 'cdrs.jsonl');
    writeFileSync(
      jsonl,
      [JSON.stringify({ source_record_id: 'cli-4', msisdn, type: 'data', direction: 'outbound', location_country: 'FR', started_at: started, quantity: 2048 }), '{not json'].join(
        '\n',
      ),
    );

    const first = await cellhub(['usage', 'import', csv, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json()).toMatchObject({ format: 'csv', received: 3, accepted: 2, rejected: 1, rejections: [{ line: 4, source_record_id: 'cli-3' }] });
    expect(first.json().rejections[0].reason).toMatch(/^type:/);
    const lines = await cellhub(['usage', 'import', jsonl, '--json']);
    expect(lines.json()).toMatchObject({ format: 'jsonl', received: 2, accepted: 1, rejected: 1, rejections: [{ line: 2 }] });
    const again = await cellhub(['usage', 'import', csv, '--json']);
    expect(again.json()).toMatchObject({ received: 3, accepted: 0, duplicates: 2, rejected: 1 });
    rmSync(dir, { recursive: true, force: true });
  });

  it('simulates traffic for the demo lines through the same rating', async () => {
    const run = await cellhub(['simulate', '--rate', '7', '--seconds', '1', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ seconds: 1, records: 7, rejected: 0 });
    expect(run.json().lines).toBeGreaterThan(10);
    expect((await cellhub(['simulate', '--rate', '0'])).stderr).toMatch(/--rate: must be a whole number/);
  });
});
