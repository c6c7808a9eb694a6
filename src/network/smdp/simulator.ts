// An SM-DP+ simulator speaking ES2+ over HTTP on loopback, so the real client is
// exercised end to end. It keeps profiles in memory, answers like an SM-DP+ (including
// refusals), can be told to fail or hang (tests), and reports device events back
// through HandleDownloadProgressInfo, on request or on its own after a delay (demos).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import type { ProfileEvent } from './smdp.ts';

type State = 'Allocated' | 'Confirmed' | 'Released' | 'Downloaded' | 'Installed' | 'Deleted' | 'Available' | 'Unavailable';

interface Profile {
  state: State;
  matchingId?: string;
  eid?: string;
}

export type Fault = 'error' | 'timeout' | 'refuse';

export interface SimulatorOptions {
  /** The address put in activation codes. */
  smdpAddress: string;
  /** Where device events are reported (cellhub's ES2+ callback base URL) and with which bearer token. */
  callback?: { url: string; token: string };
  /** Move a released profile to downloaded, then installed, after this many ms (0: only on request). */
  autoAdvanceMs?: number;
}

const EVENT_POINT: Record<ProfileEvent, number> = { downloaded: 3, installed: 4, deleted: 5 };

export class SmdpSimulator {
  readonly profiles = new Map<string, Profile>();
  private readonly faults: Fault[] = [];
  private server?: Server;
  private timers = new Set<NodeJS.Timeout>();
  calls = 0;

  constructor(private readonly options: SimulatorOptions) {}

  /** The next calls fail this way, one fault per call. */
  inject(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  setCallback(callback: { url: string; token: string }): void {
    this.options.callback = callback;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
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
    const fn = req.url?.split('/').pop();
    const answer = this.execute(fn ?? '', body);
    this.answer(res, answer);
  }

  private execute(fn: string, body: Record<string, unknown>): Record<string, unknown> {
    const iccid = String(body.iccid ?? '');
    if (!/^\d{19,20}$/.test(iccid)) return failed('8.2.1', '2.1', 'ICCID missing or malformed');
    const profile = this.profiles.get(iccid);
    switch (fn) {
      case 'downloadOrder':
        if (profile && profile.state !== 'Available') return failed('8.2.1', '3.3', 'Profile ICCID already in use');
        this.profiles.set(iccid, { state: 'Allocated', eid: body.eid as string | undefined });
        return ok({ iccid });
      case 'confirmOrder': {
        if (!profile || profile.state === 'Available') return failed('8.2.1', '3.9', 'Profile ICCID unknown');
        if (profile.state !== 'Allocated') return ok({ matchingId: profile.matchingId, smdpAddress: this.options.smdpAddress });
        profile.matchingId = randomBytes(10).toString('hex').toUpperCase().match(/.{4}/g)!.join('-');
        profile.state = body.releaseFlag ? 'Released' : 'Confirmed';
        if (body.eid) profile.eid = String(body.eid);
        if (profile.state === 'Released') this.scheduleAdvance(iccid);
        return ok({ matchingId: profile.matchingId, smdpAddress: this.options.smdpAddress, ...(profile.eid ? { eid: profile.eid } : {}) });
      }
      case 'cancelOrder':
        if (!profile) return failed('8.2.1', '3.9', 'Profile ICCID unknown');
        if (profile.state === 'Installed' || profile.state === 'Downloaded') return failed('8.2.1', '3.5', 'Profile already downloaded');
        profile.state = body.finalProfileStatusIndicator === 'Unavailable' ? 'Unavailable' : 'Available';
        delete profile.matchingId;
        return ok({});
      case 'releaseProfile':
        if (!profile || profile.state !== 'Confirmed') return failed('8.2.1', '3.8', 'Profile not in Confirmed state');
        profile.state = 'Released';
        this.scheduleAdvance(iccid);
        return ok({});
      default:
        return failed('1.1', '2.1', `unknown function ${fn}`);
    }
  }

  private answer(res: ServerResponse, body: Record<string, unknown>): void {
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'x-admin-protocol': 'gsma/rsp/v2.2.0' });
    res.end(JSON.stringify(body));
  }

  private scheduleAdvance(iccid: string): void {
    const delay = this.options.autoAdvanceMs ?? 0;
    if (delay <= 0) return;
    const later = (ms: number, event: ProfileEvent) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.report(iccid, event).catch(() => {});
      }, ms);
      timer.unref();
      this.timers.add(timer);
    };
    later(delay, 'downloaded');
    later(delay * 2, 'installed');
  }

  /** A device event on a profile, reported to cellhub as ES2+ HandleDownloadProgressInfo. */
  async report(iccid: string, event: ProfileEvent): Promise<void> {
    const profile = this.profiles.get(iccid);
    if (profile) profile.state = event === 'downloaded' ? 'Downloaded' : event === 'installed' ? 'Installed' : 'Deleted';
    const callback = this.options.callback;
    if (!callback) throw new Error('the SM-DP+ simulator has no callback configured');
    const res = await fetch(`${callback.url}/gsma/rsp2/es2plus/handleDownloadProgressInfo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${callback.token}` },
      body: JSON.stringify({
        header: { functionRequesterIdentifier: 'smdp-simulator', functionCallIdentifier: randomUUID() },
        eid: profile?.eid ?? '89049032000000000000000000000000',
        iccid,
        profileType: 'cellhub-standard',
        timestamp: new Date().toISOString(),
        notificationPointId: EVENT_POINT[event],
        notificationPointStatus: { status: 'Executed-Success' },
      }),
    });
    if (res.status >= 300) throw new Error(`callback answered ${res.status}: ${await res.text()}`);
  }
}

const ok = (fields: Record<string, unknown>) => ({ header: { functionExecutionStatus: { status: 'Executed-Success' } }, ...fields });
const failed = (subjectCode: string, reasonCode: string, message: string) => ({
  header: { functionExecutionStatus: { status: 'Failed', statusCodeData: { subjectCode, reasonCode, message } } },
});
