// An SM-DP+ simulator speaking ES2+ over HTTP on loopback, so the real client is
// exercised end to end. Like a real SM-DP+ it keeps its profiles, in its own table
// (simulator.store.ts), so a restart of cellhub, which runs it, loses none. It answers
// like an SM-DP+ (including refusals), can be told to fail or hang (tests), and
// reports device events back through HandleDownloadProgressInfo on its own after a delay
// (demos): the download, then the install, each owed until cellhub took the report.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { WorkLoop } from '../../jobs/work-loop.ts';
import type { ProfileEvent } from './smdp.ts';
import * as store from './simulator.store.ts';
import { Timers } from '../timers.ts';

export type Fault = 'error' | 'timeout' | 'refuse';

export interface SimulatorOptions {
  /** Where the simulator keeps its profiles (its own table in cellhub's database). */
  db: Executor;
  /** The address put in activation codes. */
  smdpAddress: string;
  /** Where device events are reported (cellhub's ES2+ callback base URL) and with which bearer token. */
  callback?: { url: string; token: string };
  /** Move a released profile to downloaded, then installed, after this many ms (0: never on its own). */
  autoAdvanceMs?: number;
}

type Answer = Record<string, unknown>;

/** What an ES2+ call does: its answer, and the profile to store (with what it owes next) if it changed. */
interface Outcome {
  answer: Answer;
  save?: { profile: store.Profile; planned: store.Planned | null };
}

const EVENT_POINT: Record<ProfileEvent, number> = { downloaded: 3, installed: 4, deleted: 5 };
const EVENT_STATE: Record<ProfileEvent, store.State> = { downloaded: 'Downloaded', installed: 'Installed', deleted: 'Deleted' };
/** An event not reported within this (cellhub away, or its process died) is reported again. */
const EVENT_LEASE_MS = 10_000;
const IDLE_POLL_MS = 1_000;
/** A callback that does not answer in time is tried again later, as a failed one is. */
const REPORT_TIMEOUT_MS = 5_000;

export class SmdpSimulator {
  private readonly faults: Fault[] = [];
  private server?: Server;
  private readonly timers = new Timers();
  private readonly events: WorkLoop<store.OwedEvent>;
  calls = 0;

  constructor(private readonly options: SimulatorOptions) {
    this.events = new WorkLoop({
      concurrency: 8,
      idleMs: IDLE_POLL_MS,
      fetch: (free) => store.claimDueEvents(options.db, free, EVENT_LEASE_MS),
      run: (owed) => this.report(owed).catch(() => {}), // reported again when its lease ends
    });
  }

  /** The next calls fail this way, one fault per call. */
  inject(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  setCallback(callback: { url: string; token: string }): void {
    this.options.callback = callback;
  }

  /** A profile as the SM-DP+ holds it. */
  profile(iccid: string): Promise<store.Profile | undefined> {
    return store.findProfile(this.options.db, iccid);
  }

  profiles(): Promise<store.Profile[]> {
    return store.allProfiles(this.options.db);
  }

  async start(): Promise<string> {
    // Idle connections outlive the client's keep-alive (10 s): with Node's default of 5 s, a
    // loaded event loop let the client reuse a socket the server had just closed (ECONNRESET).
    this.server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.events.start();
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.timers.clear();
    await this.events.stop();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.calls++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const fault = this.faults.shift();
    if (fault === 'timeout') return; // never answers; the client's timeout fires
    if (fault === 'error') return void res.writeHead(503).end('unavailable');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return this.answer(res, failed('1.2', '2.1', 'request is not JSON'));
    }
    if (fault === 'refuse') return this.answer(res, failed('8.1', '3.8', 'refused by fault injection'));
    const fn = req.url?.split('/').pop() ?? '';
    try {
      this.answer(res, await this.execute(fn, body));
    } catch {
      res.writeHead(500).end('internal error');
    }
  }

  /** Runs the call on the stored profile, and stores what changed unless another call changed it first (then runs it again). */
  private async execute(fn: string, body: Record<string, unknown>): Promise<Answer> {
    const iccid = typeof body.iccid === 'string' ? body.iccid : '';
    if (!/^\d{19,20}$/.test(iccid)) return failed('8.2.1', '2.1', 'ICCID missing or malformed');
    for (;;) {
      const was = await store.findProfile(this.options.db, iccid);
      const outcome = this.decide(fn, body, iccid, was);
      const save = outcome.save;
      if (save && !(await store.saveProfile(this.options.db, was, save.profile, save.planned))) continue;
      if (save?.planned) this.timers.later(save.planned.inMs, () => this.events.wake());
      return outcome.answer;
    }
  }

