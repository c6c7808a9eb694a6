// The SM-DP+ simulator's memory, kept in its own table (smdp_sim_profiles) so that the
// profiles it prepared, and the device events it owes the operator, outlive a restart
// as a real SM-DP+'s would. Simulators in several processes share it like the front
// ends of one SM-DP+: an owed event is claimed by one for a while, and comes due again
// unless reported.
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/database.ts';
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

const after = (ms: number) => sql`now() + ${ms} * interval '1 millisecond'`;

/** The profile, locked until the transaction ends, so that calls on one ICCID take turns. */
export async function lockProfile(tx: Executor, iccid: string): Promise<Profile | undefined> {
  const [row] = await queryRows<{ iccid: string; state: State; matching_id: string | null; eid: string | null }>(
    tx,
    sql`
    SELECT iccid, state, matching_id, eid FROM ${smdpSimProfiles} WHERE iccid = ${iccid} FOR UPDATE`,
  );
  return row && { iccid: row.iccid, state: row.state, matchingId: row.matching_id, eid: row.eid };
}

/** Writes the profile and what it owes next (`planned`: nothing when null). */
export async function saveProfile(tx: Executor, profile: Profile, planned: Planned | null): Promise<void> {
  const event = planned?.event ?? null;
  const eventAt = planned ? after(planned.inMs) : sql`NULL`;
  await tx.execute(sql`
    INSERT INTO ${smdpSimProfiles} (iccid, state, matching_id, eid, event, event_at)
    VALUES (${profile.iccid}, ${profile.state}, ${profile.matchingId}, ${profile.eid}, ${event}, ${eventAt})
    ON CONFLICT (iccid) DO UPDATE
      SET state = excluded.state, matching_id = excluded.matching_id, eid = excluded.eid, event = excluded.event, event_at = excluded.event_at`);
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

export async function findProfile(db: Executor, iccid: string): Promise<Profile | undefined> {
  const [row] = await db.select().from(smdpSimProfiles).where(eq(smdpSimProfiles.iccid, iccid));
  return row && { iccid: row.iccid, state: row.state as State, matchingId: row.matchingId, eid: row.eid };
}

export async function allProfiles(db: Executor): Promise<Profile[]> {
  const rows = await db.select().from(smdpSimProfiles);
  return rows.map((row) => ({ iccid: row.iccid, state: row.state as State, matchingId: row.matchingId, eid: row.eid }));
}
