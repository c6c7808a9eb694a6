// The operator's work done by a running server, through its /operator API: what the CLI
// uses when that server holds the embedded database. node:http with no kept-alive
// connection (fetch keeps its socket open seconds after the answer, and the process
// with it), nothing else loaded, so a command against a running server is quick.
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { ApiError, type ErrorType } from '../http/errors.ts';
import type { IngestResult } from '../domain/usage/ingest.service.ts';
import { OperatorUnreachable, type ConnectSettingsJson, type CustomerJson, type ExchangeRateJson, type Operator, type WebhookEvents } from './operator.ts';

/** Largest page the operator API gives. */
const PAGE = 100;
/** Whole lists, as the in-process operator prints them. */
const ALL = 1000;

type Query = Record<string, string | number | undefined>;

export function remoteOperator(baseUrl: string, token: string): Operator {
  const base = baseUrl.replace(/\/+$/, '') + '/operator';

  async function call<T>(method: string, path: string, options: { query?: Query; body?: unknown; signal?: AbortSignal } = {}): Promise<{ status: number; data: T }> {
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    let response: { status: number; text: string };
    try {
      response = await send(
        url,
        {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }) },
        },
        body,
        options.signal,
      );
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new OperatorUnreachable(`the cellhub server at ${baseUrl} does not answer (${(error as Error).message})`);
    }
    const { text } = response;
    const data = text ? parsed(text, response.status) : undefined;
    if (response.status === 401) {
      throw new Error(`the cellhub server at ${baseUrl} refused the operator token; set OPERATOR_TOKEN to the one it was started with`);
    }
    if (response.status >= 400) {
      if (data && typeof data.type === 'string' && Array.isArray(data.messages)) throw new ApiError(data.type as ErrorType, data.messages, {}, response.status);
      const failure = `the cellhub server at ${baseUrl} answered ${response.status}: ${text.slice(0, 200)}`;
      throw response.status >= 500 ? new OperatorUnreachable(failure) : new Error(failure);
    }
    return { status: response.status, data: data as T };
  }
  const get = async <T>(path: string, query?: Query) => (await call<T>('GET', path, { query })).data;
  const post = async <T>(path: string, body?: unknown) => (await call<T>('POST', path, { body: body ?? {} })).data;
  /** Walks a cursor-paged list to its end, or to `max` items. */
  async function all<T>(path: string, query: Query = {}, max = ALL): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await get<{ items: T[]; next_cursor: string | null }>(path, { ...query, limit: Math.min(PAGE, max - items.length), cursor });
      items.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor && items.length < max);
    return items;
  }
  const org = (id: string) => `/organizations/${encodeURIComponent(id)}`;

  return {
    where: baseUrl,
    demo: () => post('/demo'),

    createOrganization: (body) => post('/organizations', body),
    invitePerson: (body) => post('/people', body),
    listPeople: (q) => all('/people', { organization_id: q.organization_id }, q.limit),
    listOrganizations: () => all('/organizations'),
    setLicences: async (id, licences) => (await call<never>('PUT', `${org(id)}/licences`, { body: { licences } })).data,

    createClient: (id, body) => post(`${org(id)}/clients`, body),
    listClients: (id) => get(`${org(id)}/clients`),
    // 1000: the most the route lists at once.
    listCustomers: async (id) => (await get<{ items: CustomerJson[] }>(`${org(id)}/customers`, { limit: 1000 })).items,
    rotateClientSecret: (id, clientId) => post(`${org(id)}/clients/${encodeURIComponent(clientId)}/rotate-secret`, {}),
    disableClient: async (id, clientId) => void (await call('DELETE', `${org(id)}/clients/${encodeURIComponent(clientId)}`)),

    connectSettings: async (id, changes) =>
      changes?.topup_requires_country_code === undefined
        ? get<ConnectSettingsJson>(`${org(id)}/connect-settings`)
        : (await call<ConnectSettingsJson>('PATCH', `${org(id)}/connect-settings`, { body: changes })).data,

    listExchangeRates: async () => (await get<{ items: ExchangeRateJson[] }>('/exchange-rates')).items,
    setExchangeRate: async (from, to, rate) =>
      (await call<ExchangeRateJson>('PUT', `/exchange-rates/${encodeURIComponent(from)}/${encodeURIComponent(to)}`, { body: { rate } })).data,
    removeExchangeRate: async (from, to) => void (await call('DELETE', `/exchange-rates/${encodeURIComponent(from)}/${encodeURIComponent(to)}`)),

    createAccount: (id, body) => post(`${org(id)}/accounts`, body),
    listAccounts: (id) => all(`${org(id)}/accounts`),
    createOffering: (id, body) => post(`${org(id)}/offerings`, body),
    listOfferings: (id) => all(`${org(id)}/offerings`),
    createTemplate: (id, body) => post(`${org(id)}/order-templates`, body),
    listTemplates: (id) => all(`${org(id)}/order-templates`),

    importSims: (simType, iccids) => post('/sims', { sim_type: simType, iccids }),
    simEvent: (iccid, body) => post(`/sims/${encodeURIComponent(iccid)}/events`, body),
    simSummary: () => get('/sims/summary'),
    createPool: (body) => post('/number-pools', body),
    importNumbers: (pool, msisdns) => post(`/number-pools/${encodeURIComponent(pool)}/numbers`, { msisdns }),
    listPools: () => get('/number-pools'),

    addSender: async (id, msisdn) => {
      const { status, data } = await call<{ msisdn: string }>('POST', `${org(id)}/sms-senders`, { body: { msisdn } });
      return { msisdn: data.msisdn, added: status === 201 };
    },
    removeSender: async (id, msisdn) => void (await call('DELETE', `${org(id)}/sms-senders/${encodeURIComponent(msisdn)}`)),
    listSenders: (id) => get(`${org(id)}/sms-senders`),

    listOrders: (q) => all('/orders', { status: q.status, organization_id: q.organization_id }, q.limit),
    retryOrder: (id) => post(`/orders/${encodeURIComponent(id)}/retry`),
    listMail: (q) => all('/mail', { state: q.state }, q.limit),
    showMail: (id) => get(`/mail/${encodeURIComponent(id)}`),

    listDeliveries: (q) => all('/webhooks/deliveries', { status: q.status, organization_id: q.organization_id }, q.limit),
    showDelivery: (id) => get(`/webhooks/deliveries/${encodeURIComponent(id)}`),
    redeliver: (id) => post(`/webhooks/deliveries/${encodeURIComponent(id)}/redeliver`),
    webhookSecret: (id, rotate) => (rotate ? post(`${org(id)}/webhook-secret/rotate`) : get(`${org(id)}/webhook-secret`)),
    webhookEvents: async (id, query, signal) => (await call<WebhookEvents>('GET', `${org(id)}/webhook-events`, { query, signal })).data,

    advanceSandbox: (id, seconds) => post(`${org(id)}/sandbox/advance`, { seconds }),
    rotateSigningKey: () => post('/signing-keys'),

    ingestUsage: (records) => post<IngestResult>('/usage/records', { records }),
    activeLines: (id) => get('/usage/lines', { organization_id: id }),

    close: async () => {},
  };
}

/** The answer's JSON; a failure's body may be a proxy's page instead. */
function parsed(text: string, status: number): ReturnType<typeof JSON.parse> {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (status >= 400) return undefined;
    throw error;
  }
}

/** One request on a connection of its own, closed after the answer (or when `signal` aborts). */
async function send(url: URL, options: RequestOptions, body?: string, signal?: AbortSignal): Promise<{ status: number; text: string }> {
  const request = url.protocol === 'https:' ? (await import('node:https')).request : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { ...options, agent: false, signal }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
