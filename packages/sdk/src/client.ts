// The client: openapi-fetch over the generated path types, on the SDK's transport
// (tokens, Idempotency-Key, retries), with methods that answer the data or throw a
// CellhubError, and async iterators over lists of either family.
import createClient, { type Client, type FetchResponse, type MaybeOptionalInit } from 'openapi-fetch';
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import type { paths } from './schema.d.ts';
import { dataOf } from './errors.ts';
import { walkPages, type Page } from './pages.ts';
import { DEFAULT_RETRY, type RetryOptions } from './retry.ts';
import { ClientCredentials, staticToken, type Credentials, type TokenSource } from './tokens.ts';
import { transport, type Fetch } from './transport.ts';

export interface CellhubOptions {
  /** The server's root, e.g. `https://cellhub.example.com` (the API paths are appended). */
  baseUrl: string;
  /** An API client's id and secret: tokens are fetched and renewed as needed. */
  credentials?: Credentials;
  /** A fixed bearer token (the operator API's). */
  bearer?: string;
  /** Any other source of tokens. */
  tokens?: TokenSource;
  /** An Idempotency-Key on every POST that has none (default true). */
  idempotencyKeys?: boolean;
  retry?: RetryOptions;
  /** Each attempt is abandoned after this long (default 30 000 ms; 0: never). */
  timeoutMs?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  fetch?: Fetch;
}

// The init argument of a path's operation: optional exactly when nothing in it is required (as openapi-fetch's).
type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- openapi-fetch's own constraint on an operation
type Operation<P extends keyof paths, M extends HttpMethod> = paths[P][M & keyof paths[P]] & Record<string | number, any>;
/** What a successful call answers. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no init, as openapi-fetch's default
export type DataOf<P extends keyof paths, M extends HttpMethod, Init = {}> = Extract<FetchResponse<Operation<P, M>, Init, MediaType>, { data: unknown }>['data'];
/** An item of a list: an element of a Connect array, or of a HAL list's `_embedded` array. */
export type ItemOf<D> = D extends readonly (infer I)[] ? I : D extends { _embedded: infer E } ? (E[keyof E] extends readonly (infer I)[] ? I : never) : never;

type Call<M extends HttpMethod> = <P extends PathsWithMethod<paths, M>, Init extends MaybeOptionalInit<paths[P], M>>(
  path: P,
  ...init: InitParam<Init>
) => Promise<DataOf<P, M, Init>>;

type List = <P extends PathsWithMethod<paths, 'get'>, Init extends MaybeOptionalInit<paths[P], 'get'>>(
  path: P,
  ...init: InitParam<Init>
) => AsyncGenerator<ItemOf<DataOf<P, 'get', Init>>>;

type Pages = <P extends PathsWithMethod<paths, 'get'>, Init extends MaybeOptionalInit<paths[P], 'get'>>(
  path: P,
  ...init: InitParam<Init>
) => AsyncGenerator<Page<ItemOf<DataOf<P, 'get', Init>>>>;

export interface Cellhub {
  get: Call<'get'>;
  post: Call<'post'>;
  put: Call<'put'>;
  patch: Call<'patch'>;
  delete: Call<'delete'>;
  /** Every page of a list, following HAL `next` links or Connect's X-Next-Page. */
  pages: Pages;
  /** Every item of a list, page after page. */
  items: List;
  /** The openapi-fetch client on the same transport: answers `{data, error, response}` and throws nothing. */
  raw: Client<paths>;
  tokens?: TokenSource;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function createCellhub(options: CellhubOptions): Cellhub {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const tokens = tokenSource(options, transport({ baseUrl, fetch, retry, timeoutMs, alwaysRepeatable: true }));
  const raw = createClient<paths>({
    baseUrl,
    headers: options.headers,
    fetch: transport({ baseUrl, fetch, retry, timeoutMs, tokens, idempotencyKeys: options.idempotencyKeys ?? true }),
  });

  const call = <M extends HttpMethod>(method: M) => (async (path: string, init?: object) => dataOf(await raw.request(method, path as never, init as never))) as unknown as Call<M>;

  const pages = ((path: string, init: { middleware?: unknown[] } = {}) => {
    const get = (extra: object = {}) => raw.request('get', path as never, { ...init, ...extra } as never);
    // A later page is the same request (headers such as Prefer included) sent to the next page's URL.
    const at = (url: string) =>
      get({
        middleware: [
          ...(init.middleware ?? []),
          { onRequest: ({ request }: { request: Request }) => new Request(url, { method: 'GET', headers: request.headers, signal: request.signal }) },
        ],
      });
    return walkPages(() => get(), at, baseUrl);
  }) as unknown as Pages;

  const items = async function* (path: string, init?: object) {
    for await (const page of (pages as (p: string, i?: object) => AsyncGenerator<Page<unknown>>)(path, init)) yield* page.items;
  } as unknown as List;

  return { get: call('get'), post: call('post'), put: call('put'), patch: call('patch'), delete: call('delete'), pages, items, raw, tokens };
}

function tokenSource(options: CellhubOptions, send: Fetch): TokenSource | undefined {
  const given = [options.credentials, options.bearer, options.tokens].filter((a) => a !== undefined);
  if (given.length > 1) throw new TypeError('give one of credentials, bearer and tokens');
  if (options.credentials) return new ClientCredentials(options.baseUrl.replace(/\/+$/, ''), options.credentials, send);
  if (options.bearer !== undefined) return staticToken(options.bearer);
  return options.tokens;
}
