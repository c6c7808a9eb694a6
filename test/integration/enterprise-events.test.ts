// Enterprise events (a cellhub extension): every change an organization cares about is
// in its feed, in the order it happened, with its object as the API shows it; a client
// that keeps its cursor catches up later and misses nothing; no other organization
// sees any of it; old events are deleted by the retention job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_TOKEN, startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';
import { authorizeSender } from '../../src/domain/sms/senders.service.ts';
import { until } from '../support/wait.ts';
import { expireEvents, recordEvent, recordEvents } from '../../src/domain/events/events.service.ts';

let h: Harness;
let acme: Tenant;
let globex: Tenant;
let setup: Awaited<ReturnType<typeof catalog>>;

beforeAll(async () => {
  h = await startHarness({ SMSC_SIMULATOR_RECEIPT_MS: '20' });
  acme = await h.tenant({ name: 'Acme' });
  globex = await h.tenant({ name: 'Globex' });
  setup = await catalog(h.platform.db, acme.organizationId, { sims: 5 });
});
afterAll(() => h.close());

const get = (tenant: Tenant, url: string) => h.app.inject({ url, headers: tenant.auth });
const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };

async function order(payload: object) {
  const placed = await h.app.inject({ method: 'POST', url: '/enterprise/orders', payload: { account_id: setup.account.id, ...payload }, headers: acme.auth });
  expect(placed.statusCode, placed.body).toBe(201);
  return until('the order is still pending', async () => {
    const o = (await get(acme, `/enterprise/orders/${placed.json().id}`)).json();
    return o.status !== 'pending' && o;
  });
}

type Event = { id: string; type: string; occurred_at: string; data: Record<string, unknown> };

/** Reads the feed from `url` to its end: the events and the link to follow later. */
async function readFeed(tenant: Tenant, url: string): Promise<{ events: Event[]; next: string }> {
  const events: Event[] = [];
  for (;;) {
    const res = await get(tenant, url);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    events.push(...page._embedded.events);
    url = page._links.next.href;
    if (page._embedded.events.length === 0) return { events, next: url };
  }
}

