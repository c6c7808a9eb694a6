// Kill the server (SIGKILL) while 1,000 recipients wait for an SMSC that is down; bring
// the SMSC up and restart the server: every recipient is delivered, each part taken by
// the SMSC once, and each charged once. And kill it while thousands of recipients are
// being delivered through the built-in SMSC simulator, which runs in the server: the
// simulator keeps what it took and the receipts it owes, so after the restart every
// recipient is final within a minute, each part recorded and charged once.
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { externalDatabase, startHarness, OPERATOR_TOKEN, type Harness } from '../support/harness.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';
import { startTestSmsc, type TestSmsc } from '../support/smsc.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { authorizeSender } from '../../src/domain/sms/senders.service.ts';
import { queryRows } from '../../src/db/database.ts';
import { freePort, startServer, stopServer, tokenFrom } from '../support/processes.ts';
import { until } from '../support/wait.ts';

const RECIPIENTS = 1000;
let target: Awaited<ReturnType<typeof externalDatabase>> | undefined;
let server: ChildProcess | undefined;
let smsc: TestSmsc | undefined;

afterAll(async () => {
  server?.kill('SIGKILL');
  await smsc?.close();
  await target?.drop();
});

/** A database outside this process with an organization allowed to send SMS from one number. */
async function senderWorld(name: string) {
  const database = await externalDatabase();
  const setup = await startHarness({ WORKERS: 'off' }, database.env);
  const org = await createOrganization(setup.platform.db, { name, licences: ['sms'] });
  const { client, secret } = await createClient(setup.platform.db, org.id, { name: 'c', family: 'enterprise', licences: ['sms'] });
  const [line] = await subscriptionsFor(setup.platform.db, org.id, await catalog(setup.platform.db, org.id, { sims: 1 }), 1);
  await authorizeSender(setup.platform.db, org.id, line.msisdns[0]);
  await setup.app.close();
  await setup.platform.close();
  return { database, client, secret, sender: line.msisdns[0] };
}

/** Runs `check` on the database with no server running. */
async function inspect<T>(env: Record<string, string>, check: (db: Harness['platform']['db']) => Promise<T>): Promise<T> {
  const h = await startHarness({ WORKERS: 'off' }, env);
  try {
    return await check(h.platform.db);
  } finally {
    await h.app.close();
    await h.platform.close();
  }
}

const count = async (db: Harness['platform']['db'], query: ReturnType<typeof sql>) => Number((await queryRows<{ n: string }>(db, query))[0].n);

describe('a restart while recipients are queued', () => {
  it('still delivers every recipient, once', async () => {
    const world = await senderWorld('Storm Co');
    target = world.database;
    const { client, secret, sender } = world;

    const [port, smscPort] = [await freePort(), await freePort()];
    const base = `http://127.0.0.1:${port}`;
    const serverEnv = { ...target.env, PORT: String(port), OPERATOR_TOKEN, JOB_TIMEOUT_SECONDS: '4', SMSC_URL: `smpp://test:secret@127.0.0.1:${smscPort}` };
    server = await startServer(serverEnv);
    const headers = { authorization: `Bearer ${await tokenFrom(base, client.clientId, secret)}`, 'content-type': 'application/json' };
    const to = Array.from({ length: RECIPIENTS }, (_, i) => `+4477009${String(i).padStart(5, '0')}`);
    const res = await fetch(`${base}/enterprise/sms`, { method: 'POST', headers, body: JSON.stringify({ from: sender, to, text: 'Evacuate building B now.' }) });
    expect(res.status).toBe(200);
    const id = (await res.json()).sms_id;
    const status = async () => await (await fetch(`${base}/enterprise/sms/${id}`, { headers })).json();
    await until('the sending job has not started', async () => {
      const metrics = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })).text();
      return /^cellhub_jobs_running\{kind="sms-send"\} [1-9]/m.test(metrics);
    }); // and waits for the SMSC, which is down
    expect((await status()).counts.queued).toBe(RECIPIENTS);
    await stopServer(server, 'SIGKILL');

    smsc = await startTestSmsc({}, smscPort);
    server = await startServer(serverEnv);
    const last = await until(
      'the message is not completed',
      async () => {
        const now = await status();
        return now.status === 'completed' && now;
      },
      200,
    );
    expect(last.counts).toEqual({ queued: 0, sent: 0, delivered: RECIPIENTS, failed: 0, expired: 0 });
    await stopServer(server);
    server = undefined;

    expect(smsc.accepted.size).toBe(RECIPIENTS);
    expect([...smsc.accepted.values()].every((n) => n === 1)).toBe(true);
    const charged = await inspect(target.env, (db) => count(db, sql`SELECT count(*) AS n FROM usage_items WHERE source_record_id LIKE ${id + ':%'}`));
    expect(charged).toBe(RECIPIENTS);
    await smsc.close();
    smsc = undefined;
    await target.drop();
    target = undefined;
  });
});

