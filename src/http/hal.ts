// HAL (application/hal+json) building blocks for the enterprise family: links, and
// list bodies whose `next` link carries the cursor of the following page.
import type { FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import type { Page } from './cursor.ts';

export const HAL_JSON = 'application/hal+json';

export const Link = Type.Object({ href: Type.String() });
export const link = (href: string) => ({ href });

export const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

/** The request's path and query, with `cursor` replaced (or dropped). */
function hrefWithCursor(request: FastifyRequest, cursor: string | undefined): string {
  const [path, query = ''] = request.url.split('?');
  const params = new URLSearchParams(query);
  params.delete('cursor');
  if (cursor) params.set('cursor', cursor);
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path;
}

export function halList<T, R>(request: FastifyRequest, name: string, page: Page<T>, represent: (item: T) => R) {
  return {
    _links: {
      self: link(request.url),
      ...(page.next ? { next: link(hrefWithCursor(request, page.next)) } : {}),
    },
    _embedded: { [name]: page.items.map(represent) },
  };
}

export function HalList(name: string, item: TSchema) {
  return Type.Object({
    _links: Type.Object({ self: Link, next: Type.Optional(Link) }),
    _embedded: Type.Object({ [name]: Type.Array(item) }),
  });
}

/** limit and cursor, as every enterprise list takes them (seeds 000, 001, 003). */
export const ListQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10, description: 'Page size' })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'Opaque cursor from a `next` link' })),
};
