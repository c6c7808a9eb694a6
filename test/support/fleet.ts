// Several cellhub processes over one database, some of which get killed: a client that
// spreads requests over the API processes and retries a request a kill cut off on
// another one (with the same Idempotency-Key, as a careful partner would), and a
// killer that SIGKILLs a random process and restarts it.
import { freePort, startServer, stopServer, type ServerProcess } from './processes.ts';

export interface FleetMember {
  role: 'api' | 'worker';
  port: number;
  process?: ServerProcess;
}

export interface Fleet {
  members: FleetMember[];
  /** Restarts under way (killRandomly's); stop() waits for them. */
  restarts: Promise<void>[];
  apiBases(): string[];
  stop(): Promise<void>;
}

export async function startFleet(env: Record<string, string>, roles: FleetMember['role'][]): Promise<Fleet> {
  const members: FleetMember[] = [];
  for (const role of roles) members.push({ role, port: await freePort() });
  // One after another: four starting at once on a busy machine may each take minutes.
  for (const m of members) await restart(m, env);
  const fleet: Fleet = {
    members,
    restarts: [],
    apiBases: () => members.filter((m) => m.role === 'api').map((m) => `http://127.0.0.1:${m.port}`),
    stop: async () => {
      await Promise.allSettled(fleet.restarts);
      // A process killed before has exited already (by a signal: its exitCode stays null).
      const alive = members.flatMap((m) => (m.process && m.process.exitCode === null && m.process.signalCode === null ? [m.process] : []));
      await Promise.all(alive.map((p) => stopServer(p, 'SIGKILL')));
    },
  };
  return fleet;
}

/** Starts the member's process; a start that did not answer in time (a busy machine) is tried again. */
export async function restart(member: FleetMember, env: Record<string, string>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      member.process = await startServer({ ...env, PORT: String(member.port) }, ['--role', member.role]);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Every `everyMs` (with jitter) SIGKILLs a random running member and starts it again in
 * the background (a start takes seconds on a busy machine), so several may be down at
 * once; one process of each role is always left up. Runs until `stop` is set; answers what it did.
 */
export async function killRandomly(fleet: Fleet, env: Record<string, string>, everyMs: number, stop: { done: boolean }): Promise<string[]> {
  const kills: string[] = [];
  const down = new Set<FleetMember>();
  const upOf = (role: FleetMember['role']) => fleet.members.filter((m) => m.role === role && !down.has(m)).length;
  while (!stop.done) {
    await pause(everyMs / 2 + Math.random() * everyMs);
    if (stop.done) break;
    const candidates = fleet.members.filter((m) => !down.has(m) && upOf(m.role) > 1);
    if (candidates.length === 0) continue;
    const victim = candidates[Math.floor(Math.random() * candidates.length)];
    down.add(victim);
    await stopServer(victim.process!, 'SIGKILL');
    const killedAt = Date.now();
    fleet.restarts.push(
      restart(victim, env).then(() => {
        down.delete(victim);
        kills.push(`${victim.role} back in ${Date.now() - killedAt} ms`);
      }),
    );
  }
  await Promise.all(fleet.restarts);
  return kills;
}

/** What the load saw: answers by status, the requests a kill cut off, and every 5xx. */
export interface Tally {
  statuses: Record<string, number>;
  /** Requests that got no answer from a process (a kill cut them off, or it was down), and were sent again. */
  cutOff: number;
  /** Tries that got no answer. */
  unanswered: number;
  /** Retries that found the first try still holding its Idempotency-Key, and were sent again. */
  stillRunning: number;
  serverErrors: string[];
}

export const newTally = (): Tally => ({ statuses: {}, cutOff: 0, unanswered: 0, stillRunning: 0, serverErrors: [] });

/**
 * Sends a request to one API process after another until one answers; a request a kill
 * cut off (no answer: a connection error) goes again, to the next process.
 */
export function fleetClient(fleet: Fleet, tally: Tally) {
  let turn = 0;
  return async (path: string, init: RequestInit = {}): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      const bases = fleet.apiBases();
      const base = bases[turn++ % bases.length];
      try {
        const res = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
        tally.statuses[res.status] = (tally.statuses[res.status] ?? 0) + 1;
        // The cut-off first try may hold its key a moment longer (its database session has
        // not yet seen the kill): wait and ask again, as the SDK does.
        if (attempt <= 200 && (await stillRunning(res))) {
          tally.stillRunning++;
          await pause(50);
          continue;
        }
        if (res.status >= 500) tally.serverErrors.push(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.clone().text()}`);
        return res;
      } catch (error) {
        if (attempt === 0) tally.cutOff++;
        tally.unanswered++;
        if (attempt > 200) throw error;
        // The process is being restarted: give it a moment before the next try.
        await pause(50);
      }
    }
  };
}

const stillRunning = async (res: Response) =>
  res.status === 409 && (await res.clone().text()).includes('idempotency-key: the first request with this key is still being processed');

/** A retry's back-off, not a wait for a condition. */
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
