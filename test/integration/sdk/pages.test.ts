// Walking every page of a list through the SDK against a real server: Enterprise HAL
// lists by their `next` cursor links (filters and Prefer kept on every page), and
// Connect lists by their X-Next-Page header, which names the server's PUBLIC_URL rather
// than the address the SDK was given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCellhub } from '@cellhub/sdk';
import { startHarness, type Harness } from '../../support/harness.ts';
import { catalog, stockUp, subscriptionsFor } from '../../support/fixtures.ts';
import { listening, recordingFetch, reseller } from '../../support/sdk.ts';

let h: Harness;
let baseUrl: string;
beforeAll(async () => {
  h = await startHarness({ WORKERS: 'off' });
  baseUrl = await listening(h);
});
afterAll(() => h.close());

describe('Enterprise HAL cursors', () => {
  it('yields every item of every page, with the filter and Prefer header on each page', async () => {
    const tenant = await h.tenant();
    const setup = await catalog(h.platform.db, tenant.organizationId, { sims: 10 });
    const active = await subscriptionsFor(h.platform.db, tenant.organizationId, setup, 5);
    await subscriptionsFor(h.platform.db, tenant.organizationId, setup, 2, 'suspended');
    const recorder = recordingFetch();
    const sdk = createCellhub({ baseUrl, fetch: recorder.fetch, credentials: { realm: 'enterprise-apis', clientId: tenant.clientId, clientSecret: tenant.secret } });
    const init = { params: { query: { status: 'active' as const, limit: 2 }, header: { prefer: 'transclude="subscriber"' } } };

    const pages = [];
    for await (const page of sdk.pages('/enterprise/subscriptions', init)) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(recorder.calls().map((c) => new URL(c.url).searchParams.has('cursor'))).toEqual([false, true, true]);
    expect(recorder.calls().every((c) => c.headers.prefer === 'transclude="subscriber"')).toBe(true);

    const items = [];
    for await (const subscription of sdk.items('/enterprise/subscriptions', init)) items.push(subscription);
    expect(items.map((s) => s.id).sort()).toEqual(active.map((a) => a.subscription.id).sort());
    expect(items.every((s) => s.status === 'active' && s._embedded?.subscriber?.first_name === 'Ada')).toBe(true);
  });

  it('ends after one page when there is no next link', async () => {
    const tenant = await h.tenant();
    const sdk = createCellhub({ baseUrl, credentials: { realm: 'enterprise-apis', clientId: tenant.clientId, clientSecret: tenant.secret } });
    const pages = [];
    for await (const page of sdk.pages('/enterprise/accounts')) pages.push(page);
    expect(pages.map((p) => p.items)).toEqual([[]]);
  });
});

describe('Connect page headers', () => {
  it('follows X-Next-Page to the last page, on the address the SDK was given', async () => {
    await stockUp(h.platform.db, { sims: 6, numbers: 0 });
    const shop = await reseller(h);
    const recorder = recordingFetch();
    const sdk = createCellhub({ baseUrl, fetch: recorder.fetch, credentials: { realm: 'tru-staff', clientId: shop.clientId, clientSecret: shop.secret } });
    const placed = [];
    for (let i = 0; i < 5; i++) {
      placed.push(
        await sdk.post('/connect-api/v1/order', {
          body: {
            input: {
              operationType: 'NEW_ESIM',
              countryCode: 'PT',
              customer: { email: `traveller${i}@example.com` },
              device: { id: `phone-${i}`, type: 'ios' },
              subscriptions: [{ product_id: shop.productId }],
            },
          },
        }),
      );
    }

    const pages = [];
    for await (const page of sdk.pages('/connect-api/v1/order', { params: { query: { page_size: 2 } } })) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    // The server names its next pages by PUBLIC_URL (http://cellhub.test); the SDK reads them here.
    expect(pages[0].response.headers.get('x-next-page')).toBe('http://cellhub.test/connect-api/v1/order?page_size=2&page=2');
    const listed = recorder
      .calls()
      .filter((c) => c.method === 'GET')
      .map((c) => c.url);
    expect(listed).toEqual([
      `${baseUrl}/connect-api/v1/order?page_size=2`,
      `${baseUrl}/connect-api/v1/order?page_size=2&page=2`,
      `${baseUrl}/connect-api/v1/order?page_size=2&page=3`,
    ]);

    const ids = [];
    for await (const order of sdk.items('/connect-api/v1/order', { params: { query: { page_size: 2 } } })) ids.push(order.id);
    expect(ids.sort()).toEqual(placed.map((o) => o.id).sort());
  });
});
