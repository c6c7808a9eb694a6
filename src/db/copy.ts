// COPY … FROM STDIN: the way PostgreSQL takes many rows fastest (no statement to parse,
// no parameters to decode, rows streamed as text). Only a PostgreSQL connection has it:
// PGlite has no COPY from a client stream, so callers keep a statement for it.
import pg from 'pg';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { Executor } from './database.ts';

/** The PostgreSQL connection `db` runs on, when it is one connection (a transaction's); else undefined. */
export function connectionOf(db: Executor): pg.Client | undefined {
  const client = (db._.session as unknown as { client?: unknown }).client;
  return client instanceof pg.Client ? client : undefined;
}

export type CopyValue = string | number | bigint | boolean | Date | null | undefined;

/** Rows sent per chunk of the stream: big enough to keep the socket busy, small enough to stream. */
const ROWS_PER_CHUNK = 1_000;

/**
 * Copies `rows` (values in `columns` order; null, string, number, boolean or Date) into
 * `table` through `client`. Fails as an INSERT would (a unique violation included), so a
 * savepoint around it can undo it.
 */
export async function copyRows(client: pg.Client, table: string, columns: string[], rows: CopyValue[][]): Promise<void> {
  const chunks = function* () {
    for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) {
      let text = '';
      for (const row of rows.slice(i, i + ROWS_PER_CHUNK)) text += row.map(copyText).join('\t') + '\n';
      yield text;
    }
  };
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}

/** A value in COPY's text format: \N for null, and backslash, tab, newline and carriage return escaped. */
export function copyText(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = typeof value === 'string' ? value : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : text;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
