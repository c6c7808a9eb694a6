// Kill the server (SIGKILL) after it placed a keyed order and before the key's answer
// was written; restart it: the retry with the same key places exactly one order.
// PostgreSQL only: the test must see, from outside, that the server stands between the
// two writes (pg_stat_activity); orders-reliability.test.ts proves on both databases
// that the order and its key commit together.
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { externalDatabase, startHarness, OPERATOR_TOKEN } from '../support/harness.ts';
import { catalog } from '../support/fixtures.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { freePort, startServer, stopServer, tokenFrom } from '../support/processes.ts';
import { until } from '../support/wait.ts';

let target: Awaited<ReturnType<typeof externalDatabase>> | undefined;
let server: ChildProcess | undefined;
let admin: pg.Client | undefined;

afterAll(async () => {
  server?.kill('SIGKILL');
  await admin?.end();
  await target?.drop();
});

describe.skipIf(!process.env.DATABASE_URL)('a crash between a keyed order and its key', () => {
  it('leaves neither, so the retry places exactly one order', { timeout: 300_000 }, async () => {
    target = await externalDatabase();
    const setup = await startHarness({ WORKERS: 'off' }, target.env);
    const org = await createOrganization(setup.platform.db, { name: 'Keyed Co', licences: ['orders', 'subscriptions'] });
    const { client, secret } = await createClient(setup.platform.db, org.id, { name: 'k', family: 'enterprise', licences: ['orders', 'subscriptions'] });
    const s = await catalog(setup.platform.db, org.id, { sims: 5, numbers: 5 });
    await setup.app.close();
    await setup.platform.close();

    // Writing the key's answer sleeps, so the server can be killed right there.
    admin = new pg.Client({ connectionString: target.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE FUNCTION stall_key() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(600); RETURN NEW; END $$`);
    await admin.query(`CREATE TRIGGER stall_key BEFORE INSERT OR UPDATE ON idempotency_keys
      FOR EACH ROW WHEN (NEW.key = 'k-crash' AND NEW.state = 'completed') EXECUTE FUNCTION stall_key()`);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const serverEnv = { ...target.env, PORT: String(port), OPERATOR_TOKEN };
    server = await startServer(serverEnv);
    const headers = { authorization: `Bearer ${await tokenFrom(base, client.clientId, secret)}`, 'content-type': 'application/json', 'idempotency-key': 'k-crash' };
    const body = JSON.stringify({
      type: 'activate_subscription',
      account_id: s.account.id,
      template_id: s.template.id,
      subscriber: { first_name: 'K', last_name: 'Crash', email: 'k@crash.example' },
      sim_profile: { sim_type: 'esim', delivery: { type: 'api' } },
    });
    const place = () => fetch(`${base}/enterprise/orders`, { method: 'POST', headers, body });
    const cutOff = place().catch(() => undefined);

    const stalled = async () => (await admin!.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`)).rows;
    await until('the server to reach the key', async () => (await stalled()).length === 1);
    await stopServer(server, 'SIGKILL');
    await cutOff;
    // PostgreSQL notices the dead client only when the sleep ends: end its session now.
    for (const { pid } of await stalled()) await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await until('the killed session to end', async () => (await stalled()).length === 0);
    await admin.query('DROP TRIGGER stall_key ON idempotency_keys');
    await admin.query('DROP FUNCTION stall_key()');
    const orders = async () => Number((await admin!.query(`SELECT count(*) AS n FROM orders WHERE organization_id = $1`, [org.id])).rows[0].n);
    expect(await orders(), 'the order died with its key').toBe(0);

    server = await startServer(serverEnv);
    const retry = await place();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    const replay = await place();
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await replay.json()).id).toBe((await retry.json()).id);
    expect(await orders()).toBe(1);
    await stopServer(server);
    server = undefined;
  });
});
