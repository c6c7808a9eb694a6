// Connect lists (contract §3) and their date filters: plain JSON arrays, `page` from 1 and `size` (or its
// alias `page_size`), with the neighbouring pages' URLs in X-Next-Page and
// X-Previous-Page when they exist.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalidParams } from '../../domain/errors.ts';
import { sendSerialized, serialized } from '../../http/serialized.ts';

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'From 1' })),
  size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Alias of size' })),
};

export interface Paging {
  page: number;
  size: number;
  offset: number;
}

export function pagingOf(query: { page?: number; size?: number; page_size?: number }, defaultSize: number): Paging {
  if (query.size !== undefined && query.page_size !== undefined && query.size !== query.page_size) {
    throw invalidParams('size: and page_size name the same thing; give one');
  }
  const page = query.page ?? 1;
  const size = query.size ?? query.page_size ?? defaultSize;
  return { page, size, offset: (page - 1) * size };
}

/** Answers one page; `rows` holds up to size + 1 items, the extra one telling that a next page exists. */
export function sendPage<T, R>(request: FastifyRequest, reply: FastifyReply, publicUrl: string, paging: Paging, rows: T[], represent: (item: T) => R): R[] {
  linkPages(request, reply, publicUrl, paging, rows.length);
  return rows.slice(0, paging.size).map(represent);
}

/** A page as its answer's bytes, serialized once (by the route's response schema) to be sent many times. */
export interface SerializedPage {
  /** The rows read: up to size + 1, the extra one telling that a next page exists. */
  rows: number;
  json: Buffer;
}

export function serializePage<R>(reply: FastifyReply, paging: Paging, rows: R[]): SerializedPage {
  return { rows: rows.length, json: serialized(reply, rows.slice(0, paging.size)) };
}

/** Answers a serialized page as sendPage answers its rows: JSON text is sent as it is. */
export function sendSerializedPage(request: FastifyRequest, reply: FastifyReply, publicUrl: string, paging: Paging, page: SerializedPage): FastifyReply {
  linkPages(request, reply, publicUrl, paging, page.rows);
  return sendSerialized(reply, page.json);
}

/** The neighbouring pages' URLs, in X-Next-Page and X-Previous-Page when they exist. */
function linkPages(request: FastifyRequest, reply: FastifyReply, publicUrl: string, paging: Paging, rows: number): void {
  const pageUrl = (page: number) => {
    // Built only for a neighbouring page: most answers have none, and a URL costs a hot read.
    const url = new URL(request.url, publicUrl);
    url.searchParams.set('page', String(page));
    return url.toString();
  };
  if (rows > paging.size) reply.header('x-next-page', pageUrl(paging.page + 1));
  if (paging.page > 1) reply.header('x-previous-page', pageUrl(paging.page - 1));
}

const EARLIEST_YEAR = 1970;
const LATEST_YEAR = 9999;

/**
 * A date filter: a day (YYYY-MM-DD) or an instant. With `endOfDay`, a day bound takes
 * in the whole day (it becomes the next day's start, exclusive).
 */
export function dateQuery(value: string | undefined, field: string, endOfDay = false): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalidParams(`${field}: must be a date (YYYY-MM-DD) or a date-time`);
  // JavaScript takes years from -271821 to 275760; PostgreSQL and any real filter do not.
  const year = date.getUTCFullYear();
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) throw invalidParams(`${field}: must lie between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`);
  if (endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(value)) date.setUTCDate(date.getUTCDate() + 1);
  return date;
}
