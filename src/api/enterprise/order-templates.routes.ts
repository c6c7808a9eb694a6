import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { paginate } from '../../http/cursor.ts';
import { HalList, halList, Link, link, ListQuery } from '../../http/hal.ts';
import { errorResponses } from '../../http/schemas.ts';
import { getTemplate, listTemplates, type OrderTemplate } from '../../domain/catalog/templates.service.ts';
import { getById } from './get-by-id.ts';

const ProductOfferingBody = Type.Object({ id: Type.String(), type: Type.String(), name: Type.String() });

const OrderTemplateBody = Type.Object(
  {
    id: Type.String(),
    type: Type.String(),
    description: Type.String(),
    products: Type.Array(Type.Object({ _embedded: Type.Object({ 'product-offering': ProductOfferingBody }) })),
    _links: Type.Object({ self: Link }),
  },
  {
    examples: [
      {
        id: 'otpl_A00ABCDRT1F00AVRPTAQ5XQFUT',
        type: 'activate_subscription',
        description: 'UK employee: unlimited calls and texts, 20 GB',
        products: [
          { _embedded: { 'product-offering': { id: 'prodoff_01J00000000000000000000001', type: 'plan', name: 'UK Unlimited 20 GB' } } },
          { _embedded: { 'product-offering': { id: 'prodoff_01J00000000000000000000002', type: 'add_on', name: 'EU Roaming 5 GB' } } },
        ],
        _links: { self: { href: '/enterprise/order-templates/otpl_A00ABCDRT1F00AVRPTAQ5XQFUT' } },
      },
    ],
  },
);

const representTemplate = (t: OrderTemplate) => ({
  id: t.id,
  type: t.type,
  description: t.description,
  products: t.offerings.map(({ id, type, name }) => ({ _embedded: { 'product-offering': { id, type, name } } })),
  _links: { self: link(`/enterprise/order-templates/${t.id}`) },
});

export function orderTemplateRoutes(platform: Platform) {
  return async (app: App) => {
    app.get(
      '/order-templates',
      {
        schema: {
          tags: ['order templates'],
          summary: 'List order templates',
          description:
            'The order templates the organization may order from (`_embedded["order-templates"]`): each names the account, the plans and add-ons (`_embedded["product-offering"]` `{id, type: plan or add_on, name}`) and the number pool a new subscription gets. Needs the order_templates licence.',
          querystring: Type.Object(ListQuery),
          response: { 200: HalList('order-templates', OrderTemplateBody), ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request) => {
        const org = principalOf(request).organizationId;
        const page = await paginate(request.query, {}, (after, rows) => listTemplates(platform.db, org, after, rows));
        return halList(request, 'order-templates', page, representTemplate);
      },
    );

    getById(app, {
      path: '/order-templates',
      kind: 'orderTemplate',
      what: 'order template',
      tag: 'order templates',
      summary: 'Get an order template',
      description: 'One order template (`otpl_` + ULID) with its product offerings.',
      body: OrderTemplateBody,
      find: (org, id) => getTemplate(platform.db, org, id),
      represent: representTemplate,
    });
  };
}
