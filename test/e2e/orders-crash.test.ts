// Kill the server (SIGKILL) while 200 orders are being fulfilled; restart it: every
// order ends completed exactly once, and no ICCID or number is held twice or leaked.
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { externalDatabase, startHarness, OPERATOR_TOKEN } from '../support/harness.ts';
import { catalog } from '../support/fixtures.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { queryRows } from '../../src/db/database.ts';
import { freePort, startServer, stopServer, tokenFrom } from '../support/processes.ts';

const ORDERS = 200;
let target: Awaited<ReturnType<typeof externalDatabase>>;
let server: ChildProcess | undefined;

afterAll(async () => {
  server?.kill('SIGKILL');
  await target?.drop();
});

describe('a crash during fulfilment', () => {
  it('loses and doubles nothing', { timeout: 300_000 }, async () => {
    target = await externalDatabase();
    const setup = await startHarness({ WORKERS: 'off' }, target.env);
    const org = await createOrganization(setup.platform.db, { name: 'Crash Co', licences: ['orders', 'subscriptions'] });
    const { client, secret } = await createClient(setup.platform.db, org.id, { name: 'c', family: 'enterprise', licences: ['orders', 'subscriptions'] });
    const s = await catalog(setup.platform.db, org.id, { sims: ORDERS + 20, numbers: ORDERS + 20 });
    await setup.app.close();
    await setup.platform.close();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const serverEnv = { ...target.env, PORT: String(port), OPERATOR_TOKEN, JOB_TIMEOUT_SECONDS: '4', WORKER_CONCURRENCY: '4' };
    server = await startServer(serverEnv);
    const headers = { authorization: `Bearer ${await tokenFrom(base, client.clientId, secret)}`, 'content-type': 'application/json' };
    const place = (i: number) =>
      fetch(`${base}/enterprise/orders`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': `crash-${i}` },
        body: JSON.stringify({
          type: 'activate_subscription',
          account_id: s.account.id,
          template_id: s.template.id,
          subscriber: { first_name: 'C', last_name: String(i), email: `c${i}@crash.example` },
          sim_profile: { sim_type: 'esim', delivery: { type: 'api' } },
        }),
      }).then((r) => r.status);
    for (let i = 0; i < ORDERS; i += 25) {
      const statuses = await Promise.all(Array.from({ length: 25 }, (_, j) => place(i + j)));
      expect(statuses.every((st) => st === 201)).toBe(true);
    }
    const completed = async () => (await (await fetch(`${base}/enterprise/orders?status=completed&limit=100`, { headers })).json())._embedded.orders.length;
    await expect.poll(completed, { interval: 20 }).toBeGreaterThanOrEqual(5);
    const stillPending = (await (await fetch(`${base}/enterprise/orders?status=pending&limit=1`, { headers })).json())._embedded.orders;
    await stopServer(server, 'SIGKILL');
    expect(stillPending, 'the kill came after every order was done').toHaveLength(1);

    server = await startServer(serverEnv);
    const pending = async () => (await (await fetch(`${base}/enterprise/orders?status=pending&limit=1`, { headers })).json())._embedded.orders.length;
    await expect.poll(pending, { timeout: 180_000, interval: 200 }).toBe(0);
    await stopServer(server);
    server = undefined;

    const check = await startHarness({ WORKERS: 'off' }, target.env);
    try {
      const count = async (query: ReturnType<typeof sql>) => Number((await queryRows<{ n: string }>(check.platform.db, query))[0].n);
      expect(await count(sql`SELECT count(*) AS n FROM orders WHERE organization_id = ${org.id} AND status = 'completed'`)).toBe(ORDERS);
      expect(await count(sql`SELECT count(*) AS n FROM subscriptions WHERE organization_id = ${org.id}`)).toBe(ORDERS);
      expect(await count(sql`SELECT count(DISTINCT subscription_id) AS n FROM orders WHERE organization_id = ${org.id}`)).toBe(ORDERS);
      // Every ICCID the organization holds belongs to exactly one of its subscriptions.
      expect(await count(sql`SELECT count(*) AS n FROM sim_profiles WHERE organization_id = ${org.id}`)).toBe(ORDERS);
      expect(await count(sql`SELECT count(*) AS n FROM sim_profiles WHERE organization_id = ${org.id} AND subscription_id IS NULL`)).toBe(0);
      expect(await count(sql`SELECT count(*) AS n FROM (SELECT iccid FROM subscriptions WHERE organization_id = ${org.id} GROUP BY iccid HAVING count(*) > 1) d`)).toBe(0);
      // Every number taken is one subscription's, one each.
      expect(await count(sql`SELECT count(*) AS n FROM phone_numbers WHERE pool_id = ${s.pool.id} AND state = 'assigned'`)).toBe(ORDERS);
      expect(await count(sql`SELECT count(DISTINCT subscription_id) AS n FROM phone_numbers WHERE pool_id = ${s.pool.id} AND state = 'assigned'`)).toBe(ORDERS);
      expect(await count(sql`SELECT count(*) AS n FROM phone_numbers WHERE pool_id = ${s.pool.id} AND state = 'available'`)).toBe(20);
    } finally {
      await check.app.close();
      await check.platform.close();
    }
  });
});
