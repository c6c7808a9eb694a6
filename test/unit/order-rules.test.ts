// The rules an Enterprise order is checked against before anything is stored
// (domain/orders): which subscription statuses each change may start from, and what a
// SIM profile's delivery needs.
import { describe, expect, it } from 'vitest';
import { ALLOWED_FROM, ORDER_TYPES, type PlaceOrder } from '../../src/domain/orders/order-types.ts';
import { checkDelivery } from '../../src/domain/orders/orders.service.ts';
import { DomainError } from '../../src/domain/errors.ts';

const STATUSES = ['active', 'suspended', 'terminated'];

describe('allowed subscription status changes', () => {
  it('each change starts from these statuses, and a terminated subscription takes none', () => {
    const allowed = Object.fromEntries(ORDER_TYPES.filter((t) => t !== 'activate_subscription').map((t) => [t, STATUSES.filter((s) => ALLOWED_FROM[t].includes(s))]));
    expect(allowed).toEqual({
      suspend_subscription: ['active'],
      resume_subscription: ['suspended'],
      change_sim_profile: ['active', 'suspended'],
      terminate_subscription: ['active', 'suspended'],
    });
  });

  it('an activation changes no existing subscription', () => {
    expect(ALLOWED_FROM.activate_subscription).toBeUndefined();
  });
});

describe('delivery of a SIM profile', () => {
  const order = (simProfile?: PlaceOrder['simProfile']): PlaceOrder => ({ type: 'change_sim_profile', accountId: 'acc_1', subscriptionId: 'sub_1', simProfile });
  const refusal = (request: PlaceOrder) => {
    try {
      checkDelivery(request);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).kind).toBe('invalid');
      return (error as DomainError).message;
    }
    return undefined;
  };

  it('an eSIM needs a delivery; a physical SIM does not', () => {
    expect(refusal(order({ simType: 'esim' }))).toBe('sim_profile.delivery: is required for an eSIM');
    expect(refusal(order({ simType: 'psim' }))).toBeUndefined();
    expect(refusal(order())).toBeUndefined();
  });

  it('an email delivery needs an address; an API delivery does not', () => {
    const needsAddress = 'sim_profile.delivery.to: at least one address is required for email delivery';
    expect(refusal(order({ simType: 'esim', delivery: { type: 'email' } }))).toBe(needsAddress);
    expect(refusal(order({ simType: 'esim', delivery: { type: 'email', to: [] } }))).toBe(needsAddress);
    expect(refusal(order({ simType: 'esim', delivery: { type: 'email', to: ['it@example.com'] } }))).toBeUndefined();
    expect(refusal(order({ simType: 'esim', delivery: { type: 'api' } }))).toBeUndefined();
  });
});
