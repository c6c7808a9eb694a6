import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_TOKEN, startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { catalog, stockUp, subscriptionsFor } from '../support/fixtures.ts';
import { releaseQuarantinedNumbers } from '../../src/domain/inventory/numbers.store.ts';
import { terminateSubscription } from '../../src/domain/subscriptions/provisioning.ts';
import { decodeQrPng } from '../support/qr.ts';
import { until } from '../support/wait.ts';

let h: Harness;
let t: Tenant;
const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };

beforeAll(async () => {
  h = await startHarness();
  t = await h.tenant();
});
afterAll(() => h.close());

function settled(harness: Harness, tenant: Tenant, id: string) {
  return until(`order ${id} is still pending`, async () => {
    const order = (await harness.app.inject({ url: `/enterprise/orders/${id}`, headers: tenant.auth })).json();
    return order.status !== 'pending' && order;
  });
}

const activation = (s: Awaited<ReturnType<typeof catalog>>, email: string, delivery: object = { type: 'api' }) => ({
  type: 'activate_subscription',
  account_id: s.account.id,
  template_id: s.template.id,
  subscriber: { first_name: 'Mo', last_name: 'Ops', email },
  sim_profile: { sim_type: 'esim', delivery },
});

describe('failed orders', () => {
  it('are listed for the operator and can be retried once the cause is fixed', async () => {
    const own = await startHarness();
    try {
      const tenant = await own.tenant();
      const s = await catalog(own.platform.db, tenant.organizationId, { sims: 0, numbers: 3 });
      const placed = (await own.app.inject({ method: 'POST', url: '/enterprise/orders', payload: activation(s, 'retry@x.example'), headers: tenant.auth })).json();
      expect((await settled(own, tenant, placed.id)).status).toBe('failed');
      const failed = (await own.app.inject({ url: '/operator/orders?status=failed', headers: op })).json();
      expect(failed.items.map((o: { id: string }) => o.id)).toEqual([placed.id]);
      expect(failed.items[0].failure_reason).toBe('no esim left in SIM inventory');
      const notFailed = await own.app.inject({ method: 'POST', url: `/operator/orders/order_01HTQ8VBN4DEJP5S8BPV4657VG/retry`, headers: op });
      expect(notFailed.statusCode).toBe(404);

      await stockUp(own.platform.db, { sims: 1, numbers: 0 });
      const retried = await own.app.inject({ method: 'POST', url: `/operator/orders/${placed.id}/retry`, headers: op });
      expect(retried.statusCode).toBe(202);
      expect((await settled(own, tenant, placed.id)).status).toBe('completed');
      const again = await own.app.inject({ method: 'POST', url: `/operator/orders/${placed.id}/retry`, headers: op });
      expect(again.statusCode).toBe(409);
    } finally {
      await own.close();
    }
  });
});

describe('the outbox', () => {
  it('keeps eSIM mail when no SMTP server is configured, for the operator to read', async () => {
    const s = await catalog(h.platform.db, t.organizationId, { sims: 3 });
    const order = await settled(
      h,
      t,
      (
        await h.app.inject({
          method: 'POST',
          url: '/enterprise/orders',
          headers: t.auth,
          payload: activation(s, 'outbox@x.example', { type: 'email', to: ['outbox@x.example'] }),
        })
      ).json().id,
    );
    const mail = await until('no mail in the outbox', async () =>
      (await h.app.inject({ url: '/operator/mail?state=outbox', headers: op })).json().items.find((m: { order_id: string }) => m.order_id === order.id),
    );
    expect(mail).toMatchObject({ state: 'outbox', to: ['outbox@x.example'], subject: 'Your eSIM is ready to install' });
    const full = (await h.app.inject({ url: `/operator/mail/${mail.id}`, headers: op })).json();
    const profile = (await h.app.inject({ url: `/enterprise/subscriptions/${order.subscription_id}/sim-profile`, headers: t.auth })).json();
    expect(full.text).toContain(profile.activation_code);
    expect(decodeQrPng(Buffer.from(full.attachments[0].base64, 'base64'))).toBe(profile.activation_code);
    expect((await settled(h, t, order.id)).sim_profile.delivery.status).toBe('outbox');
  });
});

describe('profile events', () => {
  it('can be simulated by the operator, and refuse impossible moves', async () => {
    const s = await catalog(h.platform.db, t.organizationId, { sims: 2 });
    const order = await settled(h, t, (await h.app.inject({ method: 'POST', url: '/enterprise/orders', payload: activation(s, 'ev@x.example'), headers: t.auth })).json().id);
    const iccid = order.sim_profile.iccid;
    const event = (e: string) => h.app.inject({ method: 'POST', url: `/operator/sims/${iccid}/events`, payload: { event: e }, headers: op });
    expect((await event('deleted')).statusCode).toBe(409);
    expect((await event('exploded')).json().messages[0]).toBe('event: must be one of downloaded, installed, deleted');
    expect((await event('installed')).json()).toEqual({ iccid, state: 'installed' });
    expect((await h.app.inject({ method: 'POST', url: '/operator/sims/8944000000000000000/events', payload: { event: 'installed' }, headers: op })).statusCode).toBe(404);
  });

  it('are reported by the simulator on its own after release, over the real ES2+ callback', async () => {
    const own = await startHarness({ SMDP_SIMULATOR_ADVANCE_MS: '100', PUBLIC_URL: 'http://127.0.0.1:1' });
    try {
      await own.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (own.app.server.address() as AddressInfo).port;
      own.platform.smdpSimulator!.setCallback({ url: `http://127.0.0.1:${port}/es2plus`, token: own.platform.smdpCallbackToken });
      const tenant = await own.tenant();
      const s = await catalog(own.platform.db, tenant.organizationId, { sims: 1 });
      const order = await settled(
        own,
        tenant,
        (await own.app.inject({ method: 'POST', url: '/enterprise/orders', payload: activation(s, 'auto@x.example'), headers: tenant.auth })).json().id,
      );
      await until(
        'the profile is not installed',
        async () => (await own.app.inject({ url: `/enterprise/subscriptions/${order.subscription_id}/sim-profile`, headers: tenant.auth })).json().status === 'installed',
      );
    } finally {
      await own.close();
    }
  });
});

describe('number quarantine', () => {
  it("returns a terminated subscription's numbers to the pool once quarantine ends", async () => {
    const s = await catalog(h.platform.db, t.organizationId, { sims: 1, numbers: 1 });
    const [sub] = await subscriptionsFor(h.platform.db, t.organizationId, s, 1);
    await h.platform.db.transaction((tx) => terminateSubscription(tx, t.organizationId, sub.subscription.id, new Date(), 30));
    const pool = () => h.app.inject({ url: '/operator/number-pools', headers: op }).then((r) => r.json().find((p: { id: string }) => p.id === s.pool.id).numbers);
    expect(await pool()).toMatchObject({ available: 0, quarantined: 1 });
    expect(await releaseQuarantinedNumbers(h.platform.db, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await releaseQuarantinedNumbers(h.platform.db, new Date(Date.now() + 31 * 86_400_000))).toBe(1);
    expect(await pool()).toMatchObject({ available: 1, quarantined: 0 });
  });
});
