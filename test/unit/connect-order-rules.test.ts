// The rules a Connect order must meet, with the reads as stand-ins: no database.
import { describe, expect, it } from 'vitest';
import { checkConnectOrder, MAX_LIVE_SUBSCRIPTIONS, type ConnectOrderReads } from '../../src/domain/orders/connect-order-rules.ts';
import type { PlaceConnectOrder } from '../../src/domain/orders/connect-orders.service.ts';
import { DomainError } from '../../src/domain/errors.ts';

const ORG = 'org_mine';
const ICCID = '8944500102198304826';
const NOW = new Date('2026-12-01T12:00:00Z');

interface World {
  live?: number;
  sim?: { organizationId: string; customerId: string | null };
}

/** One product, p-1, priced in USD; one SIM, the organization's unless told otherwise. */
function reads(world: World = {}): ConnectOrderReads {
  return {
    products: async (organizationId, ids) => new Map(organizationId === ORG && ids.includes('p-1') ? [['p-1', { id: 'p-1', pricing: { USD: 10 } }]] : []),
    sim: async (iccid) => (iccid === ICCID ? (world.sim ?? { organizationId: ORG, customerId: null }) : undefined),
    liveSubscriptions: async () => world.live ?? 0,
  };
}

const subscriptions = (n: number, extra: Partial<PlaceConnectOrder['subscriptions'][number]> = {}) => Array.from({ length: n }, () => ({ productId: 'p-1', ...extra }));

const newEsim = (changes: Partial<PlaceConnectOrder> = {}): PlaceConnectOrder => ({
  operationType: 'NEW_ESIM',
  countryCode: 'PT',
  customer: { email: 'ada@example.com' },
  device: { id: 'd-1', type: 'ios' },
  subscriptions: subscriptions(1),
  ...changes,
});

const topUp = (n: number): PlaceConnectOrder => ({ operationType: 'TOPUP', countryCode: 'PT', iccid: ICCID, subscriptions: subscriptions(n) });

/** The refusal's kind and message, or 'accepted'. */
async function outcome(order: PlaceConnectOrder, world?: World, customer?: string | null): Promise<string> {
  try {
    await checkConnectOrder(reads(world), ORG, order, NOW, customer);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return `${error.kind}: ${error.message}`;
  }
}

describe("the 15-subscription cap on a TOPUP's SIM", () => {
  it('takes subscriptions up to the cap and refuses one more, naming the field', async () => {
    expect(MAX_LIVE_SUBSCRIPTIONS).toBe(15);
    expect(await outcome(topUp(5), { live: 10 })).toBe('accepted');
    expect(await outcome(topUp(6), { live: 10 })).toBe(`invalid: input.subscriptions: SIM ${ICCID} has 10 active subscriptions; at most 15`);
    expect(await outcome(topUp(1), { live: 15 })).toBe(`invalid: input.subscriptions: SIM ${ICCID} has 15 active subscriptions; at most 15`);
  });
});

describe('a TOPUP', () => {
  it("names a SIM that exists and is the organization's, and its customer's for an ACCOUNT_MANAGER", async () => {
    expect(await outcome({ ...topUp(1), iccid: undefined })).toBe('invalid: input.esim.iccid: is required for a TOPUP');
    expect(await outcome({ ...topUp(1), iccid: '8944500102198300000' })).toBe('invalid: input.esim.iccid: no SIM 8944500102198300000');
    expect(await outcome(topUp(1), { sim: { organizationId: 'org_other', customerId: null } })).toBe(`forbidden: SIM ${ICCID} belongs to another client`);
    expect(await outcome(topUp(1), { sim: { organizationId: ORG, customerId: 'cus_a' } }, 'cus_b')).toBe(`forbidden: SIM ${ICCID} belongs to another customer`);
    expect(await outcome(topUp(1), { sim: { organizationId: ORG, customerId: 'cus_a' } }, 'cus_a')).toBe('accepted');
  });
});

describe('a NEW_ESIM', () => {
  it('needs a customer and a device, and names no existing eSIM', async () => {
    expect(await outcome(newEsim())).toBe('accepted');
    expect(await outcome(newEsim({ customer: undefined }))).toBe('invalid: input.customer: is required for a NEW_ESIM');
    expect(await outcome(newEsim({ device: undefined }))).toBe('invalid: input.device: is required for a NEW_ESIM');
    expect(await outcome(newEsim({ iccid: ICCID }))).toBe('invalid: input.esim: only a TOPUP names an existing eSIM');
  });

  it('is refused to an ACCOUNT_MANAGER that has no customer yet', async () => {
    expect(await outcome(newEsim(), {}, null)).toMatch(/^conflict: this ACCOUNT_MANAGER client acts for no customer yet/);
  });
});

describe('the subscriptions ordered', () => {
  it('are of products in the catalogue, priced in a currency the product has, price and currency together', async () => {
    expect(await outcome(newEsim({ subscriptions: [{ productId: 'p-1' }, { productId: 'p-2' }] }))).toBe(
      'invalid: input.subscriptions[1].product_id: no product p-2 in this catalogue',
    );
    expect(await outcome(newEsim({ subscriptions: subscriptions(1, { price: 10, currency: 'USD' }) }))).toBe('accepted');
    expect(await outcome(newEsim({ subscriptions: subscriptions(1, { price: 10 }) }))).toBe('invalid: input.subscriptions[0].currency: price and currency go together');
    expect(await outcome(newEsim({ subscriptions: subscriptions(1, { currency: 'USD' }) }))).toBe('invalid: input.subscriptions[0].price: price and currency go together');
    expect(await outcome(newEsim({ subscriptions: subscriptions(1, { price: 10, currency: 'EUR' }) }))).toBe(
      'invalid: input.subscriptions[0].currency: product p-1 has no price in EUR',
    );
  });

  it("start now or later: an activation date in the past is refused, one within a minute's clock skew is not", async () => {
    const at = (ms: number) => subscriptions(1, { activationDate: new Date(NOW.getTime() + ms).toISOString() });
    expect(await outcome(newEsim({ subscriptions: at(3_600_000) }))).toBe('accepted');
    expect(await outcome(newEsim({ subscriptions: at(-30_000) }))).toBe('accepted');
    expect(await outcome(newEsim({ subscriptions: at(-120_000) }))).toBe('invalid: input.subscriptions[0].activationDate: is in the past');
  });
});
