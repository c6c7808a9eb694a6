// Server-side request forgery: a tenant's URL must not make cellhub reach what only
// cellhub can reach, at registration and again at every delivery (DNS rebinding).
import dns from 'node:dns';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchToken, OPERATOR_TOKEN, startHarness, type Harness } from './support/harness.ts';
import { until } from './support/wait.ts';
import { guardedLookup, refusedUrl } from '../src/network/outbound/guard.ts';
import { createOrganization } from '../src/domain/organizations/organizations.service.ts';
import { createClient } from '../src/auth/clients.service.ts';
import { enqueueWebhooks } from '../src/domain/webhooks/webhooks.service.ts';

const strict = { allowPrivate: false };

const REFUSED = [
  'http://127.0.0.1/operator/organizations',
  'http://localhost/hook',
  'http://LOCALHOST./hook',
  'http://api.localhost/hook',
  'http://[::1]/hook',
  'http://2130706433/hook',
  'http://0x7f000001/hook',
  'http://0177.0.0.1/hook',
  'http://127.1/hook',
  'http://0.0.0.0/hook',
  'http://0/hook',
  'http://169.254.169.254/latest/meta-data/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://10.0.0.1/hook',
  'http://172.16.5.4/hook',
  'http://192.168.1.1/hook',
  'http://100.64.0.1/hook',
  'http://224.0.0.1/hook',
  'http://255.255.255.255/hook',
  'http://[::]/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://[::ffff:a9fe:a9fe]/hook',
  'http://[fe80::1]/hook',
  'http://[fd00::1]/hook',
  'http://[ff02::1]/hook',
  'http://user:pass@hooks.example.com/hook',
  'http://hooks.example.com:5432/hook',
  'http://93.184.216.34:22/hook',
  'ftp://hooks.example.com/hook',
  'http://intranet/hook',
];

describe('the outbound guard', () => {
  it.each(REFUSED)('refuses %s', (url) => {
    expect(refusedUrl(url, strict)).toEqual(expect.any(String));
  });

  it.each(['https://hooks.example.com/hook', 'http://93.184.216.34/hook', 'https://hooks.example.com:8443/x', 'http://[2606:2800:220:1::1]/hook'])('lets %s through', (url) => {
    expect(refusedUrl(url, strict)).toBeNull();
  });

  it('lets a laptop opt in to local receivers', () => {
    expect(refusedUrl('http://127.0.0.1:3000/hook', { allowPrivate: true })).toBeNull();
    // Credentials in a URL are refused even then: they would be sent, and logged, as part of it.
    expect(refusedUrl('http://u:p@127.0.0.1:3000/hook', { allowPrivate: true })).toMatch(/user name/);
  });

  it('refuses a name when it resolves to a refused address', async () => {
    const answer = await new Promise<Error | null>((resolve) => guardedLookup(strict)('localhost', {}, (error) => resolve(error)));
    expect(answer?.message).toMatch(/^refused: localhost resolves to (127\.0\.0\.1 is a loopback|::1 is a loopback)/);
  });
});

describe('webhooks by default', () => {
  let h: Harness;
  let organizationId: string;
  let auth: { authorization: string };
  const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };

  beforeAll(async () => {
    h = await startHarness({ WEBHOOK_RETRY_SCHEDULE: '0.1,0.1,0.1' });
    organizationId = (await createOrganization(h.platform.db, { name: 'Probe', licences: [] })).id;
    const { client, secret } = await createClient(h.platform.db, organizationId, { name: 'shop', family: 'connect', role: 'RESELLER' });
    auth = { authorization: `Bearer ${await fetchToken(h.app, 'tru-staff', client.clientId, secret)}` };
  });
  afterAll(() => h.close());

  it('are refused at registration, naming webhook_url', async () => {
    const register = (url: string) => h.app.inject({
      method: 'PUT', url: '/connect-api/v1/sim/8944990000000000001/preferences/notifications/USAGE_THRESHOLD', headers: auth, payload: { webhook_url: url },
    });
    for (const url of ['http://127.0.0.1:8080/operator/organizations', 'http://2130706433/', 'http://[::1]/', 'http://169.254.169.254/', 'http://127.0.0.1:5432/']) {
      const res = await register(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().messages[0], url).toMatch(/^webhook_url: /);
    }
    // A public URL passes the guard; this SIM is simply not the reseller's.
    expect((await register('https://hooks.example.com/cellhub')).statusCode).toBe(404);
  });

  it('are refused at delivery, where the address is known, recorded with the reason and not retried', async () => {
    // A public-looking name that resolves to loopback when the delivery is made (DNS rebinding).
    const realLookup = dns.lookup;
    const lookup = vi.spyOn(dns, 'lookup').mockImplementation(((host: string, options: object, callback: (...a: unknown[]) => void) =>
      host === 'rebind.example.com' ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : (realLookup as Function)(host, options, callback)) as typeof dns.lookup);
    try {
      const ids = await h.platform.db.transaction((tx) => enqueueWebhooks(tx, [
        { organizationId, url: 'http://127.0.0.1/hook', eventType: 'USAGE_THRESHOLD', payload: { n: 1 } },
        { organizationId, url: 'http://rebind.example.com/hook', eventType: 'USAGE_THRESHOLD', payload: { n: 2 } },
      ]));
      h.workers!.webhooks.wake();
      const delivery = async (id: string) => (await h.app.inject({ url: `/operator/webhooks/deliveries/${id}`, headers: op })).json();
      const [literal, rebound] = await until('the deliveries are not final', async () => {
        const all = await Promise.all(ids.map(delivery));
        return all.every((d) => d.status === 'failed') ? all : undefined;
      });
      expect(literal.attempt_log).toHaveLength(1);
      expect(literal.attempt_log[0].error).toBe('refused: 127.0.0.1 is a loopback address');
      expect(rebound.attempt_log).toHaveLength(1);
      expect(rebound.attempt_log[0].error).toBe('refused: rebind.example.com resolves to 127.0.0.1 is a loopback address');
    } finally {
      lookup.mockRestore();
    }
  });
});
