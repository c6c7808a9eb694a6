// `cellhub listen` against a real server: a Connect reseller's subscription ends (its
// sandbox clock moved on), cellhub makes a SUBSCRIPTION_END webhook, and `listen`, a
// real process, forwards it to a receiver on this machine that verifies it with the
// SDK's verifyWebhook and the organization's secret, exactly as it verifies the real
// delivery, which carries the same id and the same body. The server's endpoint is the
// operator's only. Then the follower alone: an event whose transaction commits late,
// sorting before events already forwarded, is still forwarded, once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '@cellhub/sdk';
import { externalDatabase } from '../support/harness.ts';
import { freePort, startServer, stopServer } from '../support/processes.ts';
import { until } from '../support/wait.ts';
import { runCli } from '../../src/cli/program.ts';
import { listenForEvents } from '../../src/cli/listen.ts';
import type { Operator, WebhookEventJson } from '../../src/cli/operator.ts';
import { idFloor, newId } from '../../src/domain/ids.ts';

const embedded = !process.env.DATABASE_URL;
const TOKEN = embedded ? {} : { OPERATOR_TOKEN: 'cli-listen-test-operator-token-0123456789' };

let target: Awaited<ReturnType<typeof externalDatabase>>;
beforeAll(async () => {
  target = await externalDatabase();
});
afterAll(() => target.drop());

const env = () => ({ ...process.env, ...target.env, ...TOKEN, LOG_LEVEL: 'warn', WEBHOOK_ALLOW_PRIVATE: '1' }) as Record<string, string>;

async function cellhub(args: string[], server?: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(!embedded && server ? ['--server', server, ...args] : args, {
    env: env(),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: () => '',
  });
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout);
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** What the SDK's verifier made of it: the payload, or why it refused. */
  verified: unknown;
}

