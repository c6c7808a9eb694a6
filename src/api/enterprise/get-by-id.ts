// `GET {path}/:id`, as every Enterprise resource serves it: one of the organization's
// resources by its prefixed id, represented as its list shows it. A malformed id, or
// another organization's, names no resource here: 404.
import type { TSchema } from 'typebox';
import type { App } from '../../http/app-type.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { IdKind } from '../../domain/ids.ts';
import { IdParams, pathId } from './path-ids.ts';

export interface GetById<Row> {
  /** The collection's path, such as `/accounts`. */
  path: string;
  kind: IdKind;
  /** How a refusal names the resource, when not by its kind (`order template`). */
  what?: string;
  tag: string;
  summary: string;
  description: string;
  body: TSchema;
  /** The organization's resource; throws not_found when it has none by that id. */
  find(organizationId: string, id: string): Promise<Row>;
  represent(row: Row): unknown;
}

export function getById<Row>(app: App, route: GetById<Row>) {
  app.get(
    `${route.path}/:id`,
    {
      schema: {
        tags: [route.tag],
        summary: route.summary,
        description: route.description,
        params: IdParams,
        response: { 200: route.body, ...errorResponses(401, 403, 404, 429) },
      },
    },
    async (request) => {
      const id = pathId(route.kind, request.params.id, route.what);
      return route.represent(await route.find(principalOf(request).organizationId, id));
    },
  );
}
