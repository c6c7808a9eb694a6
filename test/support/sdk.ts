// What the SDK tests share: a harness listening on a real port, Connect resellers, a
// fetch that records what the SDK sent, and a proxy between the SDK and the server that
// can lose an answer, hold it, or answer in the server's place.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Harness } from './harness.ts';
import { createOrganization } from '../../src/domain/organizations/organizations.service.ts';
import { createClient } from '../../src/auth/clients.service.ts';
import { createResellerProduct } from '../../src/domain/catalog/reseller-products.service.ts';

/** The harness's app on a real port; `h.close()` closes it. */
export const listening = (h: Harness) => h.app.listen({ port: 0, host: '127.0.0.1' });

export async function reseller(h: Harness, name = 'Roam Store') {
  const org = await createOrganization(h.platform.db, { name, licences: [] });
  const { client, secret } = await createClient(h.platform.db, org.id, { name: 'shop', family: 'connect', role: 'RESELLER' });
  const product = await createResellerProduct(h.platform.db, org.id, {
    name: 'Europe 1 GB',
    period: 30,
    period_unit: 'DAYS',
    data: { value: 1, units: 'GB' },
    footprint: ['FR', 'DE'],
    region: 'europe',
    pricing: { EUR: 5 },
  });
  return { organizationId: org.id, clientId: client.clientId, secret, productId: product.id };
}

export interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A fetch for the SDK that records every request it sends, then sends it. */
export function recordingFetch(alter: (request: Request, sent: Sent[]) => Request = (r) => r) {
  const sent: Sent[] = [];
  const fetch = async (request: Request) => {
    const outgoing = alter(request, sent);
    sent.push({ method: outgoing.method, url: outgoing.url, headers: Object.fromEntries(outgoing.headers), body: await outgoing.clone().text() });
    return globalThis.fetch(outgoing);
  };
  const grants = () => sent.filter((s) => s.url.endsWith('/openid-connect/token')).map((s) => new URLSearchParams(s.body).get('grant_type'));
  const calls = () => sent.filter((s) => !s.url.endsWith('/openid-connect/token'));
  return { fetch, sent, grants, calls };
}

export interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The server's answer, when the proxy asked it. */
  upstream?: { status: number; headers: Headers };
}

/** pass: forward; drop: forward, then close the connection instead of answering; hold: forward and never answer. */
export type Action = 'pass' | 'drop' | 'hold' | { status: number; headers?: Record<string, string>; body: unknown };

const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export async function faultProxy(upstream: string, decide: (request: Seen, index: number) => Action) {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: Seen = { method: req.method!, url: req.url!, headers: req.headers };
    const action = decide(request, seen.length);
    seen.push(request);
    if (typeof action === 'object') return answer(res, action.status, new Headers({ 'content-type': 'application/json', ...action.headers }), JSON.stringify(action.body));
    const headers = Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)) as [string, string][];
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const reply = await fetch(`${upstream}${req.url}`, { method: req.method, headers, body }).catch(() => undefined);
    if (!reply) return void req.socket.destroy();
    const text = await reply.text();
    request.upstream = { status: reply.status, headers: reply.headers };
    if (action === 'drop') return void req.socket.destroy();
    if (action === 'hold') return;
    answer(res, reply.status, reply.headers, text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url, seen, close };
}

function answer(res: ServerResponse, status: number, headers: Headers, body: string) {
  for (const [name, value] of headers) if (!HOP_BY_HOP.has(name)) res.setHeader(name, value);
  res.statusCode = status;
  res.end(body);
}
