// Resource identifiers: a prefix and a ULID (contract §1), so ids sort by creation time.
import { randomFillSync } from 'node:crypto';
import { decodeTime, encodeTime, monotonicFactory, ulid } from 'ulid';

export const ID_PREFIX = {
  organization: 'org_',
  account: 'acc_',
  subscriber: 'sbr_',
  subscription: 'sub_',
  order: 'order_',
  orderTemplate: 'otpl_',
  productOffering: 'prodoff_',
  product: 'prod_',
  usageItem: 'uitem_',
  sms: 'sms_',
  numberPool: 'pool_',
  mail: 'mail_',
  webhook: 'msg_',
  event: 'evt_',
  webhookEndpoint: 'whep_',
  alertThreshold: 'althr_',
  person: 'person_',
  onboardingBatch: 'obat_',
} as const;

export type IdKind = keyof typeof ID_PREFIX;

/**
 * ULID randomness from the system's CSPRNG, drawn 4 KiB at a time: ulid's own source
 * asks the system once per character, which made ids a visible cost of an order.
 */
const pool = new Uint8Array(4096);
let used = pool.length;
function random(): number {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  return pool[used++] / 256;
}

const nextUlid = monotonicFactory(random);

/** A new id; `at` back-dates it (demo data made "last month" sorts as last month). */
export function newId(kind: IdKind, at?: Date): string {
  return ID_PREFIX[kind] + (at ? ulid(at.getTime(), random) : nextUlid());
}

/** The smallest id of this kind made at `at`: every id made then or later sorts after it. */
export function idFloor(kind: IdKind, at: Date): string {
  return ID_PREFIX[kind] + encodeTime(Math.max(0, at.getTime()), 10) + '0'.repeat(16);
}

/** When an id of this kind was made (its ULID's time), in milliseconds. */
export function idTime(kind: IdKind, id: string): number {
  return decodeTime(id.slice(ID_PREFIX[kind].length));
}

export function idPattern(kind: IdKind): string {
  return `^${ID_PREFIX[kind]}[0-9A-Z]{26}$`;
}

const patterns = new Map<IdKind, RegExp>();
export function isId(kind: IdKind, value: string): boolean {
  let pattern = patterns.get(kind);
  if (!pattern) patterns.set(kind, (pattern = new RegExp(idPattern(kind))));
  return pattern.test(value);
}
