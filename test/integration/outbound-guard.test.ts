// Server-side request forgery: a tenant's URL must not make cellhub reach what only
// cellhub can reach, at registration and again at every delivery (DNS rebinding). The
// guard's own table of refused URLs is test/unit/outbound-guard.test.ts.
import dns from 'node:dns';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchToken, OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { until } from '../support/wait.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { enqueueWebhooks } from '../../src/domain/webhooks/webhooks.service.ts';

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
    const register = (url: string) =>
      h.app.inject({
        method: 'PUT',
        url: '/connect-api/v1/sim/8944990000000000001/preferences/notifications/USAGE_THRESHOLD',
        headers: auth,
        payload: { webhook_url: url },
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
    const lookup = vi
      .spyOn(dns, 'lookup')
      .mockImplementation(((host: string, options: object, callback: (...a: unknown[]) => void) =>
        host === 'rebind.example.com'
          ? callback(null, [{ address: '127.0.0.1', family: 4 }])
          : (realLookup as (...a: unknown[]) => void)(host, options, callback)) as typeof dns.lookup);
    try {
      const ids = await h.platform.db.transaction((tx) =>
        enqueueWebhooks(tx, [
          { organizationId, url: 'http://127.0.0.1/hook', eventType: 'USAGE_THRESHOLD', payload: { n: 1 } },
          { organizationId, url: 'http://rebind.example.com/hook', eventType: 'USAGE_THRESHOLD', payload: { n: 2 } },
        ]),
      );
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
