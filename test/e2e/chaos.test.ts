// Two `--role api` and two `--role worker` processes over one PostgreSQL, under a mixed
// load (Enterprise reads and orders of every type, SMS to many recipients, usage
// ingest, Connect orders and top-ups with webhooks to a local receiver), while a random
// process is SIGKILLed every few seconds and restarted. Afterwards, once the queues have
// drained: every accepted order is final exactly once, no ICCID or number is held twice
// or leaked, every SMS recipient is final and charged once, every usage record is rated
// once, every webhook arrived (repeats share their id), and no request got a 5xx (a
// request a kill cut off gets no answer at all, and is sent again).
//
// CHAOS_SECONDS sets how long the load runs (default 35), CHAOS_KILL_EVERY_MS how often
// a process dies on average (default 2500; a restart takes a few more).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { externalDatabase, startHarness, OPERATOR_TOKEN, type Harness } from '../support/harness.ts';
import { catalog, stockUp, subscriptionsFor } from '../support/fixtures.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { LICENCES } from '../../src/auth/licences.ts';
import { authorizeSender } from '../../src/domain/sms/senders.service.ts';
import { createResellerProduct } from '../../src/domain/catalog/reseller-products.service.ts';
import { queryRows } from '../../src/db/database.ts';
import { fleetClient, killRandomly, newTally, startFleet, type Fleet } from '../support/fleet.ts';

const SECONDS = Number(process.env.CHAOS_SECONDS ?? 35);
const KILL_EVERY_MS = Number(process.env.CHAOS_KILL_EVERY_MS ?? 2500);
const LINES = 40;
const DAY = 86_400_000;
const GB = 1024 ** 3;

let target: Awaited<ReturnType<typeof externalDatabase>> | undefined;
let fleet: Fleet | undefined;
let receiver: Server | undefined;

afterAll(async () => {
  await fleet?.stop();
  receiver?.closeAllConnections();
  receiver?.close();
  await target?.drop();
});

/** A local webhook receiver that records every delivery it reads in full. */
async function startReceiver() {
  const received: { id: string; body: string }[] = [];
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ id: String(req.headers['webhook-id']), body });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, received };
}

/** The world before the load: an Enterprise organization with lines and a sender, a Connect reseller with a product. */
async function world(db: Harness['platform']['db']) {
  const enterprise = await createOrganization(db, { name: 'Chaos Co', licences: [...LICENCES] });
  const ent = await createClient(db, enterprise.id, { name: 'c', family: 'enterprise', licences: [...LICENCES] });
  const setup = await catalog(db, enterprise.id, { sims: 400, numbers: 400 });
  const lines = await subscriptionsFor(db, enterprise.id, setup, LINES, 'active', new Date(Date.now() - 20 * DAY));
  await authorizeSender(db, enterprise.id, lines[0].msisdns[0]);
  await stockUp(db, { sims: 300, numbers: 0 });

  const shop = await createOrganization(db, { name: 'Chaos Store', licences: [] });
  const con = await createClient(db, shop.id, { name: 'shop', family: 'connect', role: 'RESELLER' });
  const product = await createResellerProduct(db, shop.id, {
    period: 30,
    period_unit: 'DAYS',
    footprint: ['FR', 'DE'],
    region: 'europe',
    name: 'Europe 1 GB',
    data: { value: 1, units: 'GB' },
    pricing: { EUR: 5 },
  });
  return { enterprise, ent, setup, lines, shop, con, product };
}

const count = async (db: Harness['platform']['db'], query: ReturnType<typeof sql>) => Number((await queryRows<{ n: string }>(db, query))[0].n);
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

