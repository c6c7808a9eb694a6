// Running it for real: /metrics moves with real requests, an order and an SMS, with
// bounded labels; it is refused without the operator token; /healthz and /readyz tell
// the truth; and a job's log lines carry the correlation id of the request behind it.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_TOKEN, startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';
import { authorizeSender } from '../../src/domain/sms/senders.service.ts';
import { buildApp } from '../../src/app.ts';
import { startMetricsServer } from '../../src/observability/metrics-server.ts';
import { until } from '../support/wait.ts';
import { createServer } from 'node:http';
import { enqueueWebhooks } from '../../src/domain/webhooks/webhooks.service.ts';
import { startTestSmsc } from '../support/smsc.ts';
import { MESSAGE_STATE } from '../../src/network/smsc/smsc.ts';

let h: Harness;
let acme: Tenant;
let setup: Awaited<ReturnType<typeof catalog>>;
let sender: string;
const lines: string[] = [];

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  h = await startHarness({ SMSC_SIMULATOR_RECEIPT_MS: '20', LOG_LEVEL: 'info', WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_RETRY_SCHEDULE: '0' }, undefined, { logStream: stream });
  acme = await h.tenant({ name: 'Acme' });
  setup = await catalog(h.platform.db, acme.organizationId, { sims: 4 });
  const [line] = await subscriptionsFor(h.platform.db, acme.organizationId, setup, 1);
  sender = line.msisdns[0];
  await authorizeSender(h.platform.db, acme.organizationId, sender);
});
afterAll(() => h.close());

type Labels = Record<string, string>;
interface Sample {
  name: string;
  labels: Labels;
  value: number;
}

function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`not a sample: ${line}`);
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
      return { name: m[1], labels, value: Number(m[3]) };
    });
}

async function scrape(): Promise<{ text: string; value(name: string, labels?: Labels): number; has(name: string, labels?: Labels): boolean }> {
  const res = await h.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = parse(res.body);
  const matching = (name: string, labels: Labels = {}) => samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return {
    text: res.body,
    value: (name, labels) => matching(name, labels).reduce((sum, s) => sum + s.value, 0),
    has: (name, labels) => matching(name, labels).length > 0,
  };
}

