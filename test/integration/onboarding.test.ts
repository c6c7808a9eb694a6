// Bulk onboarding (a cellhub extension): a file of employees becomes activation orders.
// A dry run names every bad row and field and orders nothing; a real run orders the good
// rows and refuses the bad ones with their reasons; the same file again orders nobody
// twice; progress reaches completed; another organization sees none of it; a file that
// cannot be read is a 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog } from '../support/fixtures.ts';
import { until } from '../support/wait.ts';
import { detachedAttempt } from '../support/jobs.ts';
import { orderNextChunk } from '../../src/domain/onboarding/onboarding.service.ts';

let h: Harness;
let acme: Tenant;
let globex: Tenant;
let setup: Awaited<ReturnType<typeof catalog>>;

beforeAll(async () => {
  h = await startHarness();
  acme = await h.tenant({ name: 'Acme' });
  globex = await h.tenant({ name: 'Globex' });
  setup = await catalog(h.platform.db, acme.organizationId, { sims: 20 });
});
afterAll(() => h.close());

const HEADER = 'first_name,last_name,email,employee_id,group,template,delivery';
const line = (n: number, overrides: Partial<Record<'first' | 'email' | 'template' | 'delivery' | 'employee', string>> = {}) =>
  [
    overrides.first ?? `Ada${n}`,
    'Lovelace',
    overrides.email ?? `ada${n}@example.com`,
    overrides.employee ?? `E-${n}`,
    'Engineering',
    overrides.template ?? setup.template.id,
    overrides.delivery ?? 'email',
  ].join(',');
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n') + '\n';

function upload(tenant: Tenant, body: string | object, query: Record<string, string> = {}, key = `k-${Math.random()}`) {
  const params = new URLSearchParams({ account_id: setup.account.id, ...query });
  const csvBody = typeof body === 'string';
  return h.app.inject({
    method: 'POST',
    url: `/enterprise/onboarding-batches?${params}`,
    headers: { ...tenant.auth, 'idempotency-key': key, 'content-type': csvBody ? 'text/csv' : 'application/json' },
    payload: csvBody ? body : JSON.stringify(body),
  });
}

const get = (tenant: Tenant, url: string) => h.app.inject({ method: 'GET', url: `/enterprise${url}`, headers: tenant.auth });

async function ordersOf(tenant: Tenant): Promise<number> {
  return (await get(tenant, '/orders?limit=100')).json()._embedded.orders.length;
}

/** The batch once it is completed. */
const completed = (tenant: Tenant, id: string) =>
  until(`batch ${id} completed`, async () => {
    const batch = (await get(tenant, `/onboarding-batches/${id}`)).json();
    return batch.status === 'completed' ? batch : undefined;
  });

const rowsOf = async (tenant: Tenant, id: string, query = '') => (await get(tenant, `/onboarding-batches/${id}/rows?limit=100${query}`)).json()._embedded.rows;

// Three good employees and two bad rows: a bad email and an unknown template with a wrong delivery.
const otherTemplate = 'otpl_A00ABCDRT1F00AVRPTAQ5XQFUX';
const mixedFile = () => csv(line(1), line(2, { email: 'not-an-email' }), line(3), line(4, { template: otherTemplate, delivery: 'pigeon' }), line(5, { delivery: 'api' }));