// Skipped on the embedded database: one process owns it, so several cannot share it.
describe.runIf(process.env.DATABASE_URL)('many processes, some dying (PostgreSQL only: processes cannot share the embedded database)', () => {
  it('keeps every invariant under a mixed load', { timeout: 600_000 }, async () => {
    target = await externalDatabase();
    const setupHarness = await startHarness({ WORKERS: 'off' }, target.env);
    const w = await world(setupHarness.platform.db);
    const hooks = await startReceiver();
    const env = {
      ...target.env,
      OPERATOR_TOKEN,
      // One address for the fleet, as behind a load balancer: a token one process issues, the others accept.
      PUBLIC_URL: 'http://cellhub.chaos.test',
      JOB_TIMEOUT_SECONDS: '4',
      RATE_LIMIT_PER_MINUTE: '10000000',
      WEBHOOK_ALLOW_PRIVATE: '1',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_RETRY_SCHEDULE: Array(100).fill('0.5').join(','),
      SMDP_SIMULATOR_ADVANCE_MS: '0',
      SMSC_SIMULATOR_RECEIPT_MS: '200',
      DATABASE_POOL_SIZE: '6',
    };
    fleet = await startFleet(env, ['api', 'api', 'worker', 'worker']);
    const tally = newTally();
    const send = fleetClient(fleet, tally);
    const entAuth = { authorization: `Bearer ${await fetchTokenOver(send, 'enterprise-apis', w.ent.client.clientId, w.ent.secret)}`, 'content-type': 'application/json' };
    const conAuth = { authorization: `Bearer ${await fetchTokenOver(send, 'tru-staff', w.con.client.clientId, w.con.secret)}`, 'content-type': 'application/json' };
    const opAuth = { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' };

    const accepted = { orders: [] as string[], connectOrders: [] as string[], sms: [] as string[], records: new Set<string>(), connectRecords: new Set<string>() };
    const iccids: string[] = [];
    let key = 0;
    const post = (path: string, headers: Record<string, string>, body: unknown) =>
      send(path, { method: 'POST', headers: { ...headers, 'idempotency-key': `chaos-${key++}` }, body: JSON.stringify(body) });
    const deadline = Date.now() + SECONDS * 1000;
    const running = () => Date.now() < deadline;

    const enterpriseOrders = async () => {
      while (running()) {
        // lines[0] sends the SMS: the orders leave it alone.
        const line = pick(w.lines.slice(1));
        const change = { account_id: w.setup.account.id, subscription_id: line.subscription.id };
        const body = pick([
          {
            type: 'activate_subscription',
            account_id: w.setup.account.id,
            template_id: w.setup.template.id,
            subscriber: { first_name: 'K', last_name: `L${key}`, email: `k${key}@chaos.example` },
            sim_profile: { sim_type: 'esim', delivery: { type: 'api' } },
          },
          { type: 'suspend_subscription', reason: 'temporary', ...change },
          { type: 'resume_subscription', ...change },
          { type: 'change_sim_profile', sim_profile: { sim_type: 'esim', delivery: { type: 'api' } }, ...change },
          ...(Math.random() < 0.1 ? [{ type: 'terminate_subscription', ...change }] : []),
        ]);
        const res = await post('/enterprise/orders', entAuth, body);
        if (res.status === 201) accepted.orders.push((await res.json()).id);
        else expect([409], `${body.type}: ${res.status} ${await res.text()}`).toContain(res.status);
      }
    };
    const enterpriseReads = async () => {
      while (running()) {
        const line = pick(w.lines);
        for (const path of [
          `/enterprise/subscriptions?limit=20`,
          `/enterprise/subscriptions/${line.subscription.id}`,
          '/enterprise/orders?limit=20',
          '/enterprise/usage/items?limit=50',
        ]) {
          const res = await send(path, { headers: entAuth });
          expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
        }
      }
    };
    const sms = async () => {
      for (let m = 0; running(); m++) {
        const to = Array.from({ length: 100 }, (_, i) => `+4477009${String((m * 100 + i) % 100_000).padStart(5, '0')}`);
        const res = await post('/enterprise/sms', entAuth, { from: w.lines[0].msisdns[0], to, text: `Chaos bulletin ${m}` });
        expect(res.status, await res.clone().text()).toBe(200);
        accepted.sms.push((await res.json()).sms_id);
      }
    };
    const ingest = async () => {
      for (let b = 0; running(); b++) {
        const records: object[] = Array.from({ length: 50 }, (_, i) => ({
          source_record_id: `chaos-${b}-${i}`,
          msisdn: pick(w.lines).msisdns[0],
          type: 'voice',
          direction: 'outbound',
          other_party: '447700900999',
          location_country: 'GB',
          started_at: new Date(Date.now() - DAY).toISOString(),
          quantity: 45,
          unit: 'seconds',
        }));
        // Connect SIMs' data: 0.45 GB a record, so a plan crosses 80 % (USAGE_THRESHOLD) and then runs out (SUBSCRIPTION_END).
        const connect = iccids.slice(-5).map((iccid, i) => ({
          source_record_id: `chaos-data-${b}-${i}`,
          iccid,
          type: 'data',
          direction: 'outbound',
          location_country: 'FR',
          started_at: new Date().toISOString(),
          quantity: Math.round(0.45 * GB),
          unit: 'bytes',
        }));
        const res = await post('/operator/usage/records', opAuth, { records: [...records, ...connect] });
        expect(res.status, await res.clone().text()).toBe(200);
        expect((await res.json()).rejected).toBe(0);
        for (const r of records as { source_record_id: string }[]) accepted.records.add(r.source_record_id);
        for (const r of connect) accepted.connectRecords.add(r.source_record_id);
      }
    };
    const connectOrders = async () => {
      while (running()) {
        const topUp = iccids.length > 0 && Math.random() < 0.4;
        const input = topUp
          ? { operationType: 'TOPUP', countryCode: 'PT', esim: { iccid: pick(iccids) }, subscriptions: [{ product_id: w.product.id }] }
          : {
              operationType: 'NEW_ESIM',
              countryCode: 'PT',
              customer: { email: 'k@chaos.example' },
              device: { id: 'd', type: 'ios' },
              subscriptions: [{ product_id: w.product.id }],
            };
        const res = await post('/connect-api/v1/order', conAuth, { input });
        expect(res.status, await res.clone().text()).toBe(201);
        const id = (await res.json()).id;
        accepted.connectOrders.push(id);
        if (topUp) continue;
        // Once the SIM is made, register the webhooks on it.
        // Both workers may be starting again after kills: wait as long as the drain below does.
        let order = { status: 'ACCEPTED', failure_reason: '', output: { iccid: '' } };
        await expect
          .poll(
            async () => {
              order = await (await send(`/connect-api/v1/order/${id}`, { headers: conAuth })).json();
              return order.status;
            },
            { timeout: 240_000, interval: 50 },
          )
          .toMatch(/^(COMPLETED|FAILED)$/);
        expect(order.status, order.failure_reason).toBe('COMPLETED');
        for (const type of ['USAGE_THRESHOLD', 'SUBSCRIPTION_END']) {
          const put = await send(`/connect-api/v1/sim/${order.output.iccid}/preferences/notifications/${type}`, {
            method: 'PUT',
            headers: conAuth,
            body: JSON.stringify({ webhook_url: hooks.url }),
          });
          expect(put.status).toBe(200);
        }
        iccids.push(order.output.iccid);
        const reads = await send(`/connect-api/v1/sim/${iccids.at(-1)}/subscriptions`, { headers: conAuth });
        expect(reads.status).toBe(200);
      }
    };

    const stopKilling = { done: false };
    const killer = killRandomly(fleet, env, KILL_EVERY_MS, stopKilling);
    try {
      await Promise.all([enterpriseOrders(), enterpriseOrders(), enterpriseReads(), sms(), ingest(), connectOrders(), connectOrders()]);
    } finally {
      stopKilling.done = true;
    }
    const kills = await killer;

    const db = setupHarness.platform.db;
    const o = sql`organization_id = ${w.enterprise.id}`;
    const c = sql`organization_id = ${w.shop.id}`;
    // Drained: no order, SMS recipient or webhook left to do.
    const outstanding = async () =>
      (await count(db, sql`SELECT count(*) AS n FROM orders WHERE ${o} AND status = 'pending'`)) +
      (await count(db, sql`SELECT count(*) AS n FROM connect_orders WHERE ${c} AND status IN ('ACCEPTED', 'FULFILLING')`)) +
      (await count(db, sql`SELECT count(*) AS n FROM sms_recipients WHERE ${o} AND status IN ('queued', 'sent')`)) +
      (await count(db, sql`SELECT count(*) AS n FROM webhook_deliveries WHERE ${c} AND status = 'pending'`));
    await expect.poll(outstanding, { timeout: 240_000, interval: 500 }).toBe(0);

    const figures = {
      seconds: SECONDS,
      kills,
      requests: Object.values(tally.statuses).reduce((a, b) => a + b, 0),
      statuses: tally.statuses,
      cutOffByKills: tally.cutOff,
      unansweredTries: tally.unanswered,
      retriesWhileFirstRan: tally.stillRunning,
      enterpriseOrders: accepted.orders.length,
      connectOrders: accepted.connectOrders.length,
      smsMessages: accepted.sms.length,
      smsRecipients: accepted.sms.length * 100,
      usageRecords: accepted.records.size,
      connectDataRecords: accepted.connectRecords.size,
      webhooks: await count(db, sql`SELECT count(*) AS n FROM webhook_deliveries WHERE ${c}`),
      webhookRequests: hooks.received.length,
    };
    console.log('chaos figures', JSON.stringify(figures));

    // No answer was a 5xx.
    expect(tally.serverErrors).toEqual([]);
    expect(kills.length, 'no process was killed').toBeGreaterThan(0);

    // Every accepted order is final, once: an activation made one subscription, each its own.
    expect(await count(db, sql`SELECT count(*) AS n FROM orders WHERE ${o} AND id = ANY(${sql.param(accepted.orders)}::text[]) AND status IN ('completed', 'failed')`)).toBe(
      accepted.orders.length,
    );
    expect(await count(db, sql`SELECT count(*) AS n FROM orders WHERE ${o}`)).toBe(accepted.orders.length);
    const activations = await count(db, sql`SELECT count(*) AS n FROM orders WHERE ${o} AND type = 'activate_subscription' AND status = 'completed'`);
    expect(await count(db, sql`SELECT count(*) AS n FROM subscriptions WHERE ${o}`)).toBe(LINES + activations);
    expect(await count(db, sql`SELECT count(DISTINCT subscription_id) AS n FROM orders WHERE ${o} AND type = 'activate_subscription' AND status = 'completed'`)).toBe(activations);
    expect(await count(db, sql`SELECT count(*) AS n FROM connect_orders WHERE ${c} AND status = 'COMPLETED'`)).toBe(accepted.connectOrders.length);
    expect(await count(db, sql`SELECT count(*) AS n FROM connect_orders WHERE ${c}`)).toBe(accepted.connectOrders.length);
    expect(await count(db, sql`SELECT count(*) AS n FROM connect_subscriptions WHERE ${c} AND renewal_of IS NULL`)).toBe(accepted.connectOrders.length);

    // Every ICCID held is one live subscription's or one Connect SIM's, and each SIM has one holder.
    expect(await count(db, sql`SELECT count(*) AS n FROM sim_profiles WHERE ${o} AND subscription_id IS NULL AND state NOT IN ('deleted', 'cancelled')`)).toBe(0);
    expect(await count(db, sql`SELECT count(*) AS n FROM (SELECT iccid FROM subscriptions WHERE ${o} GROUP BY iccid HAVING count(*) > 1) d`)).toBe(0);
    expect(await count(db, sql`SELECT count(*) AS n FROM sim_profiles WHERE ${c}`)).toBe(await count(db, sql`SELECT count(*) AS n FROM connect_sims WHERE ${c}`));
    expect(await count(db, sql`SELECT count(*) AS n FROM sim_profiles s WHERE s.state = 'allocated' AND s.organization_id IS NULL`)).toBe(0);
    // Every number assigned belongs to a live subscription of its organization, one each.
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM phone_numbers p LEFT JOIN subscriptions s ON s.id = p.subscription_id AND s.organization_id = p.organization_id
            WHERE p.pool_id = ${w.setup.pool.id} AND p.state = 'assigned' AND (s.id IS NULL OR s.status = 'terminated')`,
      ),
    ).toBe(0);
    expect(await count(db, sql`SELECT count(*) AS n FROM phone_numbers WHERE pool_id = ${w.setup.pool.id} AND state = 'available' AND subscription_id IS NOT NULL`)).toBe(0);
    expect(
      await count(db, sql`SELECT count(*) AS n FROM (SELECT subscription_id FROM phone_numbers WHERE state = 'assigned' AND ${o} GROUP BY subscription_id HAVING count(*) > 1) d`),
    ).toBe(0);

    // Every SMS recipient is final and charged once per part.
    const only = sql`message_id = ANY(${sql.param(accepted.sms)}::text[])`;
    expect(await count(db, sql`SELECT count(*) AS n FROM sms_recipients WHERE ${o} AND ${only} AND status IN ('delivered', 'failed', 'expired')`)).toBe(accepted.sms.length * 100);
    const parts = await count(db, sql`SELECT count(*) AS n FROM sms_submissions WHERE ${o} AND ${only}`);
    expect(await count(db, sql`SELECT count(DISTINCT (message_id, position, part)) AS n FROM sms_submissions WHERE ${o} AND ${only}`)).toBe(parts);
    const smsItems = sql`FROM usage_items WHERE ${o} AND split_part(source_record_id, ':', 1) = ANY(${sql.param(accepted.sms)}::text[])`;
    expect(await count(db, sql`SELECT count(*) AS n ${smsItems}`)).toBe(parts);
    expect(await count(db, sql`SELECT count(DISTINCT (source_record_id, part)) AS n ${smsItems}`)).toBe(parts);

    // Every usage record rated once; every Connect byte drawn once from a balance or out of bundle.
    const records = [...accepted.records];
    expect(await count(db, sql`SELECT count(DISTINCT source_record_id) AS n FROM usage_items WHERE ${o} AND source_record_id = ANY(${sql.param(records)}::text[])`)).toBe(
      records.length,
    );
    expect(await count(db, sql`SELECT count(*) AS n FROM usage_items WHERE ${o} AND source_record_id = ANY(${sql.param(records)}::text[])`)).toBe(records.length);
    expect(await count(db, sql`SELECT count(*) AS n FROM connect_usage_records WHERE ${c}`)).toBe(accepted.connectRecords.size);
    const [bytes] = await queryRows<{ used: string; spent: string }>(
      db,
      sql`SELECT (SELECT coalesce(sum(bytes - out_of_bundle_bytes), 0) FROM connect_usage_records WHERE ${c}) AS used,
                 (SELECT coalesce(sum(spent_balance), 0) FROM connect_subscriptions WHERE ${c}) AS spent`,
    );
    expect(bytes.spent).toBe(bytes.used);

    // Every webhook arrived at least once; copies of one share its id and body.
    const deliveries = await queryRows<{ id: string; status: string }>(db, sql`SELECT id, status FROM webhook_deliveries WHERE ${c}`);
    expect(deliveries.filter((d) => d.status !== 'delivered')).toEqual([]);
    expect(new Set(hooks.received.map((r) => r.id))).toEqual(new Set(deliveries.map((d) => d.id)));
    for (const id of new Set(hooks.received.map((r) => r.id))) expect(new Set(hooks.received.filter((r) => r.id === id).map((r) => r.body)).size).toBe(1);
    expect(figures.webhooks, 'the load made no webhook').toBeGreaterThan(0);

    await setupHarness.app.close();
    await setupHarness.platform.close();
  });
});

/** A token through the fleet (its signing keys live in the shared database). */
async function fetchTokenOver(send: ReturnType<typeof fleetClient>, realm: string, clientId: string, secret: string): Promise<string> {
  const res = await send(`/auth/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  return (await res.json()).access_token;
}
