// Whose usage a record is: the subscription that held its number (or SIM) when it
// started, however late mediation delivers it. Subscriptions are made and changed by
// orders, usage goes in through the operator's ingest and comes out of the Enterprise
// usage API; the attribution rules also have tests of their own, on the pure class.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { OPERATOR_TOKEN, startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog } from '../support/fixtures.ts';
import { until } from '../support/wait.ts';
import { releaseQuarantinedNumbers } from '../../src/domain/inventory/numbers.store.ts';
import { Holders } from '../../src/domain/usage/attribution.ts';
import type { Holding } from '../../src/domain/inventory/holdings.store.ts';
import type { UsageRecord } from '../../src/domain/usage/usage-record.ts';

let h: Harness;
let acme: Tenant;
let seq = 0;

// Numbers rest no time in quarantine, so a test can see one reused.
beforeAll(async () => {
  h = await startHarness({ NUMBER_QUARANTINE_DAYS: '0' });
  acme = await h.tenant({ name: 'Acme' });
});
afterAll(() => h.close());

type Setup = Awaited<ReturnType<typeof catalog>>;
interface Order {
  id: string;
  status: string;
  subscription_id: string;
  failure_reason?: string;
  sim_profile: { iccid: string };
  phone_numbers: { msisdn: string }[];
}

const get = (url: string) => h.app.inject({ url, headers: acme.auth });

async function place(payload: object): Promise<Order> {
  const res = await h.app.inject({ method: 'POST', url: '/enterprise/orders', payload, headers: acme.auth });
  expect(res.statusCode, res.body).toBe(201);
  const order = await until(`order ${res.json().id} is still pending`, async () => {
    const o = (await get(`/enterprise/orders/${res.json().id}`)).json();
    return o.status !== 'pending' && o;
  });
  expect(order.status, order.failure_reason).toBe('completed');
  return order;
}

const activate = (s: Setup, email: string) =>
  place({
    type: 'activate_subscription',
    account_id: s.account.id,
    template_id: s.template.id,
    subscriber: { first_name: 'Ada', last_name: 'Lovelace', email },
    sim_profile: { sim_type: 'esim', delivery: { type: 'api' } },
  });
const change = (s: Setup, subscriptionId: string, type: string, extra: object = {}) => place({ type, account_id: s.account.id, subscription_id: subscriptionId, ...extra });

/** A moment strictly after everything so far (ingest times are to the millisecond). */
async function moment(): Promise<string> {
  const start = Date.now();
  await until('the clock did not move', () => Date.now() > start);
  return new Date().toISOString();
}

