// What makes two requests "the same request" for an Idempotency-Key (http/idempotency.ts):
// the method, the route and the body, whatever the order of the body's keys.
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../src/http/idempotency.ts';

const request = (body: unknown, method = 'POST', route = '/enterprise/orders') =>
  ({ method, url: `${route}?ignored=1`, routeOptions: { url: route }, body }) as unknown as FastifyRequest;

describe('the request hash of an idempotency key', () => {
  it('is the same for the same body with its keys in another order, at any depth', () => {
    const a = { type: 'suspend_subscription', account_id: 'acc_1', subscriber: { first_name: 'A', last_name: 'B' } };
    const b = { subscriber: { last_name: 'B', first_name: 'A' }, account_id: 'acc_1', type: 'suspend_subscription' };
    expect(hashOf(request(a))).toBe(hashOf(request(b)));
  });

  it('differs for another value, another route or another method', () => {
    const body = { type: 'suspend_subscription', reason: 'temporary' };
    const base = hashOf(request(body));
    expect(hashOf(request({ ...body, reason: 'fraud' }))).not.toBe(base);
    expect(hashOf(request({ ...body, extra: null }))).not.toBe(base);
    expect(hashOf(request(body, 'POST', '/connect-api/v1/order'))).not.toBe(base);
    expect(hashOf(request(body, 'PUT'))).not.toBe(base);
  });

  it('keeps the order of arrays, which is meaning', () => {
    expect(hashOf(request({ to: ['a', 'b'] }))).not.toBe(hashOf(request({ to: ['b', 'a'] })));
  });

  it('reads no body as null, and is URL-safe', () => {
    expect(hashOf(request(undefined))).toBe(hashOf(request(null)));
    expect(hashOf(request(undefined))).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
