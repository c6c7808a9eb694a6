// The Connect family's order body: its schema (the provider's shape, `product_id` and
// all) and the one mapping from it to the command the domain takes, where the provider's
// deprecated TOPUP_ACTIVATION becomes TOPUP. The domain never sees the body.
import { Type, type Static } from 'typebox';
import type { PlaceConnectOrder } from '../../domain/orders/connect-orders.service.ts';

const Currency = Type.String({ pattern: '^[A-Z]{3}$' });

export const OrderBody = Type.Object(
  {
    input: Type.Object({
      operationType: Type.Enum(['NEW_ESIM', 'TOPUP', 'TOPUP_ACTIVATION'], { description: 'TOPUP_ACTIVATION: the deprecated name of TOPUP, ordered as TOPUP' }),
      countryCode: Type.Optional(
        Type.String({
          pattern: '^[A-Z]{2}$',
          description:
            'ISO 3166-1 alpha-2: where the order is placed. Required for a NEW_ESIM; for a TOPUP only if the operator configured the reseller to require it (orders.md: "configurable")',
        }),
      ),
      customer: Type.Optional(Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) }, { additionalProperties: true })),
      device: Type.Optional(
        Type.Object({
          id: Type.String({ minLength: 1, maxLength: 128 }),
          type: Type.Optional(Type.Enum(['ios', 'android', 'iot'], { description: 'Required for a NEW_ESIM; optional for a TOPUP (orders.md)' })),
          model: Type.Optional(Type.String({ maxLength: 128 })),
          eid: Type.Optional(Type.String({ pattern: '^[0-9]{32}$' })),
          make: Type.Optional(Type.String({ maxLength: 128 })),
        }),
      ),
      subscriptions: Type.Array(
        Type.Object({
          product_id: Type.String({ minLength: 1, maxLength: 128 }),
          activationDate: Type.Optional(Type.String({ format: 'date-time' })),
          price: Type.Optional(Type.Number({ minimum: 0 })),
          currency: Type.Optional(Currency),
          auto_renew: Type.Optional(
            Type.Union([Type.Boolean(), Type.Enum(['true', 'false'])], {
              description:
                'cellhub: renew at expiry (default false): a new subscription of the same product, for a new period from the expiry, ordered and charged like any other (an order of its own at this price and currency) and announced with the usual notifications. The pages print auto_renew as a string ("false"): either is taken.',
            }),
          ),
        }),
        { minItems: 1, maxItems: 15 },
      ),
      esim: Type.Optional(Type.Object({ iccid: Type.String({ pattern: '^89[0-9]{17,20}$' }) })),
    }),
  },
  {
    // the Connect docs' samples (reference/orders.md), with a future activation date
    examples: [
      {
        input: {
          operationType: 'NEW_ESIM',
          countryCode: 'PT',
          customer: { email: 'john@doe.com', countryOfResidence: 'US' },
          device: { id: '123456789', model: 'iPhone', type: 'ios', eid: '89049032004008882600019002596666' },
          subscriptions: [{ product_id: 'a3u3z000000PZBhAAO', activationDate: '2027-09-13T12:00:00Z', price: 10, currency: 'USD' }],
        },
      },
      {
        input: {
          operationType: 'TOPUP',
          countryCode: 'PT',
          device: { id: '234frfa-ad36-45ab-8e2f-3423edaed3', model: 'iPhone', type: 'ios' },
          subscriptions: [{ product_id: 'h9_dkisesqdE8-xmyY11BqJjKhAen-jwQPNLIgRbvZo=' }],
          esim: { iccid: '8944500102198304826' },
        },
      },
    ],
  },
);

/** `auto_renew` as sent (a boolean, or the string the pages print); left out when not sent, so the order's record holds only what was asked. */
const autoRenewOf = (sent: boolean | 'true' | 'false' | undefined) => (sent === undefined ? undefined : sent === true || sent === 'true');

/** POST /v1/order's body, as its schema checked it. */
export function placeConnectOrderCommand({ input }: Static<typeof OrderBody>): PlaceConnectOrder {
  const d = input.device;
  return {
    operationType: input.operationType === 'TOPUP_ACTIVATION' ? 'TOPUP' : input.operationType,
    countryCode: input.countryCode,
    customer: input.customer,
    device: d && { id: d.id, type: d.type, model: d.model, eid: d.eid, make: d.make },
    subscriptions: input.subscriptions.map((s) => ({
      productId: s.product_id,
      activationDate: s.activationDate,
      price: s.price,
      currency: s.currency,
      autoRenew: autoRenewOf(s.auto_renew),
    })),
    iccid: input.esim?.iccid,
  };
}
