import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { readList } from '../../http/read-choice.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { paginate } from '../../http/cursor.ts';
import { HalList, halList, Link, link, ListQuery } from '../../http/hal.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';
import { getSubscriber, listSubscribers, type Subscriber } from '../../domain/subscribers/subscribers.service.ts';
import { getById } from './get-by-id.ts';
import { EXPENSIVE } from '../../http/tenant-gate.ts';

export const SubscriberBody = Type.Object(
  {
    id: Type.String(),
    first_name: Type.String(),
    last_name: Type.String(),
    email: Type.String(),
    employee_id: Nullable(Type.String()),
    group: Nullable(Type.String()),
    _links: Type.Object({ self: Link }),
  },
  {
    examples: [
      {
        id: 'sbr_01CWCM8KDGFTCYVH3KDP46HDXV',
        first_name: 'Ada',
        last_name: 'Lovelace',
        email: 'ada@example.com',
        employee_id: 'E-1815',
        group: 'Engineering',
        _links: { self: { href: '/enterprise/subscribers/sbr_01CWCM8KDGFTCYVH3KDP46HDXV' } },
      },
    ],
  },
);

export const representSubscriber = (s: Subscriber) => ({
  id: s.id,
  first_name: s.firstName,
  last_name: s.lastName,
  email: s.email,
  employee_id: s.employeeId,
  group: s.group,
  _links: { self: link(`/enterprise/subscribers/${s.id}`) },
});

export function subscriberRoutes(platform: Platform) {
  return async (app: App) => {
    app.get(
      '/subscribers',
      {
        config: EXPENSIVE,
        schema: {
          tags: ['subscribers'],
          summary: 'List subscribers',
          description: "The organization's subscribers (the people using the subscriptions), newest first, as a HAL page (`_embedded.subscribers`). Needs the subscribers licence.",
          querystring: Type.Object(ListQuery),
          response: { 200: HalList('subscribers', SubscriberBody), ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        const org = principalOf(request).organizationId;
        const page = await readList(platform.reads, request, reply, (db) =>
          paginate(request.query, {}, (after, rows) => listSubscribers(db, org, after, rows), platform.expensivePages),
        );
        return halList(request, 'subscribers', page, representSubscriber);
      },
    );

    getById(app, {
      path: '/subscribers',
      kind: 'subscriber',
      tag: 'subscribers',
      summary: 'Get a subscriber',
      description: 'One subscriber: `id` (`sbr_` + ULID), `first_name`, `last_name`, `email`, `employee_id`, `group`.',
      body: SubscriberBody,
      find: (org, id) => getSubscriber(platform.db, org, id),
      represent: representSubscriber,
    });
  };
}
