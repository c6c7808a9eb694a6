import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { paginate } from '../../http/cursor.ts';
import { HalList, halList, iso, Link, link, ListQuery } from '../../http/hal.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';
import { idPattern } from '../../domain/ids.ts';
import { getProduct, listProducts, PRODUCT_STATUSES, type Product } from '../../domain/catalog/products.service.ts';
import { getById } from './get-by-id.ts';

const ProductBody = Type.Object(
  {
    id: Type.String(),
    status: Type.String(),
    activated_at: Type.String(),
    terminates_at: Nullable(Type.String()),
    _links: Type.Object({ self: Link, subscription: Link, account: Link }),
  },
  {
    examples: [
      {
        id: 'prod_01J00000000000000000000003',
        status: 'active',
        activated_at: '2026-09-01T08:31:00.000Z',
        terminates_at: null,
        _links: {
          self: { href: '/enterprise/products/prod_01J00000000000000000000003' },
          subscription: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB' },
          account: { href: '/enterprise/accounts/acc_01HTQ8VBN4DEJP5S8BPV4657VG' },
        },
      },
    ],
  },
);

const representProduct = (p: Product) => ({
  id: p.id,
  status: p.status,
  activated_at: p.activatedAt.toISOString(),
  terminates_at: iso(p.terminatesAt),
  _links: {
    self: link(`/enterprise/products/${p.id}`),
    subscription: link(`/enterprise/subscriptions/${p.subscriptionId}`),
    account: link(`/enterprise/accounts/${p.accountId}`),
  },
});

export function productRoutes(platform: Platform) {
  return async (app: App) => {
    app.get(
      '/products',
      {
        schema: {
          tags: ['products'],
          summary: 'List products',
          description:
            "The products of the organization's subscriptions (plans and add-ons as ordered), filtered by `account_id` and `status`: `id`, `status`, `activated_at`, `terminates_at`, `_links.subscription`.",
          querystring: Type.Object({
            account_id: Type.Optional(Type.String({ pattern: idPattern('account') })),
            status: Type.Optional(Type.Enum(PRODUCT_STATUSES)),
            ...ListQuery,
          }),
          response: { 200: HalList('products', ProductBody), ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request) => {
        const org = principalOf(request).organizationId;
        const { account_id: accountId, status } = request.query;
        const page = await paginate(request.query, { accountId, status }, (after, rows) => listProducts(platform.db, org, { accountId, status, after, rows }));
        return halList(request, 'products', page, representProduct);
      },
    );

    getById(app, {
      path: '/products',
      kind: 'product',
      tag: 'products',
      summary: 'Get a product',
      description: 'One product (`prod_` + ULID) with its offering, allowance and link to its subscription.',
      body: ProductBody,
      find: (org, id) => getProduct(platform.db, org, id),
      represent: representProduct,
    });
  };
}
