// Kill the server (SIGKILL) while 1,000 recipients wait for an SMSC that is down; bring
// the SMSC up and restart the server: every recipient is delivered, each part taken by
// the SMSC once, and each charged once.
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { externalDatabase, startHarness, OPERATOR_TOKEN } from './support/harness.ts';
import { catalog, subscriptionsFor } from './support/fixtures.ts';
import { startTestSmsc, type TestSmsc } from './support/smsc.ts';
import { createOrganization } from '../src/domain/organizations/organizations.service.ts';
import { createClient } from '../src/auth/clients.service.ts';
import { authorizeSender } from '../src/domain/sms/senders.service.ts';
import { queryRows } from '../src/db/database.ts';
import { freePort, startServer, stopServer, tokenFrom } from './support/processes.ts';
import { until } from './support/wait.ts';

const RECIPIENTS = 1000;
let target: Awaited<ReturnType<typeof externalDatabase>>;
let server: ChildProcess | undefined;
let smsc: TestSmsc | undefined;

afterAll(async () => {
  server?.kill('SIGKILL');
  await smsc?.close();
  await target?.drop();
});

describe('a restart while recipients are queued', () => {
  it('still delivers every recipient, once', async () => {
    target = await externalDatabase();
    const setup = await startHarness({ WORKERS: 'off' }, target.env);
    const org = await createOrganization(setup.platform.db, { name: 'Storm Co', licences: ['sms'] });
    const { client, secret } = await createClient(setup.platform.db, org.id, { name: 'c', family: 'enterprise', licences: ['sms'] });
    const [line] = await subscriptionsFor(setup.platform.db, org.id, await catalog(setup.platform.db, org.id, { sims: 1 }), 1);
    const sender = line.msisdns[0];
    await authorizeSender(setup.platform.db, org.id, sender);
    await setup.app.close();
    await setup.platform.close();

    const [port, smscPort] = [await freePort(), await freePort()];
    const base = `http://127.0.0.1:${port}`;
    const serverEnv = { ...target.env, PORT: String(port), OPERATOR_TOKEN, JOB_TIMEOUT_SECONDS: '4', SMSC_URL: `smpp://test:secret@127.0.0.1:${smscPort}` };
    server = await startServer(serverEnv);
    const headers = { authorization: `Bearer ${await tokenFrom(base, client.clientId, secret)}`, 'content-type': 'application/json' };
    const to = Array.from({ length: RECIPIENTS }, (_, i) => `+4477009${String(i).padStart(5, '0')}`);
    const res = await fetch(`${base}/enterprise/sms`, { method: 'POST', headers, body: JSON.stringify({ from: sender, to, text: 'Evacuate building B now.' }) });
    expect(res.status).toBe(200);
    const id = (await res.json()).sms_id;
    const status = async () => (await (await fetch(`${base}/enterprise/sms/${id}`, { headers })).json());
    await new Promise((r) => setTimeout(r, 500)); // the job has started and waits for the SMSC
    expect((await status()).counts.queued).toBe(RECIPIENTS);
    await stopServer(server, 'SIGKILL');

    smsc = await startTestSmsc({}, smscPort);
    server = await startServer(serverEnv);
    const last = await until('the message is not completed', async () => {
      const now = await status();
      return now.status === 'completed' && now;
    }, 200);
    expect(last.counts).toEqual({ queued: 0, sent: 0, delivered: RECIPIENTS, failed: 0, expired: 0 });
    await stopServer(server);
    server = undefined;

    expect(smsc.accepted.size).toBe(RECIPIENTS);
    expect([...smsc.accepted.values()].every((n) => n === 1)).toBe(true);
    const check = await startHarness({ WORKERS: 'off' }, target.env);
    try {
      const [row] = await queryRows<{ n: string }>(check.platform.db, sql`SELECT count(*) AS n FROM usage_items WHERE source_record_id LIKE ${id + ':%'}`);
      expect(Number(row.n)).toBe(RECIPIENTS);
    } finally {
      await check.app.close();
      await check.platform.close();
    }
  });
});
