// Operator: each reseller organization's Connect customers, and the ACCOUNT_MANAGER
// client that acts for each.
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { getOrganization } from '../../domain/organizations/organizations.service.ts';
import { listCustomers } from '../../domain/customers/customers.service.ts';
import { OrgParams } from './params.ts';
import { customerJson } from '../../operator/representations.ts';

export function customerRoutes(app: App, platform: Platform): void {
  const db = platform.db;

  app.get(
    '/organizations/:org/customers',
    {
      schema: {
        summary: "List a reseller's Connect customers (oldest first), each with the ACCOUNT_MANAGER client acting for it",
        description:
          "The reseller organization's Connect customers, oldest first, as `{items: [...]}`, each with the id and name of the ACCOUNT_MANAGER client that acts for it; `limit` 1 to 1000, `offset` from 0.",
        params: OrgParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
      },
    },
    async (request) => {
      await getOrganization(db, request.params.org);
      const { limit = 100, offset = 0 } = request.query;
      const rows = await listCustomers(db, request.params.org, offset, limit);
      return { items: rows.map(customerJson) };
    },
  );
}
