// Statements on the hot paths, built once and prepared once per connection. drizzle
// assembles a statement's text on every call, which costs more than the database
// takes to run a small one; here the text is built the first time (placeholders stand
// for the values) and sent by name, so PostgreSQL parses and plans it once per
// connection too. PGlite runs the same text.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './database.ts';

const dialect = new PgDialect();
// A connection knows a prepared statement by its name alone: two texts under one name would collide.
const names = new Set<string>();

export type Statement<Row, Parts extends unknown[] = []> = (db: Executor, values: Record<string, unknown>, ...parts: Parts) => Promise<Row[]>;

/**
 * A named statement. `build` gives its SQL, with `sql.placeholder(name)` for each
 * value; it runs once, so `parts` (SQL from elsewhere, such as a job's insert) must be
 * the same on every call.
 */
export function statement<Row, Parts extends unknown[] = []>(name: string, build: (...parts: Parts) => SQL): Statement<Row, Parts> {
  if (names.has(name)) throw new Error(`a statement named ${name} exists already`);
  names.add(name);
  let query: ReturnType<PgDialect['sqlToQuery']> | undefined;
  return async (db, values, ...parts) => {
    query ??= dialect.sqlToQuery(build(...parts));
    const result = await db._.session.prepareQuery(query, undefined, name, false).execute(values);
    return (result as { rows: Row[] }).rows;
  };
}

/** Runs a statement's text as given (`$1`… and their values), such as one pg-boss wrote. */
export async function runText<Row>(db: Executor, text: string, values: unknown[]): Promise<Row[]> {
  // An undefined value (pg-boss leaves optional ones out) is sent as NULL.
  const params = values.map((value) => value ?? null);
  const result = await db._.session.prepareQuery({ sql: text, params }, undefined, undefined, false).execute();
  return (result as { rows: Row[] }).rows;
}

/** A table's columns as `column AS "key"`, for the RETURNING of a statement read with rowOf. */
export function columnsOf(table: PgTable): SQL {
  return sql.join(
    Object.entries(getTableColumns(table)).map(([key, column]) => sql`${column} AS ${sql.identifier(key)}`),
    sql`, `,
  );
}

/** A row returned through columnsOf, each value as its drizzle column gives it (timestamps as Date). */
export function rowOf<T extends PgTable>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[key];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row;
}
