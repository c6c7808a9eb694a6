// The order's stored record: rows written before the domain took commands (the body as
// it was sent) read back as the command, and a command is stored in that same format.
import { describe, expect, it } from 'vitest';
import { commandOf, connectCommandOf, connectRecordOf, recordOf, type OrderRecord } from '../../src/domain/orders/order-record.ts';
import { placeOrderCommand } from '../../src/api/enterprise/bodies.ts';
import { placeConnectOrderCommand } from '../../src/api/connect/bodies.ts';

// An activation's request as migration 0002's rows and the demo world hold it.
const stored: OrderRecord = {
  type: 'activate_subscription',
  account_id: 'acc_01HTQ8VBN4DEJP5S8BPV4657VG',
  template_id: 'otpl_A00ABCDRT1F00AVRPTAQ5XQFUT',
  subscriber: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', employee_id: 'E-1815', group: 'Engineering' },
  sim_profile: { sim_type: 'esim', delivery: { type: 'email', to: ['ada@example.com'], cc: ['it@example.com'] } },
};

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('an Enterprise order record', () => {
  it('reads back as the command, and the command is stored as the same record', () => {
    const command = commandOf(stored);
    expect(command).toMatchObject({
      type: 'activate_subscription',
      accountId: stored.account_id,
      templateId: stored.template_id,
      subscriber: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', employeeId: 'E-1815', group: 'Engineering' },
      simProfile: { simType: 'esim', delivery: { type: 'email', to: ['ada@example.com'], cc: ['it@example.com'] } },
    });
    expect(asJson(recordOf(command))).toEqual(stored);
  });

  it('keeps absent fields absent, as a suspension stored them', () => {
    const suspension: OrderRecord = { type: 'suspend_subscription', account_id: 'acc_1', subscription_id: 'sub_1', reason: 'temporary' };
    expect(asJson(recordOf(commandOf(suspension)))).toEqual(suspension);
  });

  it('is what the body of POST /enterprise/orders was, fields it does not name dropped', () => {
    const body = { ...stored, unexpected: 'kept nowhere' } as Parameters<typeof placeOrderCommand>[0];
    expect(asJson(recordOf(placeOrderCommand(body)))).toEqual(stored);
  });
});

describe('a Connect order record', () => {
  it("is the body's input, TOPUP_ACTIVATION stored as TOPUP, and reads back as the command", () => {
    const input = {
      operationType: 'TOPUP_ACTIVATION' as const,
      countryCode: 'PT',
      device: { id: 'd-1', type: 'ios' as const },
      subscriptions: [{ product_id: 'p-1', activationDate: '2027-09-13T12:00:00Z', price: 10, currency: 'USD' }],
      esim: { iccid: '8944500102198304826' },
    };
    const command = placeConnectOrderCommand({ input });
    expect(command).toMatchObject({ operationType: 'TOPUP', iccid: '8944500102198304826', subscriptions: [{ productId: 'p-1', price: 10, currency: 'USD' }] });
    const record = asJson(connectRecordOf(command));
    expect(record).toEqual({ ...input, operationType: 'TOPUP' });
    expect(connectCommandOf({ input: record })).toEqual(asJson(command));
  });
});
