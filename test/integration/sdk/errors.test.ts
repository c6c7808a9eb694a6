// One error class for every refusal: a CellhubError with the contract's type and
// messages, the HTTP status and the correlation id of the request, from both families.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCellhub, CellhubError } from '@cellhub/sdk';
import { startHarness, type Harness } from '../../support/harness.ts';
import { stockUp } from '../../support/fixtures.ts';
import { listening, recordingFetch, reseller } from '../../support/sdk.ts';

let h: Harness;
let baseUrl: string;
beforeAll(async () => {
  h = await startHarness({ WORKERS: 'off' });
  baseUrl = await listening(h);
});
afterAll(() => h.close());

const failure = (call: Promise<unknown>) =>
  call.then(
    () => expect.unreachable('the call succeeded'),
    (e: unknown) => e as CellhubError,
  );

describe('CellhubError', () => {
  it('carries NOT_FOUND, its message and the correlation id the SDK sent', async () => {
    const tenant = await h.tenant();
    const recorder = recordingFetch();
    const sdk = createCellhub({ baseUrl, fetch: recorder.fetch, credentials: { realm: 'enterprise-apis', clientId: tenant.clientId, clientSecret: tenant.secret } });
    const id = 'order_01J00000000000000000000000';
    const error = await failure(sdk.get('/enterprise/orders/{id}', { params: { path: { id } } }));
    expect(error).toBeInstanceOf(CellhubError);
    expect(error).toMatchObject({ name: 'CellhubError', status: 404, type: 'NOT_FOUND', messages: [`order ${id} not found`] });
    const sent = recorder.calls()[0].headers['x-correlation-id'];
    expect(sent).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.correlationId).toBe(sent);
    expect(error.message).toBe(`404 NOT_FOUND: order ${id} not found (correlation id ${sent})`);
  });

  it("carries INVALID_REQUEST_PARAMS naming the bad field, and the caller's own correlation id", async () => {
    const tenant = await h.tenant();
    const sdk = createCellhub({
      baseUrl,
      headers: { 'x-correlation-id': 'my-trace-42' },
      credentials: { realm: 'enterprise-apis', clientId: tenant.clientId, clientSecret: tenant.secret },
    });
    const error = await failure(sdk.post('/enterprise/sms', { body: { from: '+447700900000', to: ['not a number'], text: 'hello' } }));
    expect(error).toMatchObject({ status: 400, type: 'INVALID_REQUEST_PARAMS', correlationId: 'my-trace-42' });
    expect(error.messages).toEqual(['to[0]: must match ^(\\+\\d{1,15}|\\d{1,15})$']);
  });

  it("carries Connect's ACCESS_DENIED for another reseller's order", async () => {
    await stockUp(h.platform.db, { sims: 1, numbers: 0 });
    const [rival, shop] = [await reseller(h, 'Rival'), await reseller(h, 'Shop')];
    const sdkOf = (r: typeof shop) => createCellhub({ baseUrl, credentials: { realm: 'tru-staff', clientId: r.clientId, clientSecret: r.secret } });
    const { id } = await sdkOf(rival).post('/connect-api/v1/order', {
      body: {
        input: {
          operationType: 'NEW_ESIM',
          countryCode: 'PT',
          customer: { email: 'rival@example.com' },
          device: { id: 'd', type: 'android' },
          subscriptions: [{ product_id: rival.productId }],
        },
      },
    });
    const error = await failure(sdkOf(shop).get('/connect-api/v1/order/{id}', { params: { path: { id } } }));
    expect(error).toMatchObject({ status: 403, type: 'ACCESS_DENIED', messages: [`order ${id} belongs to another client`], correlationId: expect.any(String) });
  });

  it('is not thrown by the raw client, which answers the error body and response', async () => {
    const tenant = await h.tenant();
    const sdk = createCellhub({ baseUrl, credentials: { realm: 'enterprise-apis', clientId: tenant.clientId, clientSecret: tenant.secret } });
    const { data, error, response } = await sdk.raw.GET('/enterprise/accounts/{id}', { params: { path: { id: 'acc_01J00000000000000000000000' } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ type: 'NOT_FOUND' });
  });
});