describe('onboarding batches', () => {
  it('a dry run names every bad row and field and orders nothing', async () => {
    const res = await upload(acme, mixedFile(), { dry_run: 'true' });
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json();
    expect(answer).toMatchObject({ dry_run: true, total: 5, to_order: 3, refused: 2, skipped: 0 });
    expect(answer.problems).toEqual([
      { row: 2, field: 'email', message: 'is not an email address' },
      { row: 4, field: 'delivery', message: 'must be email, api, psim or empty (email)' },
      { row: 4, field: 'template', message: `no order template ${otherTemplate} in this organization` },
    ]);
    expect(await ordersOf(acme)).toBe(0);
    expect((await get(acme, '/onboarding-batches')).json()._embedded['onboarding-batches']).toEqual([]);
  });

  let first: string;

  it('a real run orders the good rows and refuses the bad ones with their reasons, reaching completed', async () => {
    const res = await upload(acme, mixedFile());
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'running', total: 5, refused: 2, skipped: 0 });
    first = res.json().id;
    const batch = await completed(acme, first);
    expect(batch).toMatchObject({ total: 5, ordered: 3, refused: 2, skipped: 0, pending: 0 });
    expect(batch.completed_at).not.toBeNull();

    const rows = await rowsOf(acme, first);
    expect(rows.map((r: { row: number; result: string }) => [r.row, r.result])).toEqual([
      [1, 'ordered'],
      [2, 'refused'],
      [3, 'ordered'],
      [4, 'refused'],
      [5, 'ordered'],
    ]);
    expect(rows[1].reason).toBe('email: is not an email address');
    expect(rows[3].reason).toContain('template: no order template');
    const order = (await get(acme, `/orders/${rows[4].order_id}`)).json();
    expect(order).toMatchObject({ type: 'activate_subscription', account_id: setup.account.id, subscriber: { employee_id: 'E-5', email: 'ada5@example.com' } });
    expect(order.sim_profile.delivery).toMatchObject({ type: 'api' });
    expect(await ordersOf(acme)).toBe(3);

    const refused = await rowsOf(acme, first, '&result=refused');
    expect(refused.map((r: { row: number }) => r.row)).toEqual([2, 4]);
  });

  it('the same file again orders nothing new: its employees are skipped as already onboarded', async () => {
    const res = await upload(acme, mixedFile());
    expect(res.statusCode, res.body).toBe(202);
    const batch = await completed(acme, res.json().id);
    expect(batch).toMatchObject({ total: 5, ordered: 0, refused: 2, skipped: 3 });
    const skipped = await rowsOf(acme, batch.id, '&result=skipped');
    expect(skipped[0].reason).toMatch(new RegExp(`^employee_id: already onboarded by batch ${first} \\(order order_`));
    expect(await ordersOf(acme)).toBe(3);

    const dry = (await upload(acme, mixedFile(), { dry_run: 'true' })).json();
    expect(dry).toMatchObject({ to_order: 0, skipped: 3 });
    expect(dry.already_onboarded[0]).toMatchObject({ row: 1, employee_id: 'E-1', batch_id: first });
  });

  it('takes JSON rows, and an Idempotency-Key replays the batch rather than starting another', async () => {
    const body = { rows: [{ first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com', employee_id: 'E-1906', template: setup.template.id, delivery: 'psim' }] };
    const [a, b] = [await upload(acme, body, {}, 'same-key'), await upload(acme, body, {}, 'same-key')];
    expect(a.statusCode, a.body).toBe(202);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().id).toBe(a.json().id);
    const batch = await completed(acme, a.json().id);
    expect(batch).toMatchObject({ total: 1, ordered: 1 });
  });

  it('a chunk run again after it finished orders nothing twice', async () => {
    const res = await upload(acme, csv(line(20), line(21)));
    const batch = await completed(acme, res.json().id);
    const before = await ordersOf(acme);
    await orderNextChunk(h.platform, { organizationId: acme.organizationId, batchId: batch.id }, detachedAttempt(false));
    expect(await ordersOf(acme)).toBe(before);
    expect((await get(acme, `/onboarding-batches/${batch.id}`)).json()).toMatchObject({ ordered: 2, pending: 0 });
  });

  it('another organization sees none of it', async () => {
    expect((await get(globex, `/onboarding-batches/${first}`)).statusCode).toBe(404);
    expect((await get(globex, `/onboarding-batches/${first}/rows`)).statusCode).toBe(404);
    expect((await get(globex, '/onboarding-batches')).json()._embedded['onboarding-batches']).toEqual([]);
    // nor can it order into acme's account
    const res = await upload(globex, csv(line(30)), { dry_run: 'true' });
    expect(res.statusCode).toBe(400);
    expect(res.json().messages).toEqual([`account_id: no account ${setup.account.id} in this organization`]);
  });

  it('a file that cannot be read is a 400 naming the field', async () => {
    const refusal = async (body: string | object, query: Record<string, string> = {}) => {
      const res = await upload(acme, body, query);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().messages as string[];
    };
    expect(await refusal('')).toEqual(['file: is empty; the first line names the columns']);
    const noBody = await h.app.inject({ method: 'POST', url: `/enterprise/onboarding-batches?account_id=${setup.account.id}`, headers: acme.auth });
    expect([noBody.statusCode, noBody.json().messages]).toEqual([400, ['file: is required: send a CSV file (text/csv) or JSON {"rows": [...]}']]);
    expect(await refusal(`${HEADER}\n`)).toEqual(['rows: the file has no rows after its header']);
    expect(await refusal({ rows: [] })).toEqual(['rows: the file has no rows']);
    expect(await refusal(`${HEADER},badge\n${line(40)},7\n`)).toEqual([
      'badge: is not a column; the columns are first_name, last_name, email, employee_id, group, template, delivery',
    ]);
    expect(await refusal({ rows: [{ first_name: 'A', shoe_size: '9' }] })).toEqual([expect.stringMatching(/^shoe_size: is not a column/)]);
    expect(await refusal('first_name,last_name,email\nA,B,a@example.com\n')).toEqual([
      'employee_id: the column is missing (required)',
      'template: the column is missing (required)',
    ]);
    const many = Array.from({ length: 10_001 }, (_, i) => line(1000 + i));
    expect(await refusal(csv(...many))).toEqual(['rows: at most 10000 rows a batch']);
    expect(await refusal({ rows: many.map((_, i) => ({ employee_id: `E-${i}` })) })).toEqual(['rows: at most 10000 rows a batch; the file has 10001']);
    expect(await refusal(csv(line(41)), { account_id: 'nope' })).toEqual([expect.stringMatching(/^account_id: /)]);
    expect(await refusal(`${HEADER}\n"unterminated,x\n`)).toEqual([expect.stringMatching(/^file: /)]);
    expect(await ordersOf(acme)).toBe(6);
  });
});
