// `serve --role api` and `serve --role worker` split one deployment: the API process
// accepts orders, a separate worker process fulfils them, over one PostgreSQL.
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { externalDatabase, startHarness } from '../support/harness.ts';
import { catalog } from '../support/fixtures.ts';
import { freePort, startServer, stopServer, tokenFrom } from '../support/processes.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { until } from '../support/wait.ts';

const processes: ChildProcess[] = [];
let target: Awaited<ReturnType<typeof externalDatabase>> | undefined;
afterAll(async () => {
  await Promise.all(processes.map((p) => stopServer(p, 'SIGKILL')));
  await target?.drop();
});

describe.runIf(process.env.DATABASE_URL)('roles', () => {
  it('lets an API process and a worker process share the work', async () => {
    target = await externalDatabase();
    const setup = await startHarness({ WORKERS: 'off' }, target.env);
    const org = await createOrganization(setup.platform.db, { name: 'Split Co', licences: ['orders'] });
    const { client, secret } = await createClient(setup.platform.db, org.id, { name: 'c', family: 'enterprise', licences: ['orders'] });
    const s = await catalog(setup.platform.db, org.id, { sims: 3 });
    await setup.app.close();
    await setup.platform.close();

    const apiPort = await freePort();
    const workerPort = await freePort();
    const api = await startServer({ ...target.env, PORT: String(apiPort) }, ['--role', 'api']);
    processes.push(api);
    const base = `http://127.0.0.1:${apiPort}`;
    const headers = { authorization: `Bearer ${await tokenFrom(base, client.clientId, secret)}`, 'content-type': 'application/json' };
    const placed = await (
      await fetch(`${base}/enterprise/orders`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          type: 'activate_subscription',
          account_id: s.account.id,
          template_id: s.template.id,
          subscriber: { first_name: 'S', last_name: 'P', email: 'sp@split.example' },
          sim_profile: { sim_type: 'esim', delivery: { type: 'api' } },
        }),
      })
    ).json();
    const status = async () => (await (await fetch(`${base}/enterprise/orders/${placed.id}`, { headers })).json()).status;

    // The API-only process is ready without workers: it does not run them.
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    // Still pending; and below, the worker's own metrics count the fulfilment, which they
    // could not had the API process taken the job.
    expect(await status(), 'an API-only process fulfilled an order').toBe('pending');

    const metricsPort = await freePort();
    const worker = await startServer({ ...target.env, PORT: String(workerPort), METRICS_PORT: String(metricsPort) }, ['--role', 'worker']);
    processes.push(worker);
    expect((await fetch(`http://127.0.0.1:${workerPort}/enterprise/orders`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${workerPort}/healthz`)).status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${workerPort}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    // A worker serves only health on its port; its metrics are on METRICS_PORT, without a token.
    expect((await fetch(`http://127.0.0.1:${workerPort}/metrics`)).status).toBe(404);
    expect(await until('the worker did not fulfil the order', async () => (await status()) !== 'pending' && status())).toBe('completed');
    const metrics = await until("the worker's metrics did not count the fulfilment", async () => {
      const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      return /^cellhub_job_runs_total\{kind="order-fulfil",outcome="completed"\} [1-9]/m.test(text) ? text : undefined;
    });
    expect(metrics).toMatch(/^cellhub_db_pool_connections [1-9]/m);
  });
});
