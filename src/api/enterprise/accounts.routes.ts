import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { paginate } from '../../http/cursor.ts';
import { HalList, halList, Link, link, ListQuery } from '../../http/hal.ts';
import { errorResponses } from '../../http/schemas.ts';
import { getAccount, listAccounts, type Account } from '../../domain/accounts/accounts.service.ts';
import { getById } from './get-by-id.ts';

export const AccountBody = Type.Object(
  {
    id: Type.String(),
    reference_code: Type.String(),
    name: Type.String(),
    country: Type.String(),
    status: Type.String(),
    _links: Type.Object({ self: Link }),
  },
  {
    examples: [
      {
        id: 'acc_01HTQ8VBN4DEJP5S8BPV4657VG',
        reference_code: 'ACME-UK-001',
        name: 'Acme Logistics UK',
        country: 'GB',
        status: 'active',
        _links: { self: { href: '/enterprise/accounts/acc_01HTQ8VBN4DEJP5S8BPV4657VG' } },
      },
    ],
  },
);

export const representAccount = (a: Account) => ({
  id: a.id,
  reference_code: a.referenceCode,
  name: a.name,
  country: a.country,
  status: a.status,
  _links: { self: link(`/enterprise/accounts/${a.id}`) },
});

export function accountRoutes(platform: Platform) {
  return async (app: App) => {
    app.get(
      '/accounts',
      {
        schema: {
          tags: ['accounts'],
          summary: 'List accounts',
          description:
            "The organization's business accounts, newest first, as a HAL page (`_embedded.accounts`); `_links.next` is present exactly when another page exists. Needs the accounts licence.",
          querystring: Type.Object(ListQuery),
          response: { 200: HalList('accounts', AccountBody), ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request) => {
        const org = principalOf(request).organizationId;
        const page = await paginate(request.query, {}, (after, rows) => listAccounts(platform.db, org, after, rows));
        return halList(request, 'accounts', page, representAccount);
      },
    );

    getById(app, {
      path: '/accounts',
      kind: 'account',
      tag: 'accounts',
      summary: 'Get an account',
      description: "One business account: `id` (`acc_` + ULID), `reference_code`, `name`, `country`, `status`. Another organization's account, or a malformed id, answers 404.",
      body: AccountBody,
      find: (org, id) => getAccount(platform.db, org, id),
      represent: representAccount,
    });
  };
}
