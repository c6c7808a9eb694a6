// The SM-DP+ simulator's memory, kept in its own table (smdp_sim_profiles) so that the
// profiles it prepared, and the device events it owes the operator, outlive a restart
// as a real SM-DP+'s would. Simulators in several processes share it like the front
// ends of one SM-DP+: an owed event is claimed by one for a while, and comes due again
// unless reported.
import { sql, type Placeholder } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/database.ts';
import { statement } from '../../db/statement.ts';
import { smdpSimProfiles } from '../../db/schema.ts';
import type { ProfileEvent } from './smdp.ts';

export type State = 'Allocated' | 'Confirmed' | 'Released' | 'Downloaded' | 'Installed' | 'Deleted' | 'Available' | 'Unavailable';

export interface Profile {
  iccid: string;
  state: State;
  matchingId: string | null;
  eid: string | null;
}

/** The device event a profile owes, and in how long it happens. */
export interface Planned {
  event: ProfileEvent;
  inMs: number;
}

export interface OwedEvent {
  iccid: string;
  event: ProfileEvent;
  eid: string | null;
}

/** `ms` from now: a number, or a statement's placeholder (a null one makes a null time). */
const after = (ms: number | Placeholder) => sql`now() + ${ms} * interval '1 millisecond'`;

const p = sql.placeholder;

const readProfile = statement<{ iccid: string; state: State; matching_id: string | null; eid: string | null }>(
  'smdp_profile_read',
  () => sql`SELECT iccid, state, matching_id, eid FROM ${smdpSimProfiles} WHERE iccid = ${p('iccid')}`,
);

/** The profile as stored now (no lock: see saveProfile). */
export async function findProfile(db: Executor, iccid: string): Promise<Profile | undefined> {
  const [row] = await readProfile(db, { iccid });
  return row && { iccid: row.iccid, state: row.state, matchingId: row.matching_id, eid: row.eid };
}

const insertIfAbsent = statement<{ iccid: string }>(
  'smdp_profile_insert',
  () => sql`
  INSERT INTO ${smdpSimProfiles} (iccid, state, matching_id, eid, event, event_at)
  VALUES (${p('iccid')}, ${p('state')}, ${p('matchingId')}, ${p('eid')}, ${p('event')}, ${after(p('inMs'))})
  ON CONFLICT (iccid) DO NOTHING
  RETURNING iccid`,
);

const updateIfUnchanged = statement<{ iccid: string }>(
  'smdp_profile_update',
  () => sql`
  UPDATE ${smdpSimProfiles}
  SET state = ${p('state')}, matching_id = ${p('matchingId')}, eid = ${p('eid')}, event = ${p('event')},
      event_at = ${after(p('inMs'))}
  WHERE iccid = ${p('iccid')} AND state = ${p('wasState')}
    AND matching_id IS NOT DISTINCT FROM ${p('wasMatchingId')} AND eid IS NOT DISTINCT FROM ${p('wasEid')}
  RETURNING iccid`,
);

/**
 * Writes the profile and what it owes next (`planned`: nothing when null), if it is
 * still as it was read (`was`; undefined: not there). False when another call changed
 * it first: the caller decides again on what is there now. One statement, where a
 * locked read-then-write took four on every ES2+ call.
 */
export async function saveProfile(db: Executor, was: Profile | undefined, profile: Profile, planned: Planned | null): Promise<boolean> {
  // A null delay makes a null event_at: nothing owed.
  const values = { ...profile, event: planned?.event ?? null, inMs: planned?.inMs ?? null };
  const saved = was ? await updateIfUnchanged(db, { ...values, wasState: was.state, wasMatchingId: was.matchingId, wasEid: was.eid }) : await insertIfAbsent(db, values);
  return saved.length > 0;
}

/** Up to `limit` events now due, each held back for `leaseMs` (reported again then unless done). */
export async function claimDueEvents(db: Executor, limit: number, leaseMs: number): Promise<OwedEvent[]> {
  return queryRows<OwedEvent>(
    db,
    sql`
    UPDATE ${smdpSimProfiles} p SET event_at = ${after(leaseMs)}
    WHERE p.iccid IN (
      SELECT iccid FROM ${smdpSimProfiles}
      WHERE event IS NOT NULL AND event_at <= now()
      ORDER BY event_at LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING p.iccid, p.event, p.eid`,
  );
}

/** The event was reported: the profile is in its state, and owes `next` (if still owing this event). */
export async function eventReported(db: Executor, iccid: string, event: ProfileEvent, state: State, next: Planned | null): Promise<void> {
  await db.execute(sql`
    UPDATE ${smdpSimProfiles}
    SET state = ${state}, event = ${next?.event ?? null}, event_at = ${next ? after(next.inMs) : sql`NULL`}
    WHERE iccid = ${iccid} AND event = ${event}`);
}

export async function allProfiles(db: Executor): Promise<Profile[]> {
  const rows = await db.select().from(smdpSimProfiles);
  return rows.map((row) => ({ iccid: row.iccid, state: row.state as State, matchingId: row.matchingId, eid: row.eid }));
}
