// The Enterprise family's request bodies that become domain commands: their schemas
// (snake_case, as the contract prints them) and the one mapping from each body to the
// command the domain takes. The domain never sees a body.
import { Type, type Static } from 'typebox';
import { idPattern } from '../../domain/ids.ts';
import { ORDER_TYPES, SUSPENSION_REASONS, type PlaceOrder } from '../../domain/orders/order-types.ts';

const Email = Type.String({ format: 'email', maxLength: 254 });

const DeliveryBody = Type.Object({
  type: Type.Enum(['email', 'api']),
  to: Type.Optional(Type.Array(Email, { maxItems: 10 })),
  cc: Type.Optional(Type.Array(Email, { maxItems: 10 })),
});

export const OrderBody = Type.Object(
  {
    type: Type.Enum(ORDER_TYPES),
    account_id: Type.String({ pattern: idPattern('account') }),
    template_id: Type.Optional(Type.String({ pattern: idPattern('orderTemplate') })),
    subscription_id: Type.Optional(Type.String({ pattern: idPattern('subscription') })),
    subscriber: Type.Optional(
      Type.Object({
        first_name: Type.String({ minLength: 1, maxLength: 100 }),
        last_name: Type.String({ minLength: 1, maxLength: 100 }),
        email: Email,
        employee_id: Type.Optional(Type.String({ maxLength: 64 })),
        group: Type.Optional(Type.String({ maxLength: 64 })),
      }),
    ),
    sim_profile: Type.Optional(Type.Object({ sim_type: Type.Enum(['esim', 'psim']), delivery: Type.Optional(DeliveryBody) })),
    reason: Type.Optional(Type.Enum(SUSPENSION_REASONS)),
  },
  {
    // seed 001's request sample, and a suspension
    examples: [
      {
        type: 'activate_subscription',
        account_id: 'acc_01HTQ8VBN4DEJP5S8BPV4657VG',
        template_id: 'otpl_A00ABCDRT1F00AVRPTAQ5XQFUT',
        subscriber: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', employee_id: 'E-1815', group: 'Engineering' },
        sim_profile: { sim_type: 'esim', delivery: { type: 'email', to: ['ada@example.com'], cc: ['it@example.com'] } },
      },
      { type: 'suspend_subscription', account_id: 'acc_01HTQ8VBN4DEJP5S8BPV4657VG', subscription_id: 'sub_01HTJA47C93ABKKR58T05JBAJB', reason: 'lost_or_stolen' },
    ],
  },
);

/** POST /enterprise/orders's body, as its schema checked it; fields it does not name are dropped. */
export function placeOrderCommand(body: Static<typeof OrderBody>): PlaceOrder {
  const { subscriber: s, sim_profile: sim } = body;
  return {
    type: body.type,
    accountId: body.account_id,
    templateId: body.template_id,
    subscriptionId: body.subscription_id,
    subscriber: s && { firstName: s.first_name, lastName: s.last_name, email: s.email, employeeId: s.employee_id, group: s.group },
    simProfile: sim && { simType: sim.sim_type, delivery: sim.delivery && { type: sim.delivery.type, to: sim.delivery.to, cc: sim.delivery.cc } },
    reason: body.reason,
  };
}
