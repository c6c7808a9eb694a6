// Deprecated URLs the provider's pages still print, served as aliases of the current
// routes: the OpenAPI document marks them `deprecated`, and every answer carries
// `Deprecation: true` and a `Link` to the current URL, rel="successor-version"
// (RFC 9745, RFC 8594 §3 for the link relation).
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

/** The current URL (path and query) of a request made on a deprecated one. */
export type Successor = (request: FastifyRequest) => string;

export function deprecationHeaders(publicUrl: string, successor: Successor) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    reply.header('deprecation', 'true');
    reply.header('link', `<${new URL(successor(request), publicUrl).toString()}>; rel="successor-version"`);
    return payload;
  };
}

/** Marks a route being added (in an onRoute hook) as a deprecated alias of `successor`. */
export function deprecateRoute(route: RouteOptions, publicUrl: string, successor: Successor): void {
  route.schema = { ...route.schema, deprecated: true };
  const existing = route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend];
  route.onSend = [...existing, deprecationHeaders(publicUrl, successor)] as RouteOptions['onSend'];
}
