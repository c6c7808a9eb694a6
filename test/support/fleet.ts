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
  apiBases(): string[];
  stop(): Promise<void>;
}

export async function startFleet(env: Record<string, string>, roles: FleetMember['role'][]): Promise<Fleet> {
  const members: FleetMember[] = [];
  for (const role of roles) members.push({ role, port: await freePort() });
  await Promise.all(members.map((m) => restart(m, env)));
  return {
    members,
    apiBases: () => members.filter((m) => m.role === 'api').map((m) => `http://127.0.0.1:${m.port}`),
    stop: async () => {
      await Promise.all(members.flatMap((m) => (m.process ? [stopServer(m.process, 'SIGKILL')] : [])));
    },
  };
}

export async function restart(member: FleetMember, env: Record<string, string>): Promise<void> {
  member.process = await startServer({ ...env, PORT: String(member.port) }, ['--role', member.role]);
}

/** Kills one member at a time every `everyMs` (with jitter) and restarts it, until `stop` is set. */
export async function killRandomly(fleet: Fleet, env: Record<string, string>, everyMs: number, stop: { done: boolean }): Promise<string[]> {
  const kills: string[] = [];
  while (!stop.done) {
    await pause(everyMs / 2 + Math.random() * everyMs);
    if (stop.done) break;
    const victim = fleet.members[Math.floor(Math.random() * fleet.members.length)];
    await stopServer(victim.process!, 'SIGKILL');
    const killedAt = Date.now();
    await restart(victim, env);
    kills.push(`${victim.role} back in ${Date.now() - killedAt} ms`);
  }
  return kills;
}

/** What the load saw: answers by status, the requests a kill cut off, and every 5xx. */
export interface Tally {
  statuses: Record<string, number>;
  /** Requests that got no answer from a process (a kill cut them off, or it was down), and were sent again. */
  cutOff: number;
  /** Tries that got no answer. */
  unanswered: number;
  serverErrors: string[];
}

export const newTally = (): Tally => ({ statuses: {}, cutOff: 0, unanswered: 0, serverErrors: [] });

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

/** A retry's back-off, not a wait for a condition. */
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
