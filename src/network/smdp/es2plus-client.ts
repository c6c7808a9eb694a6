// A GSMA SGP.22 ES2+ client (JSON over HTTPS/HTTP): the operator's side of the
// operator ↔ SM-DP+ interface. Each call carries a request header; each answer's
// functionExecutionStatus says whether it executed.
import { randomUUID } from 'node:crypto';
import { Agent, errors, request } from 'undici';
import { SmdpRefusal, type PreparedProfile, type SmdpAdapter } from './smdp.ts';

interface Es2Response {
  header?: {
    functionExecutionStatus?: {
      status?: string;
      statusCodeData?: { subjectCode?: string; reasonCode?: string; message?: string };
    };
  };
  [field: string]: unknown;
}

const isTimeout = (error: unknown) => error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError;

/** Subject 8.2.1 (Profile ICCID), reason 3.3 (already in use): an earlier DownloadOrder of ours took it. */
const ALREADY_IN_USE = (e: SmdpRefusal) => e.subjectCode === '8.2.1' && e.reasonCode === '3.3';

export class Es2PlusClient implements SmdpAdapter {
  constructor(
    private readonly baseUrl: string,
    private readonly requesterId: string,
    private readonly timeoutMs = 5_000,
  ) {}

  // undici's request rather than fetch: an ES2+ call costs a fifth of the CPU, and
  // fulfilment makes two per eSIM.
  private readonly agent = new Agent({ keepAliveTimeout: 10_000 });

  private async call(fn: string, body: Record<string, unknown>): Promise<Es2Response> {
    const res = await request(`${this.baseUrl}/gsma/rsp2/es2plus/${fn}`, {
      method: 'POST',
      dispatcher: this.agent,
      headers: { 'content-type': 'application/json;charset=UTF-8', 'x-admin-protocol': 'gsma/rsp/v2.2.0' },
      body: JSON.stringify({
        header: { functionRequesterIdentifier: this.requesterId, functionCallIdentifier: randomUUID() },
        ...body,
      }),
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    }).catch((error: unknown) => {
      if (isTimeout(error)) throw new Error(`SM-DP+ did not answer ${fn} in time`);
      throw error;
    });
    if (res.statusCode >= 500) {
      await res.body.dump();
      throw new Error(`SM-DP+ ${fn}: HTTP ${res.statusCode}`);
    }
    const answer = (await res.body.json().catch(() => ({}))) as Es2Response;
    const status = answer.header?.functionExecutionStatus;
    if (status?.status?.startsWith('Executed')) return answer;
    const code = status?.statusCodeData ?? {};
    throw new SmdpRefusal(code.subjectCode ?? '?', code.reasonCode ?? '?', code.message ?? `${fn} failed (HTTP ${res.statusCode})`);
  }

  async prepareProfile(iccid: string, eid?: string | null, { release = true } = {}): Promise<PreparedProfile> {
    try {
      await this.call('downloadOrder', { iccid, ...(eid ? { eid } : {}) });
    } catch (error) {
      // A retried job finds its own earlier order: carry on to confirm it.
      if (!(error instanceof SmdpRefusal && ALREADY_IN_USE(error))) throw error;
    }
    const confirmed = await this.call('confirmOrder', { iccid, ...(eid ? { eid } : {}), releaseFlag: release });
    return { matchingId: String(confirmed.matchingId), smdpAddress: String(confirmed.smdpAddress) };
  }

  async releaseProfile(iccid: string): Promise<void> {
    await this.call('releaseProfile', { iccid });
  }

  /** Closes the kept-alive connections. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  async cancelProfile(iccid: string, final: 'Available' | 'Unavailable'): Promise<void> {
    await this.call('cancelOrder', { iccid, finalProfileStatusIndicator: final });
  }
}
