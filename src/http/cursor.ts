// Opaque keyset cursors. A cursor carries the last key of its page and a fingerprint of
// the filters it was made for, so it cannot be replayed against another query.
import { createHash } from 'node:crypto';
import { invalidParams } from '../domain/errors.ts';

type Filters = Record<string, unknown>;

function fingerprint(filters: Filters): string {
  const canonical = JSON.stringify(
    Object.keys(filters)
      .sort()
      .map((k) => [k, filters[k] ?? null]),
  );
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

export function encodeCursor(lastKey: string, filters: Filters): string {
  return Buffer.from(JSON.stringify({ k: lastKey, f: fingerprint(filters) })).toString('base64url');
}

/** The key to continue after, or undefined for the first page. */
export function decodeCursor(cursor: string | undefined, filters: Filters): string | undefined {
  if (cursor === undefined) return undefined;
  let parsed: { k?: unknown; f?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidParams('cursor: is not a cursor this API issued');
  }
  if (typeof parsed?.k !== 'string' || typeof parsed.f !== 'string') {
    throw invalidParams('cursor: is not a cursor this API issued');
  }
  if (parsed.f !== fingerprint(filters)) {
    throw invalidParams('cursor: was issued for other filters; start again without a cursor');
  }
  return parsed.k;
}

export interface Page<T> {
  items: T[];
  /** The cursor of the next page, present exactly when there is one. */
  next?: string;
}

/** Turns limit+1 fetched rows into a page: the extra row only proves a next page exists. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string, filters: Filters): Page<T> {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  return { items, next: encodeCursor(keyOf(items[items.length - 1]), filters) };
}

/**
 * Runs a keyset query for one page: `fetch` gets the key to continue after and how many
 * rows to read (one more than the page, to learn whether another page exists).
 */
export async function paginate<T extends { id: string }>(
  query: { limit?: number; cursor?: string },
  filters: Filters,
  fetch: (after: string | undefined, rows: number) => Promise<T[]>,
): Promise<Page<T>> {
  const limit = query.limit ?? 10;
  const after = decodeCursor(query.cursor, filters);
  const rows = await fetch(after, limit + 1);
  return toPage(rows, limit, (row) => row.id, filters);
}
