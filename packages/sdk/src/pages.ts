// Walking a list to its end, whichever family's paging it uses: Enterprise answers HAL
// with `_embedded.<name>[]` and a `_links.next` link holding the next cursor; Connect
// answers a JSON array with the next page's URL in the X-Next-Page header.
import { dataOf } from './errors.ts';

export interface Page<T> {
  items: T[];
  /** The page's HTTP response (its headers: rate limits, correlation id). */
  response: Response;
}

export interface Fetched {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The items of a list body: the array itself (Connect) or the one array under `_embedded` (HAL). */
export function itemsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  const embedded = (data as { _embedded?: Record<string, unknown> } | null)?._embedded;
  const list = embedded && Object.values(embedded).find(Array.isArray);
  if (!list) throw new TypeError('the answer is not a list: neither an array nor a HAL body with an _embedded array');
  return list;
}

/**
 * The next page's URL under `baseUrl`, or undefined on the last page. The server names
 * the page by its own root (a HAL href) or its PUBLIC_URL (X-Next-Page), which may not be
 * the address this client uses; the bearer token only ever goes to `baseUrl`.
 */
export function nextPageUrl(data: unknown, response: Response, baseUrl: string): string | undefined {
  const href = (data as { _links?: { next?: { href?: unknown } } } | null)?._links?.next?.href;
  const next = typeof href === 'string' ? href : response.headers.get('x-next-page');
  if (!next) return undefined;
  const url = new URL(next, baseUrl);
  return `${baseUrl}${url.pathname}${url.search}`;
}

export async function* walkPages(first: () => Promise<Fetched>, at: (url: string) => Promise<Fetched>, baseUrl: string): AsyncGenerator<Page<unknown>> {
  const seen = new Set<string>();
  let fetched = await first();
  for (;;) {
    const data = dataOf(fetched);
    yield { items: itemsOf(data), response: fetched.response };
    const next = nextPageUrl(data, fetched.response, baseUrl);
    if (!next) return;
    // A server that pointed back at a page it already gave would be walked forever.
    if (seen.has(next)) throw new Error(`the server named ${next} as the next page twice`);
    seen.add(next);
    fetched = await at(next);
  }
}