// Two transactions of one organization: the first to write its event commits last. The
// change's transactions take no lock (neither waits for the other), and a reader that
// read on past the second's event still gets the first's when it commits: numbered
// when read, it comes after everything read before. (The embedded database runs one
// transaction at a time, so this needs PostgreSQL.)
describe.skipIf(!process.env.DATABASE_URL)('events of concurrent transactions', () => {
  it('neither waits, and an event committed late comes after the cursor of a reader that read on', async () => {
    const org = await h.tenant({ name: 'Racer' });
    const record = (tx: Parameters<Parameters<typeof h.platform.db.transaction>[0]>[0], n: number) =>
      recordEvent(tx, org.organizationId, 'spend.alert', { kind: 'data', data: { n } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let recorded!: () => void;
    const firstRecorded = new Promise<void>((resolve) => (recorded = resolve));
    const first = h.platform.db.transaction(async (tx) => {
      await record(tx, 1);
      recorded();
      await held;
    });
    await firstRecorded;
    // It would hang here, were the second to wait for the first.
    await h.platform.db.transaction((tx) => record(tx, 2));
    const before = await readFeed(org, '/enterprise/events');
    expect(before.events.map((e) => e.data.n)).toEqual([2]);
    release();
    await first;
    expect((await readFeed(org, before.next)).events.map((e) => e.data.n)).toEqual([1]);
    expect((await readFeed(org, '/enterprise/events')).events.map((e) => e.data.n)).toEqual([2, 1]);
  });
});

// Many writers and readers of one organization at once, some transactions held open
// while others commit: every reader following its cursor gets every event exactly once.
describe('the feed under concurrent writers and readers', () => {
  it('gives each reader every event once', async () => {
    const org = await h.tenant({ name: 'Crowd' });
    const total = 60;
    const write = async (n: number) => {
      await h.platform.db.transaction(async (tx) => {
        await recordEvents(tx, org.organizationId, [
          { type: 'spend.alert', subject: { kind: 'data', data: { n, part: 'a' } } },
          { type: 'spend.alert', subject: { kind: 'data', data: { n, part: 'b' } } },
        ]);
        // Every third transaction stays open while others commit and get read.
        if (n % 3 === 0) await new Promise((r) => setImmediate(r));
      });
    };
    const follow = async () => {
      const seen: Event[] = [];
      let url = '/enterprise/events?limit=7';
      await until(
        'a reader still misses events',
        async () => {
          const page = await readFeed(org, url);
          seen.push(...page.events);
          url = page.next;
          return seen.length >= total * 2;
        },
        5,
      );
      return seen;
    };
    const readers = [follow(), follow(), follow()];
    await Promise.all(Array.from({ length: total }, (_, n) => write(n)));
    for (const seen of await Promise.all(readers)) {
      expect(seen).toHaveLength(total * 2);
      expect(new Set(seen.map((e) => e.id)).size).toBe(total * 2);
      // A transaction's events stay in the order it wrote them.
      const order = seen.map((e) => `${String(e.data.n)}${String(e.data.part)}`);
      for (let n = 0; n < total; n++) expect(order.indexOf(`${n}b`)).toBeGreaterThan(order.indexOf(`${n}a`));
    }
  });
});

describe('an SMS', () => {
  it('is finished once, when its last recipient settles, with its counts', async () => {
    const org = await h.tenant({ name: 'Texter' });
    const [line] = await subscriptionsFor(h.platform.db, org.organizationId, await catalog(h.platform.db, org.organizationId, { sims: 1 }), 1);
    await authorizeSender(h.platform.db, org.organizationId, line.msisdns[0]);
    const sent = await h.app.inject({
      method: 'POST',
      url: '/enterprise/sms',
      payload: { from: line.msisdns[0], to: ['+447700900001', '+447700900002'], text: 'hi' },
      headers: org.auth,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const id = sent.json().sms_id;
    const finished = await until('no sms.finished event', async () => {
      const { events } = await readFeed(org, '/enterprise/events?type=sms.finished');
      return events.length > 0 ? events : undefined;
    });
    expect(finished).toHaveLength(1);
    expect(finished[0].data).toMatchObject({ id, status: 'completed', counts: { delivered: 2, queued: 0, sent: 0 } });
  });
});

describe('the event feed', () => {
  let subscriptionId: string;
  let later: string;

  it('holds every change of an order and a subscription, oldest first, each with its object', async () => {
    const activated = await order({
      type: 'activate_subscription',
      template_id: setup.template.id,
      subscriber: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@acme.example', employee_id: 'E1', group: 'R&D' },
      sim_profile: { sim_type: 'esim', delivery: { type: 'api' } },
    });
    expect(activated.status, activated.failure_reason).toBe('completed');
    subscriptionId = activated.subscription_id;
    const iccid = activated.sim_profile.iccid;
    const asActivated = (await get(acme, `/enterprise/subscriptions/${subscriptionId}`)).json();
    for (const event of ['downloaded', 'installed', 'deleted']) {
      const res = await h.app.inject({ method: 'POST', url: `/operator/sims/${iccid}/events`, payload: { event }, headers: op });
      expect(res.statusCode, res.body).toBe(200);
    }
    const change = (type: string, extra: object = {}) => order({ type, subscription_id: subscriptionId, ...extra });
    expect((await change('suspend_subscription', { reason: 'temporary' })).status).toBe('completed');
    expect((await change('resume_subscription')).status).toBe('completed');
    expect((await change('change_sim_profile', { sim_profile: { sim_type: 'esim', delivery: { type: 'api' } } })).status).toBe('completed');
    expect((await change('terminate_subscription')).status).toBe('completed');
    const failed = await order({
      type: 'activate_subscription',
      template_id: setup.template.id,
      subscriber: { first_name: 'Bob', last_name: 'Byte', email: 'bob@acme.example' },
      sim_profile: { sim_type: 'psim', delivery: { type: 'api' } },
    });
    expect(failed.status).toBe('failed');

    const feed = await readFeed(acme, '/enterprise/events?limit=3');
    later = feed.next;
    expect(feed.events.map((e) => e.type)).toEqual([
      'subscription.activated',
      'order.completed',
      'sim_profile.downloaded',
      'sim_profile.installed',
      'sim_profile.deleted',
      'subscription.suspended',
      'order.completed',
      'subscription.resumed',
      'order.completed',
      'subscription.sim_swapped',
      'order.completed',
      'subscription.terminated',
      'order.completed',
      'order.failed',
    ]);
    // The activation's event carries the subscription exactly as the API then showed it.
    expect(feed.events[0].data).toEqual(asActivated);
    expect(asActivated).toMatchObject({ id: subscriptionId, status: 'active' });
    expect(feed.events[1].data).toMatchObject({ id: activated.id, status: 'completed', subscription_id: subscriptionId });
    expect(feed.events[3].data).toMatchObject({ iccid, status: 'installed' });
    expect(feed.events[5].data).toMatchObject({ id: subscriptionId, status: 'suspended' });
    expect(feed.events[11].data).toMatchObject({ id: subscriptionId, status: 'terminated' });
    expect(feed.events[13].data).toMatchObject({ id: failed.id, status: 'failed', failure_reason: 'no psim left in SIM inventory' });
    expect(new Set(feed.events.map((e) => e.id)).size).toBe(feed.events.length);

    const one = await get(acme, `/enterprise/events/${feed.events[4].id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ ...feed.events[4], _links: { self: { href: `/enterprise/events/${feed.events[4].id}` } } });
  });

  it('filters by type and time', async () => {
    const completed = await readFeed(acme, '/enterprise/events?type=order.completed');
    expect(completed.events.map((e) => e.type)).toEqual(Array(5).fill('order.completed'));
    const future = await get(acme, `/enterprise/events?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.json()._embedded.events).toEqual([]);
    const past = await get(acme, `/enterprise/events?to=2020-01-01T00:00:00Z`);
    expect(past.json()._embedded.events).toEqual([]);
  });

  it('gives a client that kept its cursor exactly what happened since', async () => {
    const caughtUp = await readFeed(acme, later);
    expect(caughtUp.events).toEqual([]);
    const activated = await order({
      type: 'activate_subscription',
      template_id: setup.template.id,
      subscriber: { first_name: 'Cy', last_name: 'Clone', email: 'cy@acme.example', employee_id: 'E2' },
      sim_profile: { sim_type: 'esim', delivery: { type: 'api' } },
    });
    const since = await readFeed(acme, caughtUp.next);
    expect(since.events.map((e) => [e.type, e.data.id])).toEqual([
      ['subscription.activated', activated.subscription_id],
      ['order.completed', activated.id],
    ]);
  });

  it('answers bad filters and cursors with 400 naming the field', async () => {
    for (const [query, field] of [
      ['type=order.lost', 'type'],
      ['from=yesterday', 'from'],
      ['cursor=nonsense', 'cursor'],
    ]) {
      const res = await get(acme, `/enterprise/events?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().messages.join(' '), query).toContain(field);
    }
    const cursor = new URL(later, 'http://x').searchParams.get('cursor');
    const other = await get(acme, `/enterprise/events?type=order.failed&cursor=${cursor}`);
    expect(other.statusCode).toBe(400);
  });

  it('shows another organization none of it', async () => {
    const feed = await readFeed(globex, '/enterprise/events');
    expect(feed.events).toEqual([]);
    const first = (await get(acme, '/enterprise/events?limit=1')).json()._embedded.events[0];
    expect((await get(globex, `/enterprise/events/${first.id}`)).statusCode).toBe(404);
    expect((await get(acme, '/enterprise/events/evt_nope')).statusCode).toBe(404);
  });

  it('needs the events licence', async () => {
    const unlicensed = await h.tenant({ licences: ['orders'] });
    expect((await get(unlicensed, '/enterprise/events')).statusCode).toBe(403);
  });

  it('deletes events older than the retention', async () => {
    const before = (await readFeed(acme, '/enterprise/events')).events.length;
    expect(before).toBeGreaterThan(0);
    expect(await expireEvents(h.platform.db, 30)).toBe(0);
    await expireEvents(h.platform.db, 30, new Date(Date.now() + 31 * 86_400_000));
    expect((await readFeed(acme, '/enterprise/events')).events).toEqual([]);
  });
});
