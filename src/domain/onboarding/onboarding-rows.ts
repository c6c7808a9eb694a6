// The columns of an onboarding file and the rules each row must meet, checked row by row
// so that a dry run can name every bad row and field at once. What needs the database
// (the template, the employee already onboarded) is checked by the service, set-based.
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { idPattern } from '../ids.ts';
import type { PlaceOrder } from '../orders/order-types.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export const ONBOARDING_COLUMNS = ['first_name', 'last_name', 'email', 'employee_id', 'group', 'template', 'delivery'] as const;
export type OnboardingColumn = (typeof ONBOARDING_COLUMNS)[number];

/** Columns a file must have (a CSV's header names them; JSON rows may leave the others out). */
export const REQUIRED_COLUMNS: readonly OnboardingColumn[] = ['first_name', 'last_name', 'email', 'employee_id', 'template'];

export const DELIVERIES = ['email', 'api', 'psim'] as const;
export type OnboardingDelivery = (typeof DELIVERIES)[number];

/** Most rows one batch takes. */
export const MAX_ROWS = 10_000;

/** A row as the file gave it: its number (1 = the first row after a CSV's header, or rows[0]) and its fields. */
export interface FileRow {
  rowNumber: number;
  fields: Partial<Record<OnboardingColumn, string>>;
}

export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

// The same email rule as the `subscriber.email` of POST /enterprise/orders (ajv's format).
const ajv = new Ajv({ strict: false });
addFormats(ajv);
const isEmail = ajv.compile({ type: 'string', format: 'email', maxLength: 254 });
const TEMPLATE_ID = new RegExp(idPattern('orderTemplate'));

function textRule(value: string | undefined, required: boolean, max: number): string | undefined {
  if (!value) return required ? 'is required' : undefined;
  if (value.length > max) return `must be at most ${max} characters`;
  return undefined;
}

/** The row's problems that need nothing but the row (and the rows before it, for repeated employee ids). */
export function checkRow(row: FileRow, firstRowOf: Map<string, number>): RowProblem[] {
  const f = row.fields;
  const problems: RowProblem[] = [];
  const add = (field: OnboardingColumn, message: string | undefined) => {
    if (message) problems.push({ row: row.rowNumber, field, message });
  };
  add('first_name', textRule(f.first_name, true, 100));
  add('last_name', textRule(f.last_name, true, 100));
  add('email', f.email ? (isEmail(f.email) ? undefined : 'is not an email address') : 'is required');
  add('employee_id', textRule(f.employee_id, true, 64));
  add('group', textRule(f.group, false, 64));
  add('template', f.template ? (TEMPLATE_ID.test(f.template) ? undefined : 'is not an order template id (otpl_ and 26 characters)') : 'is required');
  if (f.delivery && !(DELIVERIES as readonly string[]).includes(f.delivery)) add('delivery', `must be ${DELIVERIES.join(', ')} or empty (email)`);
  if (f.employee_id) {
    const first = firstRowOf.get(f.employee_id);
    if (first === undefined) firstRowOf.set(f.employee_id, row.rowNumber);
    else add('employee_id', `repeats row ${first}`);
  }
  return problems;
}

/** The activation order a good row asks for. */
export function activationOf(accountId: string, fields: FileRow['fields']): PlaceOrder {
  const delivery = (fields.delivery || 'email') as OnboardingDelivery;
  const email = fields.email!;
  return {
    type: 'activate_subscription',
    accountId,
    templateId: fields.template,
    subscriber: { firstName: fields.first_name!, lastName: fields.last_name!, email, employeeId: fields.employee_id, group: fields.group || undefined },
    simProfile: delivery === 'psim' ? { simType: 'psim' } : { simType: 'esim', delivery: delivery === 'email' ? { type: 'email', to: [email] } : { type: 'api' } },
  };
}

/** Problems as a refused row's reason: `field: message; …`. */
export const reasonOf = (problems: RowProblem[]) => problems.map((p) => `${p.field}: ${p.message}`).join('; ');