const ingest = async (records: object[]) => {
  const res = await h.app.inject({ method: 'POST', url: '/operator/usage/records', payload: { records }, headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** A one-minute call from the number (or, given `{ iccid }` and no msisdn, from the SIM) starting at `at`. */
function call(at: string, by: { msisdn?: string; iccid?: string }) {
  return {
    source_record_id: `attr-${seq++}`,
    ...by,
    type: 'voice',
    direction: 'outbound',
    other_party: '447700900999',
    location_country: 'GB',
    started_at: at,
    ended_at: at,
    quantity: 60,
  };
}

/** The source record ids and cost types of the subscription's usage items, as its organization sees them. */
async function itemsOf(subscriptionId: string) {
  const res = await get(`/enterprise/usage/items?subscription-id=${subscriptionId}&limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json()._embedded.items.map((i: { started_at: string; cost_type: string; from_msisdn: number }) => ({
    started_at: i.started_at,
    cost_type: i.cost_type,
    from_msisdn: String(i.from_msisdn),
  }));
}

describe('usage of a reused number', () => {
  it("goes to whoever held the number when it started: the earlier holder's late records to it, the new holder's to the new one", async () => {
    const s = await catalog(h.platform.db, acme.organizationId, { sims: 2, numbers: 1 });
    const first = await activate(s, 'first.holder@acme.example');
    const number = first.phone_numbers[0].msisdn;
    const whileFirst = await moment();
    await change(s, first.subscription_id, 'terminate_subscription');
    const inQuarantine = await moment();
    expect(await releaseQuarantinedNumbers(h.platform.db)).toBeGreaterThanOrEqual(1); // its quarantine (0 days) is over
    const second = await activate(s, 'second.holder@acme.example');
    expect(second.phone_numbers[0].msisdn).toBe(number);
    const whileSecond = await moment();

    // The first holder's record arrives after the second holder's activation.
    const records = [call(whileSecond, { msisdn: number }), call(whileFirst, { msisdn: number }), call(inQuarantine, { msisdn: number })];
    const result = await ingest(records);
    expect(result).toMatchObject({ received: 3, accepted: 2, rejected: 1 });
    expect(result.rejections).toEqual([{ index: 2, source_record_id: records[2].source_record_id, reason: `msisdn: ${number} was held by no subscription at ${inQuarantine}` }]);
    // Each rated within its own holder's plan (the first's as it stood before its termination).
    expect(await itemsOf(first.subscription_id)).toEqual([{ started_at: whileFirst, cost_type: 'in_bundle', from_msisdn: number }]);
    expect(await itemsOf(second.subscription_id)).toEqual([{ started_at: whileSecond, cost_type: 'in_bundle', from_msisdn: number }]);
  });
});

describe('usage around a SIM swap', () => {
  it("goes by the SIM held when it started: the old SIM's until the swap, the new one's after", async () => {
    const s = await catalog(h.platform.db, acme.organizationId, { sims: 2, numbers: 1 });
    const sub = await activate(s, 'swapper@acme.example');
    const [oldSim, number] = [sub.sim_profile.iccid, sub.phone_numbers[0].msisdn];
    const beforeSwap = await moment();
    const swap = await change(s, sub.subscription_id, 'change_sim_profile', { sim_profile: { sim_type: 'esim', delivery: { type: 'api' } } });
    const newSim = swap.sim_profile.iccid;
    expect(newSim).not.toBe(oldSim);
    const afterSwap = await moment();

    const records = [call(beforeSwap, { iccid: oldSim }), call(afterSwap, { iccid: newSim }), call(afterSwap, { iccid: oldSim }), call(beforeSwap, { iccid: newSim })];
    const result = await ingest(records);
    expect(result).toMatchObject({ received: 4, accepted: 2, rejected: 2 });
    expect(result.rejections.map((r: { index: number; reason: string }) => [r.index, r.reason])).toEqual([
      [2, `iccid: ${oldSim} was held by no subscription at ${afterSwap}`],
      [3, `iccid: ${newSim} was held by no subscription at ${beforeSwap}`],
    ]);
    expect(await itemsOf(sub.subscription_id)).toEqual([
      { started_at: afterSwap, cost_type: 'in_bundle', from_msisdn: number },
      { started_at: beforeSwap, cost_type: 'in_bundle', from_msisdn: number },
    ]);
  });
});

describe('usage from before a subscription existed', () => {
  it('is refused with its index and a reason naming the number or SIM and the time; the rest of the batch lands', async () => {
    const s = await catalog(h.platform.db, acme.organizationId, { sims: 1, numbers: 1 });
    const sub = await activate(s, 'newcomer@acme.example');
    const [sim, number] = [sub.sim_profile.iccid, sub.phone_numbers[0].msisdn];
    const hourBefore = new Date(Date.now() - 3_600_000).toISOString();
    const now = await moment();
    const records = [call(hourBefore, { msisdn: number }), call(now, { msisdn: number }), call(hourBefore, { iccid: sim })];
    const result = await ingest(records);
    expect(result).toMatchObject({ received: 3, accepted: 1, rejected: 2, items: 1 });
    expect(result.rejections).toEqual([
      { index: 0, source_record_id: records[0].source_record_id, reason: `msisdn: ${number} was held by no subscription at ${hourBefore}` },
      { index: 2, source_record_id: records[2].source_record_id, reason: `iccid: ${sim} was held by no subscription at ${hourBefore}` },
    ]);
    expect(await itemsOf(sub.subscription_id)).toEqual([{ started_at: now, cost_type: 'in_bundle', from_msisdn: number }]);
  });
});

describe('late usage of a terminated subscription', () => {
  it('is rated to it as it would have been on time and shows in its usage list; usage after the termination is refused', async () => {
    const s = await catalog(h.platform.db, acme.organizationId, { sims: 1, numbers: 1 });
    const sub = await activate(s, 'leaver@acme.example');
    const number = sub.phone_numbers[0].msisdn;
    const beforeEnd = await moment();
    await change(s, sub.subscription_id, 'terminate_subscription');
    const afterEnd = await moment();
    expect((await get(`/enterprise/subscriptions/${sub.subscription_id}`)).json().status).toBe('terminated');

    const records = [call(beforeEnd, { msisdn: number }), call(afterEnd, { msisdn: number })];
    const result = await ingest(records);
    expect(result).toMatchObject({ accepted: 1, rejected: 1 });
    expect(result.rejections[0]).toMatchObject({ index: 1, reason: `msisdn: ${number} was held by no subscription at ${afterEnd}` });
    expect(await itemsOf(sub.subscription_id)).toEqual([{ started_at: beforeEnd, cost_type: 'in_bundle', from_msisdn: number }]);
  });
});

describe('usage during a suspension', () => {
  it('is refused (services are barred), while late usage from before it is rated, and usage after resuming too', async () => {
    const s = await catalog(h.platform.db, acme.organizationId, { sims: 1, numbers: 1 });
    const sub = await activate(s, 'traveller@acme.example');
    const number = sub.phone_numbers[0].msisdn;
    const beforeSuspension = await moment();
    await change(s, sub.subscription_id, 'suspend_subscription', { reason: 'lost_or_stolen' });
    const suspended = await moment();

    const whileSuspended = await ingest([call(suspended, { msisdn: number }), call(beforeSuspension, { msisdn: number })]);
    expect(whileSuspended).toMatchObject({ accepted: 1, rejected: 1 });
    expect(whileSuspended.rejections[0]).toMatchObject({
      index: 0,
      reason: `msisdn: ${number} was held by subscription ${sub.subscription_id}, suspended at ${suspended} (services barred)`,
    });

    await change(s, sub.subscription_id, 'resume_subscription');
    const resumed = await moment();
    // Resuming does not make the suspension's usage chargeable.
    const after = await ingest([call(resumed, { msisdn: number }), call(suspended, { msisdn: number })]);
    expect(after).toMatchObject({ accepted: 1, rejected: 1 });
    expect(after.rejections[0].index).toBe(1);
    expect(await itemsOf(sub.subscription_id)).toEqual([
      { started_at: resumed, cost_type: 'in_bundle', from_msisdn: number },
      { started_at: beforeSuspension, cost_type: 'in_bundle', from_msisdn: number },
    ]);
  });
});

describe('attribution rules', () => {
  const T = Date.parse('2026-11-30T10:00:00Z');
  const at = (minutes: number) => new Date(T + minutes * 60_000);
  const holding = (subscriptionId: string | null, from: number, until: number | null): Holding => ({
    organizationId: 'org_1',
    kind: 'msisdn',
    identifier: '447700900123',
    subscriptionId,
    heldFrom: at(from),
    heldUntil: until === null ? null : at(until),
  });
  const record = (minutes: number): UsageRecord => ({
    sourceRecordId: 'r',
    msisdn: '447700900123',
    type: 'voice',
    direction: 'outbound',
    technology: null,
    otherParty: null,
    locationCountry: 'GB',
    isRecorded: false,
    startedAt: at(minutes),
    endedAt: at(minutes),
    quantity: 60,
  });
  const holder = (holders: Holders, minutes: number) => {
    const attribution = holders.attribute(record(minutes));
    return 'holding' in attribution ? attribution.holding.subscriptionId : attribution.reason;
  };

  it('counts a holding from its first moment up to, not including, its end', () => {
    const holders = new Holders([holding('sub_A', 0, 60), holding('sub_B', 60, null)]);
    expect(holder(holders, -1)).toBe('msisdn: 447700900123 was held by no subscription at 2026-11-30T09:59:00.000Z');
    expect(holder(holders, 0)).toBe('sub_A');
    expect(holder(holders, 59)).toBe('sub_A');
    expect(holder(holders, 60)).toBe('sub_B');
    expect(holder(holders, 10_000)).toBe('sub_B');
  });

  it('refuses what starts within a suspension, from its first moment up to its end', () => {
    const suspension = { organizationId: 'org_1', subscriptionId: 'sub_A', suspendedFrom: at(10), suspendedUntil: at(20) };
    const holders = new Holders([holding('sub_A', 0, null)], [suspension]);
    expect(holder(holders, 9)).toBe('sub_A');
    expect(holder(holders, 10)).toBe('msisdn: 447700900123 was held by subscription sub_A, suspended at 2026-11-30T10:10:00.000Z (services barred)');
    expect(holder(holders, 20)).toBe('sub_A');
  });
});

// The subscriber and number filters have no index on usage_items: they read through the
// subscriptions they name (the subscriber's; those that ever held the number). The pages
// must be exactly the organization's whole list filtered item by item, page for page.
describe('the subscriber and number filters', () => {
  interface Item {
    id: string;
    direction: string;
    type: string;
    from_msisdn: number | null;
    to_msisdn: number | null;
    _links: { subscriber: { href: string }; subscription: { href: string } };
  }

  /** Every page of `query`, two items at a time (paging crosses subscriptions). */
  async function pages(query: string): Promise<string[]> {
    const ids: string[] = [];
    let url: string | undefined = `/enterprise/usage/items?limit=2${query}`;
    while (url) {
      const res = await get(url);
      expect(res.statusCode, res.body).toBe(200);
      ids.push(...res.json()._embedded.items.map((i: Item) => i.id));
      url = res.json()._links.next?.href;
    }
    return ids;
  }

  it("answer as the whole list filtered: a reused number's two holders, a subscriber's two subscriptions, records by SIM", async () => {
    const s = await catalog(h.platform.db, acme.organizationId, { sims: 3, numbers: 2 });
    const first = await activate(s, 'filtered.first@acme.example');
    const number = first.phone_numbers[0].msisdn;
    const firstTimes = [await moment(), await moment(), await moment()];
    await change(s, first.subscription_id, 'terminate_subscription');
    await releaseQuarantinedNumbers(h.platform.db);
    const second = await activate(s, 'filtered.second@acme.example');
    expect(second.phone_numbers[0].msisdn).toBe(number);
    const other = await activate(s, 'filtered.second@acme.example'); // a second line of the second holder's subscriber
    const secondTimes = [await moment(), await moment(), await moment()];
    await ingest([
      ...firstTimes.map((at) => call(at, { msisdn: number })),
      call(firstTimes[1], { iccid: first.sim_profile.iccid }), // its number is taken from its holdings
      ...secondTimes.map((at) => call(at, { msisdn: number })),
      ...secondTimes.map((at) => ({ ...call(at, { msisdn: other.phone_numbers[0].msisdn }), type: 'sms', quantity: 1 })),
      { ...call(secondTimes[2], { msisdn: number }), direction: 'inbound', other_party: '447700900998' },
    ]);

    // The second line held the number once too, long ago, beside its own: its items are
    // candidates for the number, each checked.
    await h.platform.db.execute(sql`
      INSERT INTO holdings (organization_id, kind, identifier, subscription_id, held_from, held_until)
      VALUES (${acme.organizationId}, 'msisdn', ${number}, ${other.subscription_id}, now() - interval '30 days', now() - interval '29 days')`);
    const all: Item[] = (await get('/enterprise/usage/items?limit=100')).json()._embedded.items;
    const own = (i: Item) => String(i.direction === 'outbound' ? i.from_msisdn : i.to_msisdn);
    const subscriberOf = (i: Item) => i._links.subscriber.href.split('/').pop()!;
    const lines = new Set([first, second, other].map((o) => o.subscription_id));
    const subscribers = [...new Set(all.filter((i) => lines.has(i._links.subscription.href.split('/').pop()!)).map(subscriberOf))];
    expect(subscribers.length).toBeGreaterThanOrEqual(2); // the first holder's and the second's
    expect(all.filter((i) => own(i) === number)).toHaveLength(8); // both holders' calls, the call by SIM, the inbound one
    const cases: [string, (i: Item) => boolean][] = [
      [`&msisdn=${number}`, (i) => own(i) === number],
      [`&msisdn=${other.phone_numbers[0].msisdn}`, (i) => own(i) === other.phone_numbers[0].msisdn],
      [`&msisdn=${number}&type=voice&direction=outbound`, (i) => own(i) === number && i.type === 'voice' && i.direction === 'outbound'],
      ...subscribers.flatMap((id): [string, (i: Item) => boolean][] => [
        [`&subscriber-id=${id}`, (i) => subscriberOf(i) === id],
        [`&subscriber-id=${id}&msisdn=${number}`, (i) => subscriberOf(i) === id && own(i) === number],
        [`&subscriber-id=${id}&type=sms`, (i) => subscriberOf(i) === id && i.type === 'sms'],
      ]),
    ];
    for (const [query, keep] of cases) {
      const expected = all.filter(keep).map((i) => i.id);
      expect(await pages(query), query).toEqual(expected);
    }
    // A number the organization never held, and a subscriber it does not have, find nothing.
    expect(await pages('&msisdn=447000000000')).toEqual([]);
    expect(await pages('&subscriber-id=sbr_00000000000000000000000000')).toEqual([]);
  });
});
