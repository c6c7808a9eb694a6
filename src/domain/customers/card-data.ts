// Card data never enters cellhub: a payment method is the gateway's token and what the
// page shows (name, type, last digits, expiry). A request carrying anything that looks
// like a full card number (13 to 19 digits, as written or grouped by spaces or dashes,
// that pass the Luhn check, anywhere in any field) or a security code field is refused
// before it is stored, logged or echoed: the refusal names the field, never the value.

import { passesLuhn } from '../telecom.ts';

const MAX_DEPTH = 8;

/** Field names that carry a security code or a card number, compared without case, `_` or `-`. */
const SECURITY_CODE_FIELDS = new Set([
  'cvv',
  'cvv2',
  'cvc',
  'cvc2',
  'cid',
  'csc',
  'cvn',
  'cvd',
  'securitycode',
  'cardsecuritycode',
  'cardverificationvalue',
  'cardverificationcode',
  'verificationcode',
]);
const CARD_NUMBER_FIELDS = new Set(['pan', 'cardnumber', 'number', 'ccnumber', 'creditcardnumber', 'primaryaccountnumber', 'accountnumber']);

/** Whether the text holds a run of 13 to 19 digits (single spaces or dashes between them allowed) passing Luhn. */
export function holdsCardNumber(text: string): boolean {
  for (const [run] of text.matchAll(/\d(?:[ -]?\d)*/g)) {
    const digits = run.replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) return true;
  }
  return false;
}

const normalized = (key: string) => key.toLowerCase().replace(/[-_ ]/g, '');

/** `token`, `billing.cardNumber`, `items[2]`. */
const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** The first field of the value that carries card data, and why; undefined when none does. */
export function cardDataIn(value: unknown, path = '', depth = 0): { field: string; why: string } | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
    return holdsCardNumber(String(value)) ? { field: path || 'body', why: 'looks like a full card number' } : undefined;
  }
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const field = join(path, key);
    if (typeof key === 'string') {
      if (SECURITY_CODE_FIELDS.has(normalized(key))) return { field, why: 'card security codes are never accepted' };
      if (CARD_NUMBER_FIELDS.has(normalized(key))) return { field, why: 'card numbers are never accepted' };
      if (holdsCardNumber(key)) return { field: path || 'body', why: 'has a field name that looks like a full card number' };
    }
    const found = cardDataIn(child, field, depth + 1);
    if (found) return found;
  }
  return undefined;
}
