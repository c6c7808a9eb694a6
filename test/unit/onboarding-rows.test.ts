// The rules an onboarding row must meet by itself (domain/onboarding/onboarding-rows.ts),
// and the activation order a good row asks for: no database.
import { describe, expect, it } from 'vitest';
import { activationOf, checkRow, reasonOf, type FileRow } from '../../src/domain/onboarding/onboarding-rows.ts';
import { checkOrder, type OrderReads } from '../../src/domain/orders/order-rules.ts';

const TEMPLATE = 'otpl_A00ABCDRT1F00AVRPTAQ5XQFUT';
const good = (n: number, fields: FileRow['fields'] = {}): FileRow => ({
  rowNumber: n,
  fields: { first_name: 'Ada', last_name: 'Lovelace', email: `ada${n}@example.com`, employee_id: `E-${n}`, template: TEMPLATE, ...fields },
});

describe('an onboarding row', () => {
  it('names every bad field at once', () => {
    const row: FileRow = { rowNumber: 7, fields: { first_name: 'x'.repeat(101), email: 'nope', group: 'g'.repeat(65), template: 'otpl_short', delivery: 'fax' } };
    expect(checkRow(row, new Map()).map((p) => `${p.row} ${p.field}: ${p.message}`)).toEqual([
      '7 first_name: must be at most 100 characters',
      '7 last_name: is required',
      '7 email: is not an email address',
      '7 employee_id: is required',
      '7 group: must be at most 64 characters',
      '7 template: is not an order template id (otpl_ and 26 characters)',
      '7 delivery: must be email, api, psim or empty (email)',
    ]);
  });

  it('refuses an employee id the file already had, naming the first row', () => {
    const seen = new Map<string, number>();
    expect(checkRow(good(1), seen)).toEqual([]);
    const repeat = checkRow(good(2, { employee_id: 'E-1' }), seen);
    expect(reasonOf(repeat)).toBe('employee_id: repeats row 1');
  });

  it('becomes the activation an order would take: email delivery by default, api and a physical SIM on request', async () => {
    expect(activationOf('acc_1', good(1).fields).simProfile).toEqual({ simType: 'esim', delivery: { type: 'email', to: ['ada1@example.com'] } });
    expect(activationOf('acc_1', good(2, { delivery: 'api' }).fields).simProfile).toEqual({ simType: 'esim', delivery: { type: 'api' } });
    expect(activationOf('acc_1', good(3, { delivery: 'psim', group: 'Ops' }).fields)).toMatchObject({
      simProfile: { simType: 'psim' },
      subscriber: { employeeId: 'E-3', group: 'Ops' },
    });
    // …which the order rules accept, as POST /enterprise/orders would
    const reads: OrderReads = {
      template: async (_org, id) => ({ id, type: 'activate_subscription', numberPoolId: 'pool_1' }),
      accountExists: async () => true,
      subscription: async () => undefined,
    };
    for (const n of [1, 2, 3])
      await expect(checkOrder(reads, 'org_1', activationOf('acc_1', good(n, { delivery: ['email', 'api', 'psim'][n - 1] }).fields))).resolves.toBeUndefined();
  });
});
