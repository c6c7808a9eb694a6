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

/** How an expensive list reads its page (see the tenant gate). */
export interface PageReading {
  /**
   * At most so many rows per statement: the page is read in several statements, each
   * continuing after the last, so that none holds the embedded database (and with it the
   * event loop) for long. Unset: one statement.
   */
  rowsPerStatement?: number;
  /** Waits for a turn of the event loop between reading the page and rendering it. */
  turn?: () => Promise<void>;
}

/**
 * Runs a keyset query for one page: `fetch` gets the key to continue after and how many
 * rows to read (one more than the page, to learn whether another page exists).
 */
export async function paginate<T extends { id: string }>(
  query: { limit?: number; cursor?: string },
  filters: Filters,
  fetch: (after: string | undefined, rows: number) => Promise<T[]>,
  reading: PageReading = {},
): Promise<Page<T>> {
  const limit = query.limit ?? 10;
  const after = decodeCursor(query.cursor, filters);
  const slice = reading.rowsPerStatement;
  let rows: T[];
  if (!slice || limit + 1 <= slice) {
    rows = await fetch(after, limit + 1);
  } else {
    rows = [];
    let from = after;
    while (rows.length < limit + 1) {
      const wanted = Math.min(slice, limit + 1 - rows.length);
      const more = await fetch(from, wanted);
      rows.push(...more);
      if (more.length < wanted) break;
      from = more[more.length - 1].id;
    }
  }
  await reading.turn?.();
  return toPage(rows, limit, (row) => row.id, filters);
}
