// A usage record as the network's mediation sends it, and the checks one record must
// pass. A batch refuses bad records one by one, with the reason, and keeps the rest.
import { isIccid } from '../telecom.ts';
import { DAY_MS } from '../time.ts';

export const USAGE_TYPES = ['voice', 'data', 'sms'] as const;
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export const COST_TYPES = ['free', 'in_bundle', 'out_of_bundle'] as const;
export type UsageType = (typeof USAGE_TYPES)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type CostType = (typeof COST_TYPES)[number];

export const UNIT_OF: Record<UsageType, string> = { voice: 'seconds', data: 'bytes', sms: 'messages' };

/** How far back a record may start: older usage has been billed. */
const OLDEST_DAYS = 400;

export interface UsageRecord {
  sourceRecordId: string;
  msisdn?: string;
  iccid?: string;
  type: UsageType;
  direction: Direction;
  technology: string | null;
  otherParty: string | null;
  locationCountry: string;
  isRecorded: boolean;
  startedAt: Date;
  endedAt: Date;
  quantity: number;
}

/** The record, or why it is refused (naming the field). */
export type Parsed = { record: UsageRecord } | { reason: string };

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export function parseUsageRecord(raw: unknown, now = new Date()): Parsed {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { reason: 'must be an object' };
  const r = raw as Record<string, unknown>;
  const sourceRecordId = text(r.source_record_id);
  if (!sourceRecordId || sourceRecordId.length > 128) return { reason: 'source_record_id: is required (1 to 128 characters)' };
  const msisdn = text(r.msisdn)?.replace(/^\+/, '');
  const iccid = text(r.iccid);
  if (!msisdn && !iccid) return { reason: 'msisdn: either msisdn or iccid is required' };
  if (msisdn && !/^\d{8,15}$/.test(msisdn)) return { reason: `msisdn: ${msisdn} is not an E.164 number` };
  if (iccid && !isIccid(iccid)) return { reason: `iccid: ${iccid} is not a valid ICCID` };
  const type = r.type as UsageType;
  if (!USAGE_TYPES.includes(type)) return { reason: `type: must be one of ${USAGE_TYPES.join(', ')}` };
  const direction = r.direction as Direction;
  if (!DIRECTIONS.includes(direction)) return { reason: `direction: must be one of ${DIRECTIONS.join(', ')}` };
  const unit = text(r.unit);
  if (unit && unit !== UNIT_OF[type]) return { reason: `unit: ${type} is measured in ${UNIT_OF[type]}, not ${unit}` };
  const locationCountry = text(r.location_country)?.toUpperCase();
  if (!locationCountry || !/^[A-Z]{2}$/.test(locationCountry)) return { reason: 'location_country: must be an ISO 3166 alpha-2 code' };
  const startedAt = dateOf(r.started_at);
  if (!startedAt) return { reason: 'started_at: must be an ISO 8601 date-time' };
  const endedAt = r.ended_at === undefined || r.ended_at === null || r.ended_at === '' ? startedAt : dateOf(r.ended_at);
  if (!endedAt) return { reason: 'ended_at: must be an ISO 8601 date-time' };
  if (endedAt < startedAt) return { reason: 'ended_at: is before started_at' };
  if (startedAt.getTime() > now.getTime() + DAY_MS) return { reason: 'started_at: is in the future' };
  if (startedAt.getTime() < now.getTime() - OLDEST_DAYS * DAY_MS) return { reason: `started_at: is more than ${OLDEST_DAYS} days ago` };
  const quantity = typeof r.quantity === 'string' && /^\d+$/.test(r.quantity) ? Number(r.quantity) : r.quantity;
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 0) {
    return { reason: 'quantity: must be a whole number, 0 or more' };
  }
  const otherParty = text(r.other_party)?.replace(/^\+/, '') ?? null;
  if (otherParty && !/^\d{1,15}$/.test(otherParty)) return { reason: 'other_party: must be up to 15 digits' };
  const technology = text(r.technology) ?? null;
  if (technology && technology.length > 16) return { reason: 'technology: at most 16 characters' };
  const isRecorded = r.is_recorded === true || r.is_recorded === 'true';
  return {
    record: { sourceRecordId, msisdn, iccid, type, direction, technology, otherParty, locationCountry, isRecorded, startedAt, endedAt, quantity },
  };
}

function dateOf(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
