// Operator: console people (docs/console.md): operator staff and members of
// organizations, invited by email, their role changed or disabled.
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { paginate } from '../../http/cursor.ts';
import { ListQuery } from '../../http/hal.ts';
import { IdempotencyKeyHeader } from '../../http/schemas.ts';
import { invitePerson } from '../../console/invitations.ts';
import { changePerson, getPerson, listPeople } from '../../console/people.service.ts';
import { PersonBody, personJson } from '../../console/representations.ts';
import { MEMBER_FAMILIES } from '../../console/roles.ts';
import { created, keyed } from './keyed.ts';

const EXTENSION = 'A cellhub extension (docs/console.md).';

export function peopleRoutes(app: App, platform: Platform): void {
  const db = platform.db;
  const keyedRun = keyed(platform);

  app.get(
    '/people',
    {
      schema: {
        summary: 'List console people',
        description: `Operator staff and members of organizations who log in to the console, newest first; \`organization_id\` keeps one organization's members, \`operator\` the staff. ${EXTENSION}`,
        querystring: Type.Object({ organization_id: Type.Optional(Type.String({ description: 'An organization id, or `operator` for the staff' })), ...ListQuery }),
        response: { 200: Type.Object({ items: Type.Array(PersonBody), next_cursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => {
      const org = request.query.organization_id;
      const organizationId = org === 'operator' ? null : org;
      const page = await paginate(request.query, { org }, (after, rows) => listPeople(db, { organizationId, after, rows }));
      return { items: page.items.map((p) => personJson(p)), next_cursor: page.next ?? null };
    },
  );

  app.post(
    '/people',
    {
      schema: {
        summary: 'Invite a person to the console',
        description: `Creates the person without a password and mails them a one-time link (\`{PUBLIC_URL}/console/invite#token=…\`, valid 72 h) through the mail path of eSIM delivery (the outbox without SMTP). Without \`organization_id\`, operator staff (role \`admin\` or \`support\`); with one, a member (role \`admin\` or \`viewer\`, \`family\` enterprise or connect). An email already a person's is 409. ${EXTENSION}`,
        headers: IdempotencyKeyHeader,
        body: Type.Object(
          {
            email: Type.String({ maxLength: 320 }),
            name: Type.String({ maxLength: 200 }),
            role: Type.Enum(['admin', 'support', 'viewer']),
            organization_id: Type.Optional(Type.String()),
            family: Type.Optional(Type.Enum(MEMBER_FAMILIES)),
          },
          { examples: [{ email: 'kim@acme.example', name: 'Kim Park', role: 'admin', organization_id: 'org_01HTJA47C93ABKKR58T05JBAJB', family: 'enterprise' }] },
        ),
        response: { 201: PersonBody },
      },
    },
    async (request, reply) => {
      const { organization_id: organizationId, ...invitation } = request.body;
      const answer = await keyedRun(request, reply, async (tx) =>
        created(
          personJson(await tx.transaction((inner) => invitePerson({ tx: inner, queue: platform.queue, publicUrl: platform.config.publicUrl }, { ...invitation, organizationId }))),
        ),
      );
      platform.queue.wake();
      return answer;
    },
  );

  app.get(
    '/people/:id',
    { schema: { summary: 'Get a console person', description: `One person. ${EXTENSION}`, params: Type.Object({ id: Type.String() }), response: { 200: PersonBody } } },
    async (request) => personJson(await getPerson(db, request.params.id)),
  );

  app.patch(
    '/people/:id',
    {
      schema: {
        summary: "Change a console person's role, or disable them",
        description: `\`role\` within the person's scope's roles; \`disabled: true\` ends their sessions at once and their API tokens within seconds, \`false\` lets them in again. ${EXTENSION}`,
        params: Type.Object({ id: Type.String() }),
        body: Type.Object(
          { role: Type.Optional(Type.Enum(['admin', 'support', 'viewer'])), disabled: Type.Optional(Type.Boolean()) },
          { examples: [{ role: 'viewer' }, { disabled: true }] },
        ),
        response: { 200: PersonBody },
      },
    },
    async (request) => {
      const person = await changePerson(db, request.params.id, request.body);
      platform.clients.forget();
      return personJson(person);
    },
  );
}
