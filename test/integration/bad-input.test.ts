// Bad input of every kind gets an answer in the error model naming the field: never a
// 500, never a framework's own body, never the whole input echoed back.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchToken, OPERATOR_TOKEN, startHarness, type Harness, type Tenant } from '../support/harness.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { redactError } from '../../src/http/log-redaction.ts';

let h: Harness;
let t: Tenant;
let reseller: { authorization: string };
const op = { authorization: `Bearer ${OPERATOR_TOKEN}` };
const TOKEN_URL = '/auth/realms/enterprise-apis/protocol/openid-connect/token';

beforeAll(async () => {
  h = await startHarness({ WORKERS: 'off' });
  t = await h.tenant();
  const { client, secret } = await createClient(h.platform.db, t.organizationId, { name: 'shop', family: 'connect', role: 'RESELLER' });
  reseller = { authorization: `Bearer ${await fetchToken(h.app, 'tru-staff', client.clientId, secret)}` };
});
afterAll(() => h.close());

const inModel = (body: string) => {
  const parsed = JSON.parse(body);
  expect(Object.keys(parsed).sort()).toEqual(['messages', 'type']);
  return parsed as { type: string; messages: string[] };
};

describe('NUL characters', () => {
  it('are refused with 400 naming the field, in bodies, paths, queries and forms', async () => {
    const cases = [
      {
        name: 'sms text',
        request: { method: 'POST' as const, url: '/enterprise/sms', headers: t.auth, payload: { from: '+447700900000', to: ['+447700900001'], text: 'fire\u0000drill' } },
        field: 'text',
      },
      {
        name: 'subscriber name',
        request: {
          method: 'POST' as const,
          url: '/enterprise/orders',
          headers: t.auth,
          payload: { type: 'activate_subscription', subscriber: { first_name: 'A\u0000', last_name: 'B' } },
        },
        field: 'subscriber.first_name',
      },
      { name: 'path', request: { url: '/connect-api/v1/sim/%00', headers: reseller }, field: 'iccid' },
      { name: 'query', request: { url: '/enterprise/accounts?cursor=%00', headers: t.auth }, field: 'cursor' },
      {
        name: 'token form',
        request: {
          method: 'POST' as const,
          url: TOKEN_URL,
          payload: 'grant_type=client_credentials&client_id=%00&client_secret=x',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        field: 'client_id',
      },
    ];
    for (const { name, request, field } of cases) {
      const res = await h.app.inject(request);
      expect(res.statusCode, name).toBe(400);
      expect(inModel(res.body).messages, name).toEqual([`${field}: must not contain NUL characters`]);
    }
  });
});

describe('dates far outside any real range', () => {
  it('are refused naming the parameter', async () => {
    for (const url of [
      '/v1/order?start_date=275760-09-13',
      '/v1/order?end_date=-271821-04-20',
      '/v1/subscriptions?after=275760-09-13T00:00:00Z',
      '/v1/subscriptions?before=0001-01-01',
    ]) {
      const res = await h.app.inject({ url: `/connect-api${url}`, headers: reseller });
      expect(res.statusCode, url).toBe(400);
      const param = /\?(\w+)=/.exec(url)![1];
      expect(inModel(res.body).messages[0], url).toMatch(new RegExp(`^${param}: must (lie between the years 1970 and 9999|be a date \\(YYYY-MM-DD\\) or a date-time)$`));
    }
  });
});

describe('a name already in use', () => {
  it('is a 409 CONFLICT naming the field', async () => {
    const url = `/operator/organizations/${t.organizationId}/accounts`;
    const first = await h.app.inject({ method: 'POST', url, headers: op, payload: { name: 'North', country: 'GB', reference_code: 'REF-1' } });
    expect(first.statusCode).toBe(201);
    const second = await h.app.inject({ method: 'POST', url, headers: op, payload: { name: 'South', country: 'GB', reference_code: 'REF-1' } });
    expect(second.statusCode).toBe(409);
    expect(inModel(second.body)).toEqual({ type: 'CONFLICT', messages: ['reference_code: is already in use'] });
  });
});

describe('what the framework refuses', () => {
  it('answers bad percent-encoding and over-long path parameters in the model, echoing little', async () => {
    const bad = await h.app.inject({ url: '/enterprise/accounts/%FF%FE', headers: t.auth });
    expect(bad.statusCode).toBe(400);
    expect(inModel(bad.body).type).toBe('INVALID_HTTP_MESSAGE');
    const long = 'A'.repeat(5000);
    const tooLong = await h.app.inject({ url: `/enterprise/accounts/${long}`, headers: t.auth });
    expect(tooLong.statusCode).toBe(414);
    expect(inModel(tooLong.body).type).toBe('INVALID_HTTP_MESSAGE');
    expect(tooLong.body).not.toContain('A'.repeat(100));
    const unknown = await h.app.inject({ url: `/nowhere/${'B'.repeat(90)}${'C'.repeat(5000)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body.length).toBeLessThan(300);
  });

  it('limits bodies per operation, with 413 in the model', async () => {
    const big = { type: 'activate_subscription', padding: 'x'.repeat(300 * 1024) };
    const res = await h.app.inject({ method: 'POST', url: '/enterprise/orders', headers: t.auth, payload: big });
    expect(res.statusCode).toBe(413);
    expect(inModel(res.body).type).toBe('INVALID_HTTP_MESSAGE');
    // A bulk import takes far more.
    const iccids = Array.from({ length: 30_000 }, (_, i) => `89440000000000${String(i).padStart(5, '0')}`);
    const bulk = await h.app.inject({ method: 'POST', url: '/operator/sims', headers: op, payload: { sim_type: 'esim', iccids } });
    expect(bulk.statusCode).not.toBe(413);
  });

  it('answers oversized headers and broken framing on the socket, in the model', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const raw = (request: string) =>
      new Promise<string>((resolve) => {
        let answer = '';
        const socket = connect(port, '127.0.0.1', () => socket.write(request));
        socket.on('data', (d: Buffer) => (answer += d.toString()));
        socket.on('close', () => resolve(answer));
        socket.on('error', () => {});
      });
    const oversized = await raw(`GET /enterprise/accounts HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`);
    expect(oversized).toMatch(/^HTTP\/1\.1 431 /);
    expect(inModel(oversized.split('\r\n\r\n')[1]).messages).toEqual(['headers: are larger than 16 KB']);
    const garbled = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(garbled).toMatch(/^HTTP\/1\.1 400 /);
    expect(inModel(garbled.split('\r\n\r\n')[1]).type).toBe('INVALID_HTTP_MESSAGE');
  });
});

describe('error logs', () => {
  it('keep the statement and the code of a failed query, not its parameters', async () => {
    const error = await h.platform.db.execute(sql`SELECT ${'Evacuate building B'}::int AS n`).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const logged = JSON.stringify(redactError(error!));
    expect(logged).not.toContain('Evacuate building B');
    expect(logged).toContain('::int');
    expect(logged).toContain('22P02');
    expect(logged).toContain('invalid input syntax for type integer');
  });
});
