// The rules an Enterprise order is checked against before anything is stored
// (domain/orders/order-rules.ts), with the reads as stand-ins: no database.
import { describe, expect, it } from 'vitest';
import { ALLOWED_FROM, ORDER_TYPES, type PlaceOrder } from '../../src/domain/orders/order-types.ts';
import { checkDelivery, checkOrder, type OrderReads } from '../../src/domain/orders/order-rules.ts';
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

describe('an order against what the organization holds', () => {
  const ORG = 'org_mine';
  const subscriptions: Record<string, { id: string; accountId: string; status: string }> = {
    sub_active: { id: 'sub_active', accountId: 'acc_1', status: 'active' },
    sub_ended: { id: 'sub_ended', accountId: 'acc_1', status: 'terminated' },
    sub_other_account: { id: 'sub_other_account', accountId: 'acc_2', status: 'active' },
  };
  const reads: OrderReads = {
    template: async (organizationId, id) => {
      if (organizationId !== ORG) return undefined;
      if (id === 'tpl_activate') return { id, type: 'activate_subscription', numberPoolId: 'pool_1' };
      if (id === 'tpl_no_pool') return { id, type: 'activate_subscription', numberPoolId: null };
      if (id === 'tpl_suspend') return { id, type: 'suspend_subscription', numberPoolId: null };
      return undefined;
    },
    accountExists: async (organizationId, id) => organizationId === ORG && ['acc_1', 'acc_2'].includes(id),
    subscription: async (organizationId, id) => (organizationId === ORG ? subscriptions[id] : undefined),
  };
  const activation = (changes: Partial<PlaceOrder> = {}): PlaceOrder => ({
    type: 'activate_subscription',
    accountId: 'acc_1',
    templateId: 'tpl_activate',
    subscriber: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    simProfile: { simType: 'esim', delivery: { type: 'api' } },
    ...changes,
  });
  const refusal = async (order: PlaceOrder, organizationId = ORG) => {
    const error = await checkOrder(reads, organizationId, order).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (error === undefined) return undefined;
    expect(error).toBeInstanceOf(DomainError);
    return `${(error as DomainError).kind}: ${(error as DomainError).message}`;
  };

  it('accepts an activation from an activation template with a number pool', async () => {
    expect(await refusal(activation())).toBeUndefined();
  });

  it('an activation needs a template of its own type, with a number pool, in this organization', async () => {
    expect(await refusal(activation({ templateId: undefined }))).toBe('invalid: template_id: is required for activate_subscription');
    expect(await refusal(activation({ subscriber: undefined }))).toBe('invalid: subscriber: is required for activate_subscription');
    expect(await refusal(activation({ simProfile: undefined }))).toBe('invalid: sim_profile: is required for activate_subscription');
    expect(await refusal(activation({ templateId: 'tpl_nowhere' }))).toBe('invalid: template_id: no order template tpl_nowhere in this organization');
    expect(await refusal(activation(), 'org_other')).toBe('invalid: template_id: no order template tpl_activate in this organization');
    expect(await refusal(activation({ templateId: 'tpl_suspend' }))).toBe('invalid: template_id: is a suspend_subscription template, not activate_subscription');
    expect(await refusal(activation({ templateId: 'tpl_no_pool' }))).toBe('invalid: template_id: template tpl_no_pool names no number pool');
    expect(await refusal(activation({ simProfile: { simType: 'esim' } }))).toBe('invalid: sim_profile.delivery: is required for an eSIM');
  });

  it('a change needs a known account, its subscription in that account, and a status it may start from', async () => {
    const suspend = (changes: Partial<PlaceOrder> = {}): PlaceOrder => ({
      type: 'suspend_subscription',
      accountId: 'acc_1',
      subscriptionId: 'sub_active',
      reason: 'temporary',
      ...changes,
    });
    expect(await refusal(suspend())).toBeUndefined();
    expect(await refusal(suspend({ accountId: 'acc_9' }))).toBe('invalid: account_id: no account acc_9 in this organization');
    expect(await refusal(suspend({ subscriptionId: undefined }))).toBe('invalid: subscription_id: is required for suspend_subscription');
    expect(await refusal(suspend({ reason: undefined }))).toBe('invalid: reason: is required for suspend_subscription');
    expect(await refusal(suspend({ subscriptionId: 'sub_nowhere' }))).toBe('invalid: subscription_id: no subscription sub_nowhere in this organization');
    expect(await refusal(suspend({ subscriptionId: 'sub_other_account' }))).toBe('invalid: subscription_id: belongs to account acc_2, not acc_1');
    expect(await refusal(suspend({ subscriptionId: 'sub_ended' }))).toBe('conflict: subscription sub_ended is terminated; suspend_subscription needs it active');
    expect(await refusal({ type: 'change_sim_profile', accountId: 'acc_1', subscriptionId: 'sub_active' })).toBe('invalid: sim_profile: is required for change_sim_profile');
    expect(await refusal(suspend(), 'org_other')).toBe('invalid: account_id: no account acc_1 in this organization');
  });
});
