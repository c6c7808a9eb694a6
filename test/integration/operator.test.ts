import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchToken, OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { iccidWithCheckDigit } from '../../src/domain/telecom.ts';

let h: Harness;
const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
const post = (url: string, payload: object) => h.app.inject({ method: 'POST', url: `/operator${url}`, payload, headers: op });
const get = (url: string) => h.app.inject({ url: `/operator${url}`, headers: op });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('operator authentication', () => {
  it('refuses a missing or wrong operator token', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token' }, { authorization: OPERATOR_TOKEN }]) {
      const res = await h.app.inject({ url: '/operator/organizations', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().type).toBe('UNAUTHORISED');
    }
  });

  it('does not take a partner token', async () => {
    const t = await h.tenant();
    expect((await h.app.inject({ url: '/operator/organizations', headers: t.auth })).statusCode).toBe(401);
  });
});

describe('setting up a partner', () => {
  it('creates an organization, a client whose secret works once shown, and lists them', async () => {
    const org = await post('/organizations', { name: 'Initech', licences: ['accounts', 'subscriptions'] });
    expect(org.statusCode).toBe(201);
    const orgId = org.json().id;
    expect(orgId).toMatch(/^org_[0-9A-Z]{26}$/);
    expect((await get(`/organizations/${orgId}`)).json()).toMatchObject({ name: 'Initech', licences: ['accounts', 'subscriptions'] });

    const client = await post(`/organizations/${orgId}/clients`, { name: 'erp', family: 'enterprise', licences: ['accounts'] });
    expect(client.statusCode).toBe(201);
    const { client_id: clientId, client_secret: secret } = client.json();
    const token = await fetchToken(h.app, 'enterprise-apis', clientId, secret);
    expect((await h.app.inject({ url: '/enterprise/accounts', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);

    const listed = (await get(`/organizations/${orgId}/clients`)).json();
    expect(listed).toHaveLength(1);
    expect(listed[0].client_secret).toBeUndefined();
    expect(JSON.stringify(listed)).not.toContain(secret);

    const all = (await get('/organizations?limit=100')).json();
    expect(all.items.map((o: { id: string }) => o.id)).toContain(orgId);
  });

  it('updates licences, and they take effect', async () => {
    const t = await h.tenant({ licences: ['accounts'], clientLicences: ['accounts', 'subscribers'] });
    expect((await h.app.inject({ url: '/enterprise/subscribers', headers: t.auth })).statusCode).toBe(403);
    const res = await h.app.inject({ method: 'PUT', url: `/operator/organizations/${t.organizationId}/licences`, payload: { licences: ['accounts', 'subscribers'] }, headers: op });
    expect(res.json().licences).toEqual(['accounts', 'subscribers']);
    expect((await h.app.inject({ url: '/enterprise/subscribers', headers: t.auth })).statusCode).toBe(200);
  });

  it('creates connect clients with a role, and refuses a role on the wrong family', async () => {
    const orgId = (await post('/organizations', { name: 'Resell Co' })).json().id;
    const reseller = await post(`/organizations/${orgId}/clients`, { name: 'shop', family: 'connect', role: 'RESELLER' });
    expect(reseller.json()).toMatchObject({ family: 'connect', role: 'RESELLER' });
    const noRole = await post(`/organizations/${orgId}/clients`, { name: 'shop', family: 'connect' });
    expect(noRole.json()).toEqual({ type: 'INVALID_REQUEST_PARAMS', messages: ['role: must be one of RESELLER, ACCOUNT_MANAGER'] });
    const wrong = await post(`/organizations/${orgId}/clients`, { name: 'x', family: 'enterprise', role: 'RESELLER' });
    expect(wrong.json().messages).toEqual(['role: only connect clients have a role']);
    const badFamily = await post(`/organizations/${orgId}/clients`, { name: 'x', family: 'telepathy' });
    expect(badFamily.json().messages[0]).toBe('family: must be one of enterprise, connect');
  });

  it('answers 404 for an unknown organization', async () => {
    expect((await get('/organizations/org_01HTQ8VBN4DEJP5S8BPV4657VG')).statusCode).toBe(404);
    const res = await post('/organizations/org_01HTQ8VBN4DEJP5S8BPV4657VG/accounts', { name: 'x', country: 'GB' });
    expect(res.statusCode).toBe(404);
  });

  it('builds a catalogue: account, offerings, pool, template', async () => {
    const orgId = (await post('/organizations', { name: 'Catalog Co' })).json().id;
    const account = await post(`/organizations/${orgId}/accounts`, { name: 'Dublin', country: 'IE', reference_code: 'IE-1' });
    expect(account.json()).toMatchObject({ name: 'Dublin', country: 'IE', reference_code: 'IE-1', status: 'active' });
    expect((await post(`/organizations/${orgId}/accounts`, { name: 'x', country: 'ireland' })).json().messages[0]).toBe('country: must match ^[A-Z]{2}$');

    const plan = await post(`/organizations/${orgId}/offerings`, {
      type: 'plan',
      name: '20GB',
      data_bytes: 20 * 1024 ** 3,
      voice_seconds: 60000,
      sms_count: 1000,
      validity_days: 30,
      price: '20.00',
      currency: 'EUR',
      footprint: ['IE', 'GB'],
    });
    expect(plan.statusCode).toBe(201);
    expect(plan.json()).toMatchObject({ type: 'plan', data_bytes: 20 * 1024 ** 3, footprint: ['IE', 'GB'], voice_increment_seconds: 60 });
    const badPrice = await post(`/organizations/${orgId}/offerings`, { type: 'plan', name: 'x', validity_days: 30, price: '20,00', currency: 'EUR' });
    expect(badPrice.json().messages[0]).toMatch(/^price: must match/);
    const badType = await post(`/organizations/${orgId}/offerings`, { type: 'bundle', name: 'x', validity_days: 30, price: '1', currency: 'EUR' });
    expect(badType.json().messages[0]).toBe('type: must be one of plan, add_on');

    const pool = await post('/number-pools', { name: 'ie-mobile', country: 'IE' });
    expect(pool.statusCode).toBe(201);
    expect((await post('/number-pools', { name: 'ie-mobile', country: 'IE' })).statusCode).toBe(409);
    const imported = await post(`/number-pools/${pool.json().id}/numbers`, { msisdns: ['+353870000001', '353870000002', '353870000002'] });
    expect(imported.json()).toEqual({ imported: 2, duplicates: 1 });
    const badNumbers = await post(`/number-pools/${pool.json().id}/numbers`, { msisdns: ['353870000003', '12ab'] });
    expect(badNumbers.json().messages).toEqual(['msisdns[1]: "12ab" is not an E.164 number']);
    const pools = (await get('/number-pools')).json();
    expect(pools.find((p: { name: string }) => p.name === 'ie-mobile').numbers).toEqual({ available: 2, assigned: 0, quarantined: 0, total: 2 });

    const template = await post(`/organizations/${orgId}/order-templates`, { description: 'Starter', offering_ids: [plan.json().id], number_pool_id: pool.json().id });
    expect(template.statusCode).toBe(201);
    expect(template.json()).toMatchObject({ type: 'activate_subscription', offerings: [{ id: plan.json().id, type: 'plan', name: '20GB' }] });
    expect((await get(`/organizations/${orgId}/order-templates`)).json().items).toHaveLength(1);
    expect((await get(`/organizations/${orgId}/offerings`)).json().items).toHaveLength(1);
    expect((await get(`/organizations/${orgId}/accounts`)).json().items).toHaveLength(1);
  });

  it("refuses a template naming another organization's offering", async () => {
    const a = (await post('/organizations', { name: 'A' })).json().id;
    const b = (await post('/organizations', { name: 'B' })).json().id;
    const plan = (await post(`/organizations/${a}/offerings`, { type: 'plan', name: 'p', validity_days: 30, price: '1.00', currency: 'EUR' })).json();
    const res = await post(`/organizations/${b}/order-templates`, { description: 'x', offering_ids: [plan.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().messages).toEqual(['offering_ids[0]: no such product offering in this organization']);
    const addOn = (await post(`/organizations/${a}/offerings`, { type: 'add_on', name: 'a', validity_days: 30, price: '1.00', currency: 'EUR' })).json();
    expect((await post(`/organizations/${a}/order-templates`, { description: 'x', offering_ids: [addOn.id] })).json().messages).toEqual([
      'offering_ids: must include at least one plan',
    ]);
  });

  it('imports Luhn-checked ICCIDs and names the bad ones', async () => {
    const good = iccidWithCheckDigit('894470000000000001');
    const res = await post('/sims', { sim_type: 'esim', iccids: [good, good] });
    expect(res.json()).toEqual({ imported: 1, duplicates: 1 });
    const wrongCheck = good.slice(0, -1) + ((Number(good.at(-1)) + 1) % 10);
    const bad = await post('/sims', { sim_type: 'esim', iccids: [iccidWithCheckDigit('894470000000000002'), wrongCheck, '123'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().messages).toEqual([
      `iccids[1]: "${wrongCheck}" is not an ICCID (19 digits from 89, Luhn check digit last)`,
      'iccids[2]: "123" is not an ICCID (19 digits from 89, Luhn check digit last)',
    ]);
    // Nothing of a refused batch lands.
    expect((await get('/sims?state=available&limit=100')).json().items.map((s: { iccid: string }) => s.iccid)).toEqual([good]);
    expect((await get('/sims/summary')).json()).toEqual([{ sim_type: 'esim', state: 'available', count: 1 }]);
  });

  it('authorizes, lists and revokes SMS senders', async () => {
    const orgId = (await post('/organizations', { name: 'Texters' })).json().id;
    expect((await post(`/organizations/${orgId}/sms-senders`, { msisdn: '+447700900123' })).json()).toEqual({ msisdn: '447700900123' });
    expect((await post(`/organizations/${orgId}/sms-senders`, { msisdn: '447700900123' })).statusCode).toBe(200);
    expect((await get(`/organizations/${orgId}/sms-senders`)).json().map((s: { msisdn: string }) => s.msisdn)).toEqual(['447700900123']);
    expect((await post(`/organizations/${orgId}/sms-senders`, { msisdn: 'abc' })).json().messages[0]).toMatch(/^msisdn: must match/);
    const del = await h.app.inject({ method: 'DELETE', url: `/operator/organizations/${orgId}/sms-senders/447700900123`, headers: op });
    expect(del.statusCode).toBe(204);
    expect((await get(`/organizations/${orgId}/sms-senders`)).json()).toEqual([]);
  });
});

describe('what the CLI needs of a running server', () => {
  it('seeds the demo once and answers the same credentials, lists active lines, and adds a signing key that signs at once', async () => {
    const first = await post('/demo', {});
    expect(first.statusCode, first.body).toBe(200);
    const again = (await post('/demo', {})).json();
    expect(again).toEqual({ ...first.json(), created: false });
    const acme = again.organizations[0];
    expect(acme.enterprise.clients[0].client_secret.length).toBeGreaterThan(20);

    const lines = (await get(`/usage/lines?organization_id=${acme.id}`)).json();
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line).toEqual({ msisdn: expect.stringMatching(/^\d+$/), home_country: expect.stringMatching(/^[A-Z]{2}$/) });
    const all = (await get('/usage/lines')).json();
    expect(all.length).toBeGreaterThan(lines.length);

    const key = await post('/signing-keys', {});
    expect(key.statusCode).toBe(201);
    const { client_id: id, client_secret: secret } = acme.enterprise.clients[0];
    const token = await fetchToken(h.app, 'enterprise-apis', id, secret);
    const [header] = token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString()).kid).toBe(key.json().kid);
  });
});
