// `cellhub listen`: follows an organization's webhook events as cellhub makes them, and
// forwards each to a URL of the developer's choosing (a receiver on this machine), so a
// receiver can be written and debugged without being reachable from the server. Each
// event is forwarded with the body the real delivery carries and signed the same way
// (network/webhooks/signing.ts, with the organization's own whsec_ secret), so the
// receiver's verification works unchanged. The real delivery still goes where the
// organization registered; listening changes nothing on the server.
//
// Events come from the operator API's long poll (Operator.webhookEvents), followed by id.
// An event whose transaction commits after a later one's sorts before the cursor when it
// appears, so now and then the last minute is asked again and ids already seen dropped.
// A server that stops answering is asked again with a growing pause; the address is the
// developer's own choice, so forwarding has no outbound guard.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { apiErrorOf } from '../http/errors.ts';
import { idFloor, idTime } from '../domain/ids.ts';
import { WebhookSigner } from '../network/webhooks/signing.ts';
import { OperatorUnreachable, type Operator, type WebhookEventJson } from './operator.ts';

export interface ListenOptions {
  organizationId: string;
  /** Where each event is posted; absent, events are only printed. */
  forwardTo?: URL;
  /** Only these event types (all when absent). */
  eventTypes?: Set<string>;
  /** One JSON object a line instead of a readable line. */
  json: boolean;
  /** Where each event's line goes (stdout). */
  print: (line: string) => void;
  /** Where notices go (stderr). */
  notice: (line: string) => void;
  /** Stops listening (Ctrl-C). */
  signal: AbortSignal;
  /** Longest a poll is held by the server (seconds). */
  waitSeconds?: number;
  /** Longest the receiver may take to answer. */
  forwardTimeoutMs?: number;
}

export interface ListenSummary {
  events: number;
  forwarded: number;
  failed: number;
}