const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('/metrics', () => {
  it('is refused without the operator token, in the error model', async () => {
    for (const headers of [{}, { authorization: `Bearer ${acme.token}` }, { authorization: 'Bearer not-the-operator-token-at-all' }]) {
      const res = await h.app.inject({ url: '/metrics', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ type: 'UNAUTHORISED', messages: [expect.any(String)] });
    }
  });

  it('counts requests per route pattern and status, never per id', async () => {
    const before = await scrape();
    const missing = 'order_01HZZZZZZZZZZZZZZZZZZZZZZZ';
    const res = await h.app.inject({ url: `/enterprise/orders/${missing}`, headers: acme.auth });
    expect(res.statusCode).toBe(404);
    await h.app.inject({ url: `/no/such/${missing}` });
    const after = await scrape();
    const route = { method: 'GET', route: '/enterprise/orders/:id', status_code: '404' };
    expect(after.value('cellhub_http_requests_total', route) - before.value('cellhub_http_requests_total', route)).toBe(1);
    expect(after.value('cellhub_http_request_duration_seconds_count', route) - before.value('cellhub_http_request_duration_seconds_count', route)).toBe(1);
    expect(after.has('cellhub_http_request_duration_seconds_bucket', { ...route, le: '+Inf' })).toBe(true);
    const unmatched = { method: 'GET', route: 'unmatched', status_code: '404' };
    expect(after.value('cellhub_http_requests_total', unmatched) - before.value('cellhub_http_requests_total', unmatched)).toBe(1);
    // Neither the id nor the organization appears anywhere.
    expect(after.text).not.toContain(missing);
    expect(after.text).not.toContain(acme.organizationId);
    expect(after.text).not.toContain(acme.clientId);
  });

  it('moves with an order: the request, its fulfilment job, and the queue gauges by kind', async () => {
    const before = await scrape();
    const res = await h.app.inject({
      method: 'POST',
      url: '/enterprise/orders',
      headers: { ...acme.auth, 'x-correlation-id': 'obs-order-1' },
      payload: {
        type: 'activate_subscription',
        account_id: setup.account.id,
        template_id: setup.template.id,
        subscriber: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@acme.example' },
        sim_profile: { sim_type: 'esim', delivery: { type: 'api' } },
      },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    await until(`order ${id} is still pending`, async () => (await h.app.inject({ url: `/enterprise/orders/${id}`, headers: acme.auth })).json().status === 'completed');
    const after = await until('the fulfilment job was not counted', async () => {
      const s = await scrape();
      return s.value('cellhub_job_runs_total', { kind: 'order-fulfil', outcome: 'completed' }) >
        before.value('cellhub_job_runs_total', { kind: 'order-fulfil', outcome: 'completed' })
        ? s
        : undefined;
    });
    const posted = { method: 'POST', route: '/enterprise/orders', status_code: '201' };
    expect(after.value('cellhub_http_requests_total', posted) - before.value('cellhub_http_requests_total', posted)).toBe(1);
    expect(after.value('cellhub_job_duration_seconds_count', { kind: 'order-fulfil', outcome: 'completed' })).toBeGreaterThan(0);
    for (const gauge of ['cellhub_jobs_queued', 'cellhub_jobs_running', 'cellhub_jobs_oldest_queued_age_seconds']) {
      expect(after.has(gauge, { kind: 'order-fulfil' }), gauge).toBe(true);
    }
    expect(after.has('cellhub_job_failures_total')).toBe(true);
    expect(after.text).not.toContain(id);
  });

  it('moves with an SMS: its send job and the SMPP submissions and window', async () => {
    const before = await scrape();
    const res = await h.app.inject({
      method: 'POST',
      url: '/enterprise/sms',
      headers: { ...acme.auth, 'x-correlation-id': 'obs-sms-1' },
      payload: { from: `+${sender}`, to: ['+447700900001', '+447700900002'], text: 'Metrics, please' },
    });
    expect(res.statusCode).toBe(200);
    const id = res.json().id;
    await until(`sms ${id} is not completed`, async () => (await h.app.inject({ url: `/enterprise/sms/${id}`, headers: acme.auth })).json().status === 'completed');
    const completed = { kind: 'sms-send', outcome: 'completed' };
    const after = await until('the send job was not counted', async () => {
      const s = await scrape();
      return s.value('cellhub_job_runs_total', completed) > before.value('cellhub_job_runs_total', completed) ? s : undefined;
    });
    const sent = { method: 'POST', route: '/enterprise/sms', status_code: '200' };
    expect(after.value('cellhub_http_requests_total', sent) - before.value('cellhub_http_requests_total', sent)).toBe(1);
    expect(after.value('cellhub_smpp_submissions_total', { outcome: 'accepted' }) - before.value('cellhub_smpp_submissions_total', { outcome: 'accepted' })).toBe(2);
    expect(after.value('cellhub_smpp_window_size')).toBe(h.platform.config.smscWindow);
    expect(after.has('cellhub_smpp_window_in_use')).toBe(true);
    expect(after.has('cellhub_smpp_throttled_total')).toBe(true);
  });

  it('counts failed authentications by kind', async () => {
    const before = await scrape();
    expect((await h.app.inject({ url: '/enterprise/accounts', headers: { authorization: 'Bearer not.a.token' } })).statusCode).toBe(401);
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: acme.clientId, client_secret: 'wrong-secret' }).toString();
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/auth/realms/enterprise-apis/protocol/openid-connect/token',
          payload: form,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).statusCode,
    ).toBe(401);
    const after = await scrape();
    expect(after.value('cellhub_auth_failures_total', { kind: 'bearer' }) - before.value('cellhub_auth_failures_total', { kind: 'bearer' })).toBe(1);
    expect(after.value('cellhub_auth_failures_total', { kind: 'client' }) - before.value('cellhub_auth_failures_total', { kind: 'client' })).toBe(1);
  });

  it('reports the PostgreSQL pool', async () => {
    const s = await scrape();
    if (h.platform.database.kind === 'postgres') expect(s.value('cellhub_db_pool_connections')).toBeGreaterThan(0);
    else expect(s.value('cellhub_db_pool_connections')).toBe(0);
    expect(s.has('cellhub_db_pool_waiting')).toBe(true);
  });

  it('is served without a token on its own address (METRICS_PORT)', async () => {
    const server = await startMetricsServer(0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('cellhub_http_requests_total');
      expect((await fetch(`http://127.0.0.1:${server.port}/enterprise/accounts`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('logs of background work', () => {
  it('carry the correlation id of the request that caused it', async () => {
    const orderLines = await until("the order's fulfilment was not logged as completed", () => {
      const mine = logged().filter((l) => l.correlation_id === 'obs-order-1');
      return mine.some((l) => l.job === 'order-fulfil' && l.msg === 'job completed') ? mine : undefined;
    });
    expect(orderLines.find((l) => l.msg === 'job started')).toMatchObject({ level: 30, job: 'order-fulfil', attempt: 1 });
    // The request itself logged under the same id: one id finds the whole story.
    expect(orderLines.some((l) => l.msg === 'incoming request')).toBe(true);
    expect(orderLines.some((l) => l.msg === 'order completed' && l.order_id)).toBe(true);
    // An SMS's story: its send job, its submission, and each recipient's delivery receipt.
    const smsLines = await until("the SMS's receipts were not logged", () => {
      const mine = logged().filter((l) => l.correlation_id === 'obs-sms-1');
      return mine.filter((l) => l.msg === 'sms receipt').length >= 2 ? mine : undefined;
    });
    expect(smsLines.some((l) => l.msg === 'incoming request')).toBe(true);
    expect(smsLines.some((l) => l.job === 'sms-send' && l.msg === 'job completed')).toBe(true);
    const submitted = smsLines.find((l) => l.msg === 'sms submitted to the SMSC');
    expect(submitted).toMatchObject({ recipients: 2, submitted: 2, refused: 0, sms_id: expect.stringMatching(/^sms_/) });
    const receipts = smsLines.filter((l) => l.msg === 'sms receipt');
    expect(receipts.map((l) => [l.level, l.sms_id, l.to_index, l.part, l.outcome]).sort()).toEqual([
      [30, submitted!.sms_id, 0, 1, 'delivered'],
      [30, submitted!.sms_id, 1, 1, 'delivered'],
    ]);
    expect(receipts.every((l) => typeof l.smsc_message_id === 'string')).toBe(true);
    const log = lines.join('\n');
    for (const secret of [acme.secret, acme.token, OPERATOR_TOKEN]) expect(log).not.toContain(secret);
  });

  it("log an SMS's receipts chased with query_sm under the correlation id of the request that sent it", async () => {
    // No receipts: each part is asked after. The first recipient's is still on its way when first asked.
    const askedFirst = { count: 0 };
    const smsc = await startTestSmsc({ noReceipts: true, query: (to) => (to === '447700900011' && askedFirst.count++ === 0 ? MESSAGE_STATE.ENROUTE : MESSAGE_STATE.DELIVERED) });
    const chaseLines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        chaseLines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const c = await startHarness({ SMSC_URL: smsc.url, SMS_RECEIPT_CHASE_AFTER: '1', LOG_LEVEL: 'info' }, undefined, { logStream: stream });
    try {
      const tenant = await c.tenant({ name: 'Chased' });
      const [line] = await subscriptionsFor(c.platform.db, tenant.organizationId, await catalog(c.platform.db, tenant.organizationId, { sims: 1 }), 1);
      await authorizeSender(c.platform.db, tenant.organizationId, line.msisdns[0]);
      const res = await c.app.inject({
        method: 'POST',
        url: '/enterprise/sms',
        headers: { ...tenant.auth, 'x-correlation-id': 'obs-chase-1' },
        payload: { from: `+${line.msisdns[0]}`, to: ['+447700900011', '+447700900012'], text: 'Where is my receipt?' },
      });
      expect(res.statusCode).toBe(200);
      const mine = await until('the chased receipts were not logged as settled', () => {
        const found = chaseLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.correlation_id === 'obs-chase-1');
        return found.filter((l) => l.msg === 'sms receipt chased: settled').length >= 2 ? found : undefined;
      });
      const smsId = res.json().id;
      expect(mine.some((l) => l.msg === 'sms submitted to the SMSC' && l.sms_id === smsId)).toBe(true);
      const chased = mine.filter((l) => String(l.msg).startsWith('sms receipt chased')).map((l) => [l.msg, l.sms_id, l.to_index, l.part, l.answer, l.outcome]);
      expect(chased).toHaveLength(3);
      expect(chased).toEqual(
        expect.arrayContaining([
          ['sms receipt chased: no final state yet, asking again later', smsId, 0, 1, 'query_sm: ENROUTE', null],
          ['sms receipt chased: settled', smsId, 1, 1, 'delivered', 'delivered'],
          ['sms receipt chased: settled', smsId, 0, 1, 'delivered', 'delivered'],
        ]),
      );
      // The first asking of the first recipient came before the one that settled it.
      const first = chased.findIndex((l) => l[2] === 0);
      expect(chased[first][0]).toBe('sms receipt chased: no final state yet, asking again later');
    } finally {
      await c.close();
      await smsc.close();
    }
  });

  it("log and count a webhook's attempts under the correlation id of the request that caused its event", async () => {
    let answers = [500, 204];
    const server = createServer((req, res) => req.resume().on('end', () => res.writeHead(answers.shift() ?? 204).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const before = await scrape();
    try {
      const { port } = server.address() as { port: number };
      const [id] = await enqueueWebhooks(h.platform.db, [
        {
          organizationId: acme.organizationId,
          url: `http://127.0.0.1:${port}/hook?token=receiver-secret-token`,
          eventType: 'TEST',
          payload: { hello: 'world' },
          correlationId: 'obs-webhook-1',
        },
      ]);
      h.workers!.webhooks.wake();
      const attempts = await until('the webhook was not delivered', () => {
        const mine = logged().filter((l) => l.correlation_id === 'obs-webhook-1' && l.msg === 'webhook attempt');
        return mine.some((l) => l.outcome === 'delivered') ? mine : undefined;
      });
      expect(attempts.map((l) => [l.webhook_delivery_id, l.attempt, l.outcome, l.status_code])).toEqual([
        [id, 1, 'retry', 500],
        [id, 2, 'delivered', 204],
      ]);
    } finally {
      answers = [];
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const after = await scrape();
    for (const outcome of ['retry', 'delivered']) {
      expect(after.value('cellhub_webhook_attempts_total', { outcome }) - before.value('cellhub_webhook_attempts_total', { outcome }), outcome).toBe(1);
      expect(
        after.value('cellhub_webhook_attempt_duration_seconds_count', { outcome }) - before.value('cellhub_webhook_attempt_duration_seconds_count', { outcome }),
        outcome,
      ).toBe(1);
    }
    // The receiver's URL (which may hold its own token) is never logged.
    expect(lines.join('\n')).not.toContain('receiver-secret-token');
  });
});

describe('/healthz and /readyz', () => {
  it('answer ready while the database answers and the workers run, and 503 naming the workers once they stop', async () => {
    expect((await h.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await h.app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await h.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });

    await h.workers!.stop();
    const stopped = await h.app.inject({ url: '/readyz' });
    expect(stopped.statusCode).toBe(503);
    expect(stopped.headers['retry-after']).toBe('5');
    expect(stopped.json()).toEqual({ type: 'INTERNAL_ERROR', messages: ['workers: not running'] });
    expect((await h.app.inject({ url: '/healthz' })).statusCode).toBe(200);

    // An API-only process does not run the workers, so it is ready without them.
    const apiOnly = await buildApp(h.platform, { logger: false, operatorToken: OPERATOR_TOKEN });
    try {
      expect((await apiOnly.inject({ url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await apiOnly.close();
    }
  });

  it('answer 503 naming the database once it is closed, in a worker-only app too', async () => {
    const other = await startHarness({ WORKERS: 'off' });
    try {
      const workerOnly = await buildApp(other.platform, { logger: false, api: false });
      expect((await workerOnly.inject({ url: '/readyz' })).statusCode).toBe(200);
      expect((await workerOnly.inject({ url: '/metrics' })).statusCode).toBe(404);
      await other.platform.database.close();
      for (const app of [other.app, workerOnly]) {
        const res = await app.inject({ url: '/readyz' });
        expect(res.statusCode).toBe(503);
        expect(res.json()).toEqual({ type: 'INTERNAL_ERROR', messages: ['database: not reachable'] });
        expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      }
      await workerOnly.close();
    } finally {
      await other.close().catch(() => {});
    }
  });
});