/** A webhook receiver as an integrator writes one: it verifies each request with the SDK before it answers. */
async function receiver(secret: () => string) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req
      .setEncoding('utf8')
      .on('data', (c) => (body += c))
      .on('end', async () => {
        const verified = await verifyWebhook(secret(), req.headers as Record<string, string>, body).catch((error: Error) => error);
        received.push({ headers: req.headers, body, verified });
        res.writeHead(verified instanceof Error ? 400 : 204).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `cellhub listen` as a person runs it: a process of its own, stopped with Ctrl-C. */
function listen(args: string[], server: string) {
  const child: ChildProcess = spawn(process.execPath, ['bin/cellhub.js', ...(embedded ? [] : ['--server', server]), 'listen', ...args], {
    env: env(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr!.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    ready: () =>
      until(`listen is not ready: ${stderr}`, () => {
        if (child.exitCode !== null) throw new Error(`listen exited with ${child.exitCode}: ${stderr}`);
        return stderr.includes('Ready:');
      }),
    async interrupt() {
      child.kill('SIGINT');
      return exited;
    },
    kill: () => child.kill('SIGKILL'),
  };
}

async function tokenOf(base: string, clientId: string, secret: string): Promise<string> {
  const res = await fetch(`${base}/auth/realms/tru-staff/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  expect(res.status).toBe(200);
  return (await res.json()).access_token;
}

describe('cellhub listen beside a running server', () => {
  it("forwards an organization's webhook events to a local receiver, signed so that the SDK verifies them", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = await startServer({ ...env(), PORT: String(port), PUBLIC_URL: base, SMDP_SIMULATOR_ADVANCE_MS: '20' });
    const cleanup: (() => unknown)[] = [() => stopServer(server)];
    try {
      if (embedded) await until('the server names its URL in the lock', () => readFileSync(join(target.env.DATA_DIR, 'db.lock'), 'utf8').includes(base));
      const demo = (await cellhub(['demo', '--json'], base)).organizations[0];
      const org: string = demo.id;
      const reseller = demo.connect.clients.find((c: { role: string }) => c.role === 'RESELLER');
      const secret: string = (await cellhub(['webhook', 'secret', org, '--json'], base)).secret;

      // The reseller's own receiver, where cellhub delivers for real; and the developer's, fed by listen.
      const real = await receiver(() => secret);
      const local = await receiver(() => secret);
      cleanup.push(real.close, local.close);

      // A new eSIM with a subscription, whose end is to be told to the real receiver.
      const auth = { authorization: `Bearer ${await tokenOf(base, reseller.client_id, reseller.client_secret)}`, 'content-type': 'application/json' };
      const [product] = await (await fetch(`${base}/connect-api/v1/products`, { headers: auth })).json();
      const placed = await fetch(`${base}/connect-api/v1/order`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          input: {
            operationType: 'NEW_ESIM',
            countryCode: 'PT',
            customer: { email: 'dev@example.com' },
            device: { id: 'device-1', type: 'ios' },
            subscriptions: [{ product_id: product.id }],
          },
        }),
      });
      expect(placed.status).toBe(201);
      const order = await until('the order was not fulfilled', async () => {
        const o = await (await fetch(`${base}/connect-api/v1/order/${(await placed.clone().json()).id}`, { headers: auth })).json();
        return o.status === 'COMPLETED' && o;
      });
      const iccid = order.output.iccid;
      const registered = await fetch(`${base}/connect-api/v1/sim/${iccid}/preferences/notifications/SUBSCRIPTION_END`, {
        method: 'PUT',
        headers: auth,
        body: JSON.stringify({ webhook_url: real.url }),
      });
      expect(registered.status).toBeLessThan(300);

      // The endpoint listen follows is the operator's alone.
      for (const headers of [{}, { authorization: auth.authorization }] as Record<string, string>[]) {
        expect((await fetch(`${base}/operator/organizations/${org}/webhook-events`, { headers })).status).toBe(401);
      }

      const json = listen(['--organization', org, '--forward-to', local.url, '--json'], base);
      const readable = listen(['--organization', org, '--forward-to', `http://127.0.0.1:${await freePort()}/nobody-listens`], base);
      const filtered = listen(['--organization', org, '--events', 'USAGE_THRESHOLD'], base);
      cleanup.push(json.kill, readable.kill, filtered.kill);
      await Promise.all([json.ready(), readable.ready(), filtered.ready()]);

      // Time passes for the reseller: the subscription expires, and its end is told.
      await cellhub(['sandbox', 'advance', org, '--days', '400', '--json'], base);
      const [delivered] = await until('the real receiver heard nothing', () => (real.received.length > 0 ? real.received : undefined));
      const [forwarded] = await until('nothing was forwarded', () => (local.received.length > 0 ? local.received : undefined));

      // Verified with the SDK, like the real delivery: the same webhook-id, the same body.
      expect(forwarded.verified).toMatchObject({ type: 'SUBSCRIPTION_END', iccid });
      expect(delivered.verified).toEqual(forwarded.verified);
      expect(forwarded.body).toBe(delivered.body);
      expect(forwarded.headers['webhook-id']).toBe(delivered.headers['webhook-id']);
      expect(forwarded.headers['content-type']).toBe('application/json');

      // One JSON line per event, and a readable line naming what the receiver answered.
      const [line] = (await until('listen printed no event', () => (json.stdout().trim() ? json.stdout().trim().split('\n') : undefined))).map((l) => JSON.parse(l));
      const { correlation_id: correlationId, ...rest } = line;
      expect(rest).toEqual({
        id: delivered.headers['webhook-id'],
        event_type: 'SUBSCRIPTION_END',
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        payload: forwarded.verified,
        forwarded: { url: local.url, status_code: 204, error: null, duration_ms: expect.any(Number) },
      });
      expect(correlationId === null || typeof correlationId === 'string').toBe(true);
      const text = await until('listen printed no readable line', () => readable.stdout());
      expect(text).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z  SUBSCRIPTION_END  ${line.id}  -> failed: ECONNREFUSED \\(\\d+ ms\\)\\n$`));

      // Ctrl-C stops each, with what it did.
      expect(await json.interrupt()).toBe(0);
      expect(json.stderr()).toContain('Stopped: 1 event, 1 forwarded, 0 not.');
      expect(await readable.interrupt()).toBe(0);
      expect(readable.stderr()).toContain('Stopped: 1 event, 0 forwarded, 1 not.');
      expect(await filtered.interrupt()).toBe(0);
      expect(filtered.stdout()).toBe('');
      expect(filtered.stderr()).toContain('Stopped: 0 events.');
      expect(local.received).toHaveLength(1);
    } finally {
      for (const step of cleanup.reverse()) await step();
    }
    // No server on the embedded database: nothing to follow, and listen says so at once.
    if (embedded) {
      let stderr = '';
      const code = await runCli(['listen', '--organization', 'org_01JBCG33BC2PS4J76JN685GN56'], {
        env: env(),
        stdout: () => {},
        stderr: (t) => void (stderr += t),
        stdin: () => '',
      });
      expect(code).toBe(1);
      expect(stderr).toMatch(/^cellhub: no cellhub server holds the embedded database in .*: listen follows the events a running server makes; start one/);
    }
  });
});

describe('the follower', () => {
  it('forwards an event whose transaction committed after later ones, once, and each event once however often it is asked for', async () => {
    const secret = 'whsec_' + Buffer.from('listen-test-secret-0123456789abcdef').toString('base64');
    const local = await receiver(() => secret);
    const stored: WebhookEventJson[] = [];
    const event = (id: string): WebhookEventJson => ({
      id,
      event_type: 'USAGE_THRESHOLD',
      created_at: new Date().toISOString(),
      correlation_id: null,
      body: JSON.stringify({ id, threshold: 80 }),
    });
    const early = newId('webhook');
    const polls: (string | undefined)[] = [];
    const operator = {
      where: 'a test',
      webhookSecret: async () => ({ secret }),
      async webhookEvents(_org: string, query: { after?: string; wait?: number }) {
        polls.push(query.after);
        if (query.after === undefined) return { items: [], next_cursor: idFloor('webhook', new Date(Date.now() - 1_000)) };
        // The first event of a later transaction is seen first; the early one commits after it.
        if (stored.length === 0) stored.push(event(newId('webhook')));
        else if (stored.length === 1 && polls.length > 3) stored.push(event(early));
        await new Promise((r) => setImmediate(r)); // a poll that finds nothing answers after a turn, not at once
        const items = stored.filter((e) => e.id > query.after!).sort((a, b) => (a.id < b.id ? -1 : 1));
        return { items, next_cursor: items.at(-1)?.id ?? query.after };
      },
    } as unknown as Operator;
    const stop = new AbortController();
    const printed: string[] = [];
    try {
      const following = listenForEvents(operator, {
        organizationId: 'org_test',
        forwardTo: new URL(local.url),
        json: true,
        print: (l) => printed.push(l),
        notice: () => {},
        signal: stop.signal,
        waitSeconds: 0,
      });
      await until('the late event was not forwarded', () => local.received.length >= 2);
      // Asked again and again, the two events stay forwarded once each.
      await until('the follower did not ask again', () => polls.length > 20);
      stop.abort();
      expect(await following).toEqual({ events: 2, forwarded: 2, failed: 0 });
      expect(local.received.map((r) => r.headers['webhook-id']).sort()).toEqual(stored.map((e) => e.id).sort());
      expect(local.received.every((r) => !(r.verified instanceof Error))).toBe(true);
      expect(printed.map((l) => JSON.parse(l).id).sort()).toEqual(stored.map((e) => e.id).sort());
    } finally {
      stop.abort();
      await local.close();
    }
  });
});
