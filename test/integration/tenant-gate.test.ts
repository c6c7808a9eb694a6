// One organization's burst waits in its own line, and past that line is refused, while
// another organization's requests go straight through.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { TenantGate } from '../../src/http/tenant-gate.ts';
import { FairTurns } from '../../src/db/turns.ts';
import { paginate } from '../../src/http/cursor.ts';
import { ApiError } from '../../src/http/errors.ts';
import { startHarness } from '../support/harness.ts';
import { catalog, subscriptionsFor } from '../support/fixtures.ts';
import { listSubscriptions } from '../../src/domain/subscriptions/subscriptions.service.ts';

describe('the tenant gate', () => {
  it('lets an organization run so many at once, queues a few more, and refuses the rest with Retry-After', async () => {
    const gate = new TenantGate(2, 1);
    const first = await gate.enter('noisy');
    const second = await gate.enter('noisy');
    let thirdIn = false;
    const third = gate.enter('noisy').then((leave) => ((thirdIn = true), leave));
    const refused = await gate.enter('noisy').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 429, headers: { 'retry-after': '1' } });
    // Another organization is not held up by any of it.
    const quiet = await gate.enter('quiet');
    quiet();
    expect(thirdIn).toBe(false);
    first();
    const leaveThird = await third;
    expect(thirdIn).toBe(true);
    second();
    leaveThird();
    // All slots came back: two run at once again.
    (await gate.enter('noisy'))();
  });

  it('lets fewer expensive requests run at once', async () => {
    const gate = new TenantGate(4, 10, 1);
    const first = await gate.enter('noisy', true);
    let secondIn = false;
    const second = gate.enter('noisy', true).then((leave) => ((secondIn = true), leave));
    // Cheap requests of the same organization still get through.
    (await gate.enter('noisy'))();
    await Promise.resolve();
    expect(secondIn).toBe(false);
    first();
    (await second)();
    expect(secondIn).toBe(true);
  });

  it('gives turns first to the organization that used the least time', async () => {
    const turns = new FairTurns();
    turns.charge('noisy', 50);
    const order: string[] = [];
    await Promise.all([turns.take('noisy').then(() => order.push('noisy')), turns.take('quiet').then(() => order.push('quiet'))]);
    expect(order).toEqual(['quiet', 'noisy']);
  });

  it("paces an organization's expensive requests to half of the time while another is active, not when it is alone", async () => {
    let now = 0;
    const slept: number[] = [];
    const gate = new TenantGate(4, 10, 1, 0.5, { now: () => now, sleep: async (ms) => void slept.push(ms) });
    const first = await gate.enter('noisy', true);
    now += 30;
    first();
    const second = await gate.enter('noisy', true); // alone: no wait
    expect(slept).toEqual([]);
    now += 30;
    second();
    (await gate.enter('quiet'))();
    (await gate.enter('noisy', true))(); // the quiet one is active: wait as long as the last took
    expect(slept).toEqual([30]);
  });

  it('reads a page in slices that make the same page as one statement', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => ({ id: `id${String(100 - i).padStart(3, '0')}` }));
    const fetch = async (after: string | undefined, rows: number) => ids.filter((r) => !after || r.id < after).slice(0, rows);
    const whole = await paginate({ limit: 12 }, {}, fetch);
    const sliced = await paginate({ limit: 12 }, {}, fetch, { rowsPerStatement: 5 });
    expect(sliced).toEqual(whole);
    const next = await paginate({ limit: 12, cursor: whole.next }, {}, fetch, { rowsPerStatement: 5 });
    expect(next.items.map((r) => r.id)).toEqual(ids.slice(12, 24).map((r) => r.id));
  });

  it('reads a page in slices on the embedded database, and in one statement on PostgreSQL', async () => {
    const h = await startHarness({ WORKERS: 'off' });
    try {
      const tenant = await h.tenant();
      await subscriptionsFor(h.platform.db, tenant.organizationId, await catalog(h.platform.db, tenant.organizationId), 25);
      // The page as the route reads it (platform.expensivePages), counting its statements.
      let statements = 0;
      const fetch = async (after: string | undefined, rows: number) => {
        statements++;
        return (await listSubscriptions(h.platform.db, tenant.organizationId, { after, rows })).map((v) => ({ id: v.subscription.id }));
      };
      const page = await paginate({ limit: 24 }, {}, fetch, h.platform.expensivePages);
      expect(statements).toBe(h.platform.database.kind === 'postgres' ? 1 : 2); // 25 rows: two slices of 20 on the embedded database
      const served = await h.app.inject({ url: '/enterprise/subscriptions?limit=24', headers: tenant.auth });
      expect(served.json()._embedded.subscriptions.map((s: { id: string }) => s.id)).toEqual(page.items.map((r) => r.id));
      expect(new Set(page.items.map((r) => r.id)).size).toBe(24);
    } finally {
      await h.close();
    }
  });

  it('lets the event loop turn before each statement, on either database', async () => {
    // A page of many statements must not hold the loop from its first to its last.
    const h = await startHarness({ WORKERS: 'off' });
    try {
      await h.platform.db.execute(sql`SELECT 1`);
      let loopTurned = false;
      setImmediate(() => (loopTurned = true));
      await h.platform.db.execute(sql`SELECT 1`);
      expect(loopTurned).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('gives every slot back, however requests end', async () => {
    const h = await startHarness({ WORKERS: 'off', TENANT_CONCURRENCY: '1', TENANT_QUEUE: '0' });
    try {
      const t = await h.tenant();
      for (const url of [
        '/enterprise/accounts',
        '/enterprise/accounts/acc_01HTQ8VBN4DEJP5S8BPV4657VG',
        '/enterprise/accounts?limit=abc',
        '/enterprise/subscriptions',
        '/enterprise/subscriptions?limit=abc',
        '/enterprise/accounts',
      ]) {
        for (let i = 0; i < 5; i++) expect((await h.app.inject({ url, headers: t.auth })).statusCode, url).not.toBe(429);
      }
    } finally {
      await h.close();
    }
  });
});
