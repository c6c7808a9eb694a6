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
      countryCode: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
      customer: Type.Optional(Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) }, { additionalProperties: true })),
      device: Type.Optional(
        Type.Object({
          id: Type.String({ minLength: 1, maxLength: 128 }),
          type: Type.Enum(['ios', 'android', 'iot']),
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

/** POST /v1/order's body, as its schema checked it. */
export function placeConnectOrderCommand({ input }: Static<typeof OrderBody>): PlaceConnectOrder {
  const d = input.device;
  return {
    operationType: input.operationType === 'TOPUP_ACTIVATION' ? 'TOPUP' : input.operationType,
    countryCode: input.countryCode,
    customer: input.customer,
    device: d && { id: d.id, type: d.type, model: d.model, eid: d.eid, make: d.make },
    subscriptions: input.subscriptions.map((s) => ({ productId: s.product_id, activationDate: s.activationDate, price: s.price, currency: s.currency })),
    iccid: input.esim?.iccid,
  };
}