describe('a crash while the built-in SMSC delivers thousands of recipients', () => {
  it('ends every recipient within a minute of the restart, each part recorded and charged once', async () => {
    const MESSAGES = 20;
    const EACH = 200;
    const world = await senderWorld('Gale Co');
    target = world.database;
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // The test reads the twenty messages over and over: no rate limit.
    const serverEnv = { ...target.env, PORT: String(port), OPERATOR_TOKEN, JOB_TIMEOUT_SECONDS: '4', RATE_LIMIT_PER_MINUTE: '10000000' };
    server = await startServer(serverEnv);
    const headers = { authorization: `Bearer ${await tokenFrom(base, world.client.clientId, world.secret)}`, 'content-type': 'application/json' };
    const ids: string[] = [];
    for (let m = 0; m < MESSAGES; m++) {
      const to = Array.from({ length: EACH }, (_, i) => `+4477009${String(m * EACH + i).padStart(5, '0')}`);
      const res = await fetch(`${base}/enterprise/sms`, { method: 'POST', headers, body: JSON.stringify({ from: world.sender, to, text: 'Storm warning: stay indoors.' }) });
      expect(res.status).toBe(200);
      ids.push((await res.json()).sms_id);
    }
    const totals = async () => {
      const sum: Record<string, number> = {};
      for (const id of ids) {
        const res = await fetch(`${base}/enterprise/sms/${id}`, { headers });
        expect(res.status).toBe(200);
        const { counts } = await res.json();
        for (const [status, n] of Object.entries(counts as Record<string, number>)) sum[status] = (sum[status] ?? 0) + n;
      }
      return sum;
    };
    // Kill it once parts have been taken whose receipts are still owed (they come 2 s after).
    const atKill = await until(
      'no part was sent',
      async () => {
        const now = await totals();
        return now.sent >= 100 ? now : undefined;
      },
      10,
    );
    await stopServer(server, 'SIGKILL');
    const killedAt = new Date();
    expect(atKill.queued, 'the kill came during the delivery').toBeGreaterThan(0);

    server = await startServer(serverEnv);
    const restartedAt = Date.now();
    const last = await until(
      'not every recipient is final',
      async () => {
        const now = await totals();
        return now.queued + now.sent === 0 ? now : undefined;
      },
      1000,
    );
    expect(Date.now() - restartedAt).toBeLessThan(60_000);
    expect(last).toEqual({ queued: 0, sent: 0, delivered: MESSAGES * EACH, failed: 0, expired: 0 });
    await stopServer(server);
    server = undefined;

    const parts = MESSAGES * EACH;
    const only = sql`s.message_id = ANY(${sql.param(ids)}::text[])`;
    await inspect(target.env, async (db) => {
      // Each part recorded once, as taken by the SMSC, and charged once.
      expect(await count(db, sql`SELECT count(DISTINCT (message_id, position, part)) AS n FROM sms_submissions s WHERE ${only}`)).toBe(parts);
      expect(await count(db, sql`SELECT count(*) AS n FROM sms_submissions s WHERE ${only}`)).toBe(parts);
      const items = sql`FROM usage_items WHERE split_part(source_record_id, ':', 1) = ANY(${sql.param(ids)}::text[])`;
      expect(await count(db, sql`SELECT count(*) AS n ${items}`)).toBe(parts);
      expect(await count(db, sql`SELECT count(DISTINCT source_record_id) AS n ${items}`)).toBe(parts);
      expect(await count(db, sql`SELECT count(*) AS n FROM sms_submissions s JOIN smsc_sim_messages m ON m.message_id = s.smsc_message_id WHERE ${only}`)).toBe(parts);
      // The SMSC took a part twice only when its answer died with the process before
      // being recorded: never after the restart.
      expect(
        await count(
          db,
          sql`
        SELECT count(*) AS n FROM smsc_sim_messages m
        WHERE NOT EXISTS (SELECT 1 FROM sms_submissions s WHERE s.smsc_message_id = m.message_id) AND m.submitted_at >= ${killedAt}`,
        ),
      ).toBe(0);
    });
  });
});