export interface Forwarded {
  url: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

const PAGE = 100;
const WAIT_SECONDS = 20;
/** A poll not answered this long after its wait ends is given up. */
const POLL_GRACE_MS = 15_000;
/** Events committed this late after they were made are still found. */
const LATE_WINDOW_MS = 60_000;
/** How often that window is asked again while events flow. */
const RECHECK_EVERY_MS = 5_000;
/** A secret is kept this long, as the dispatcher keeps it: a rotated one signs within 10 s. */
const SECRET_TTL_MS = 10_000;
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

export async function listenForEvents(operator: Operator, options: ListenOptions): Promise<ListenSummary> {
  const { organizationId: org, signal } = options;
  const wait = options.waitSeconds ?? WAIT_SECONDS;
  const summary: ListenSummary = { events: 0, forwarded: 0, failed: 0 };
  const signer = new WebhookSigner();
  const agent = options.forwardTo?.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  let secret: { value: string; at: number } | undefined;
  const secretNow = async () => {
    if (!secret || Date.now() - secret.at >= SECRET_TTL_MS) secret = { value: (await operator.webhookSecret(org, false)).secret, at: Date.now() };
    return secret.value;
  };
  const poll = (after: string | undefined, seconds: number) =>
    operator.webhookEvents(org, { after, wait: seconds, limit: PAGE }, AbortSignal.any([signal, AbortSignal.timeout(seconds * 1000 + POLL_GRACE_MS)]));

  // Ids seen lately (with their time), so that asking again forwards nothing twice.
  const seen = new Map<string, number>();
  const handle = async (event: WebhookEventJson) => {
    if (seen.has(event.id) || signal.aborted) return;
    seen.set(event.id, idTime('webhook', event.id));
    if (options.eventTypes && !options.eventTypes.has(event.event_type)) return;
    summary.events++;
    let forwarded: Forwarded | undefined;
    if (options.forwardTo) {
      const headers = signer.headers({ id: event.id, body: event.body, secret: await secretNow() });
      forwarded = await forward(options.forwardTo, event.body, headers, agent, options.forwardTimeoutMs ?? 10_000, signal);
      if (forwarded.error === null && forwarded.status_code! < 300) summary.forwarded++;
      else summary.failed++;
    }
    options.print(options.json ? JSON.stringify(eventLine(event, forwarded)) : readableLine(event, forwarded));
  };

  try {
    // Checks the organization and the token, and that events can be signed, before following.
    if (options.forwardTo) await secretNow();
    const start = (await poll(undefined, 0)).next_cursor;
    const startTime = idTime('webhook', start);
    options.notice(
      `Ready: following the webhook events of ${org} (${operator.where}), ${options.forwardTo ? `forwarding each to ${options.forwardTo.href}, signed with the organization's whsec_ secret` : 'printing each'}; Ctrl-C to stop.`,
    );
    let newest = start;
    let recheckedAt = Date.now();
    /** Asks again for the last minute's events: a transaction that committed late may hold some. */
    const recheck = async () => {
      const since = Math.max(startTime, idTime('webhook', newest) - LATE_WINDOW_MS);
      for (let after = idFloor('webhook', new Date(since)); ;) {
        const page = await poll(after, 0);
        for (const event of page.items) await handle(event);
        if (page.items.length < PAGE) break;
        after = page.next_cursor;
      }
      for (const [id, at] of seen) if (at < since) seen.delete(id);
      recheckedAt = Date.now();
    };

    let pause = RETRY_FIRST_MS;
    while (!signal.aborted) {
      try {
        const page = await poll(newest, wait);
        for (const event of page.items) await handle(event);
        if (page.items.length > 0 && page.next_cursor > newest) newest = page.next_cursor;
        if (page.items.length === 0 || Date.now() - recheckedAt >= RECHECK_EVERY_MS) await recheck();
        pause = RETRY_FIRST_MS;
      } catch (error) {
        if (signal.aborted) break;
        if (!worthRetrying(error)) throw error;
        options.notice(`cellhub listen: ${error instanceof Error ? error.message : String(error)}; asking again in ${pause / 1000} s`);
        await sleep(pause, undefined, { signal }).catch(() => {});
        pause = Math.min(pause * 2, RETRY_MAX_MS);
      }
    }
  } finally {
    agent.destroy();
  }
  options.notice(`Stopped: ${summary.events} event${summary.events === 1 ? '' : 's'}${options.forwardTo ? `, ${summary.forwarded} forwarded, ${summary.failed} not` : ''}.`);
  return summary;
}

/** A server down or restarting, or a poll lost on the way: asked again. A refusal (unknown organization, wrong token) is not. */
function worthRetrying(error: unknown): boolean {
  if (error instanceof OperatorUnreachable) return true;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return true;
  return (apiErrorOf(error)?.status ?? 0) >= 500;
}

/** Posts the event to the receiver, as the dispatcher would; answers what the receiver said. */
async function forward(url: URL, body: string, signature: Record<string, string>, agent: HttpAgent, timeoutMs: number, stop: AbortSignal): Promise<Forwarded> {
  const started = performance.now();
  const outcome = (status: number | null, error: string | null): Forwarded => ({ url: url.href, status_code: status, error, duration_ms: Math.round(performance.now() - started) });
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        signal: AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]),
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'cellhub-listen', ...signature },
      },
      (res: IncomingMessage) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          resolve(outcome(status, status >= 200 && status < 300 ? null : `HTTP ${status}`));
        });
        res.on('error', (error) => resolve(outcome(res.statusCode ?? null, error.message)));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      const timedOut = error.name === 'AbortError' && !stop.aborted;
      resolve(outcome(null, timedOut ? `no answer within ${timeoutMs} ms` : (error.code ?? error.message)));
    });
    req.end(body);
  });
}

function eventLine(event: WebhookEventJson, forwarded?: Forwarded) {
  return {
    id: event.id,
    event_type: event.event_type,
    created_at: event.created_at,
    correlation_id: event.correlation_id,
    payload: JSON.parse(event.body) as unknown,
    forwarded: forwarded ?? null,
  };
}

function readableLine(event: WebhookEventJson, forwarded?: Forwarded): string {
  const head = `${event.created_at}  ${event.event_type.padEnd(16)}  ${event.id}`;
  if (!forwarded) return head;
  const answer = forwarded.status_code === null ? `failed: ${forwarded.error}` : String(forwarded.status_code);
  return `${head}  -> ${answer} (${forwarded.duration_ms} ms)`;
}