  private decide(fn: string, body: Record<string, unknown>, iccid: string, profile: store.Profile | undefined): Outcome {
    const eid = typeof body.eid === 'string' && body.eid ? body.eid : null;
    switch (fn) {
      case 'downloadOrder':
        if (profile && profile.state !== 'Available') return { answer: failed('8.2.1', '3.3', 'Profile ICCID already in use') };
        return { answer: ok({ iccid }), save: { profile: { iccid, state: 'Allocated', matchingId: null, eid }, planned: null } };
      case 'confirmOrder': {
        if (!profile || profile.state === 'Available') return { answer: failed('8.2.1', '3.9', 'Profile ICCID unknown') };
        if (profile.state !== 'Allocated') return { answer: ok({ matchingId: profile.matchingId, smdpAddress: this.options.smdpAddress }) };
        const matchingId = randomBytes(10).toString('hex').toUpperCase().match(/.{4}/g)!.join('-');
        const confirmed: store.Profile = { iccid, state: body.releaseFlag ? 'Released' : 'Confirmed', matchingId, eid: eid ?? profile.eid };
        return {
          answer: ok({ matchingId, smdpAddress: this.options.smdpAddress, ...(confirmed.eid ? { eid: confirmed.eid } : {}) }),
          save: { profile: confirmed, planned: confirmed.state === 'Released' ? this.advance('downloaded') : null },
        };
      }
      case 'cancelOrder':
        if (!profile) return { answer: failed('8.2.1', '3.9', 'Profile ICCID unknown') };
        if (profile.state === 'Installed' || profile.state === 'Downloaded') return { answer: failed('8.2.1', '3.5', 'Profile already downloaded') };
        return {
          answer: ok({}),
          save: { profile: { ...profile, state: body.finalProfileStatusIndicator === 'Unavailable' ? 'Unavailable' : 'Available', matchingId: null }, planned: null },
        };
      case 'releaseProfile':
        if (!profile || profile.state !== 'Confirmed') return { answer: failed('8.2.1', '3.8', 'Profile not in Confirmed state') };
        return { answer: ok({}), save: { profile: { ...profile, state: 'Released' }, planned: this.advance('downloaded') } };
      default:
        return { answer: failed('1.1', '2.1', `unknown function ${fn}`) };
    }
  }

  private answer(res: ServerResponse, body: Record<string, unknown>): void {
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'x-admin-protocol': 'gsma/rsp/v2.2.0' });
    res.end(JSON.stringify(body));
  }

  /** The device event to come on its own, if the simulator advances profiles by itself. */
  private advance(event: ProfileEvent): store.Planned | null {
    const delay = this.options.autoAdvanceMs ?? 0;
    return delay > 0 ? { event, inMs: delay } : null;
  }

  /** Reports an owed device event as ES2+ HandleDownloadProgressInfo; once taken, the profile moves on. */
  private async report({ iccid, event, eid }: store.OwedEvent): Promise<void> {
    const callback = this.options.callback;
    if (!callback) throw new Error('the SM-DP+ simulator has no callback configured');
    const res = await fetch(`${callback.url}/gsma/rsp2/es2plus/handleDownloadProgressInfo`, {
      method: 'POST',
      signal: AbortSignal.timeout(REPORT_TIMEOUT_MS),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${callback.token}` },
      body: JSON.stringify({
        header: { functionRequesterIdentifier: 'smdp-simulator', functionCallIdentifier: randomUUID() },
        eid: eid ?? '89049032000000000000000000000000',
        iccid,
        profileType: 'cellhub-standard',
        timestamp: new Date().toISOString(),
        notificationPointId: EVENT_POINT[event],
        notificationPointStatus: { status: 'Executed-Success' },
      }),
    });
    if (res.status >= 300) throw new Error(`callback answered ${res.status}: ${await res.text()}`);
    const next = event === 'downloaded' ? this.advance('installed') : null;
    await store.eventReported(this.options.db, iccid, event, EVENT_STATE[event], next);
    if (next) this.timers.later(next.inMs, () => this.events.wake());
  }
}

const ok = (fields: Record<string, unknown>) => ({ header: { functionExecutionStatus: { status: 'Executed-Success' } }, ...fields });
const failed = (subjectCode: string, reasonCode: string, message: string) => ({
  header: { functionExecutionStatus: { status: 'Failed', statusCodeData: { subjectCode, reasonCode, message } } },
});
