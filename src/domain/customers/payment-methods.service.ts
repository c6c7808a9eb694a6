// A customer's payment methods (reference/customer.md): the payment gateway's token and
// what the page shows of the card. No card number, no security code (see card-data.ts),
// and no card that has expired. The token is what charges the card, so it is stored
// sealed with the key-encryption key, as the other secrets cellhub reads back are
// (auth/key-encryption.ts): a dump of the database alone does not reveal it.
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import type { KeyEncryption } from '../../auth/key-encryption.ts';
import { invalidParams, notFound } from '../errors.ts';
import { cardDataIn } from './card-data.ts';
import { getCustomer, lockOwnCustomer, type ConnectScope } from './customers.service.ts';
import { deletePaymentMethodRow, insertPaymentMethod, selectPaymentMethods, selectTokensToReseal, updateTokenById, type PaymentMethodRow } from './payment-methods.store.ts';

/** A payment method with its token opened. */
export type PaymentMethod = Omit<PaymentMethodRow, 'token'> & { token: string };

const opened =
  (sealing: KeyEncryption) =>
  (row: PaymentMethodRow): PaymentMethod => ({ ...row, token: sealing.open(row.token) });

export interface PaymentMethodInput {
  token: string;
  name?: string | null;
  type: string;
  last_digits: string;
  expiry_month: string;
  expiry_year: string;
  gateway: string;
}

/** Ids like the provider's ("a3jM0000001keW8IAI"): 18 URL-safe characters. */
const paymentMethodId = () => randomBytes(14).toString('base64url').slice(0, 18);

/** Refuses a body carrying card data, naming the field and never the value. Run before anything else reads it. */
export function refuseCardData(body: unknown): void {
  const found = cardDataIn(body);
  if (found) throw invalidParams(`${found.field}: ${found.why}; send the payment gateway's token and the card's last digits only`);
}

/** A card is good until the end of its expiry month (UTC). */
function refuseExpired(input: PaymentMethodInput, now: Date): void {
  const year = Number(input.expiry_year);
  const month = Number(input.expiry_month);
  const thisYear = now.getUTCFullYear();
  if (year < thisYear) throw invalidParams(`expiry_year: the card expired in ${input.expiry_year}`);
  if (year === thisYear && month < now.getUTCMonth() + 1) throw invalidParams(`expiry_month: the card expired in ${input.expiry_month}/${input.expiry_year}`);
}

export async function listPaymentMethods(db: Executor, sealing: KeyEncryption, scope: ConnectScope, customerId: string): Promise<PaymentMethod[]> {
  await getCustomer(db, scope, customerId);
  return (await selectPaymentMethods(db, scope.organizationId, customerId)).map(opened(sealing));
}

export async function addPaymentMethod(
  db: Executor,
  sealing: KeyEncryption,
  scope: ConnectScope,
  customerId: string,
  input: PaymentMethodInput,
  now = new Date(),
): Promise<PaymentMethod> {
  refuseCardData(input);
  refuseExpired(input, now);
  return db.transaction(async (tx) => {
    await lockOwnCustomer(tx, scope, customerId);
    const row = await insertPaymentMethod(tx, {
      organizationId: scope.organizationId,
      customerId,
      id: paymentMethodId(),
      token: sealing.seal(input.token),
      name: input.name ?? null,
      type: input.type,
      lastDigits: input.last_digits,
      expiryMonth: input.expiry_month.padStart(2, '0'),
      expiryYear: input.expiry_year,
      gateway: input.gateway,
    });
    return { ...row, token: input.token };
  });
}

/**
 * Seals the tokens stored in the clear (before sealing began) or sealed with a previous
 * key-encryption key, with the current one; run at start, as the signing keys are resealed.
 */
export async function resealPaymentTokens(db: Executor, sealing: KeyEncryption): Promise<number> {
  let resealed = 0;
  for (;;) {
    const rows = await selectTokensToReseal(db, sealing.id, 500);
    if (rows.length === 0) return resealed;
    for (const row of rows) await updateTokenById(db, row, sealing.seal(sealing.open(row.token)));
    resealed += rows.length;
  }
}

export async function deletePaymentMethod(db: Executor, scope: ConnectScope, customerId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockOwnCustomer(tx, scope, customerId);
    if (!(await deletePaymentMethodRow(tx, scope.organizationId, customerId, id))) throw notFound(`payment method ${id}`);
  });
}
