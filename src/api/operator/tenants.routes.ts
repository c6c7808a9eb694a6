// Operator: organizations, their licences, API clients and authorized SMS senders.
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { paginate } from '../../http/cursor.ts';
import { ListQuery } from '../../http/hal.ts';
import { LICENCES } from '../../auth/licences.ts';
import { CONNECT_ROLES } from '../../auth/realms.ts';
import { createClient, disableClient, listClients, rotateClientSecret } from '../../auth/clients.service.ts';
import { createOrganization, getOrganization, listOrganizations, setLicences } from '../../domain/organizations/organizations.service.ts';
import { authorizeSender, listSenders, revokeSender } from '../../domain/sms/senders.service.ts';
import { clientJson, organizationJson } from '../../operator/representations.ts';
import { literals, OrgParams } from './params.ts';
import { created, keyed, ok } from './keyed.ts';
import { IdempotencyKeyHeader } from '../../http/schemas.ts';
import { ClientBody, ClientWithSecretBody, OperatorList, OrganizationBody, SenderBody } from '../../operator/schemas.ts';

export function tenantRoutes(app: App, platform: Platform): void {
  const db = platform.db;
  const keyedRun = keyed(platform);

  app.get(
    '/organizations',
    {
      schema: {
        summary: 'List organizations',
        description: 'Every organization (tenant) with its licences.',
        querystring: Type.Object(ListQuery),
        response: { 200: OperatorList(OrganizationBody) },
      },
    },
    async (request) => {
      const page = await paginate(request.query, {}, (after, rows) => listOrganizations(db, after, rows));
      return { items: page.items.map(organizationJson), next_cursor: page.next ?? null };
    },
  );

  app.post(
    '/organizations',
    {
      schema: {
        summary: 'Create an organization',
        description: 'Creates an organization (a tenant of both API families); give it licences and API clients next.',
        headers: IdempotencyKeyHeader,
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 200 }), licences: Type.Optional(Type.Array(literals(LICENCES))) },
          { examples: [{ name: 'Acme Logistics', licences: ['accounts', 'subscribers', 'subscriptions', 'orders', 'order_templates', 'products', 'usage', 'sms'] }] },
        ),
        response: { 201: OrganizationBody },
      },
    },
    async (request, reply) => keyedRun(request, reply, async (tx) => created(organizationJson(await createOrganization(tx, request.body)))),
  );

  app.get(
    '/organizations/:org',
    { schema: { summary: 'Get an organization', description: 'One organization with its licences.', params: OrgParams, response: { 200: OrganizationBody } } },
    async (request) => organizationJson(await getOrganization(db, request.params.org)),
  );

  app.put(
    '/organizations/:org/licences',
    {
      schema: {
        summary: "Set an organization's licences",
        description:
          "Replaces the organization's licences: which Enterprise APIs its clients may call (accounts, subscribers, subscriptions, orders, order_templates, products, usage, sms) and Connect.",
        params: OrgParams,
        body: Type.Object({ licences: Type.Array(literals(LICENCES)) }, { examples: [{ licences: ['accounts', 'subscriptions', 'orders', 'usage'] }] }),
        response: { 200: OrganizationBody },
      },
    },
    async (request) => {
      const org = await setLicences(db, request.params.org, request.body.licences);
      platform.clients.forget();
      return organizationJson(org);
    },
  );

  app.get(
    '/organizations/:org/clients',
    { schema: { summary: 'List API clients', description: "The organization's API clients (no secrets).", params: OrgParams, response: { 200: Type.Array(ClientBody) } } },
    async (request) => {
      await getOrganization(db, request.params.org);
      return (await listClients(db, request.params.org)).map(clientJson);
    },
  );

  app.post(
    '/organizations/:org/clients',
    {
      schema: {
        summary: 'Create an API client; the secret is shown only in this answer',
        description:
          'Creates an API client in one realm (`enterprise-apis` or `tru-staff` with a role); the answer holds its `client_secret`, stored only hashed and never shown again (a retry with the same `Idempotency-Key` within 24 h replays it, from an answer stored sealed).',
        params: OrgParams,
        headers: IdempotencyKeyHeader,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            family: literals(['enterprise', 'connect']),
            role: Type.Optional(literals(CONNECT_ROLES)),
            licences: Type.Optional(Type.Array(literals(LICENCES))),
          },
          { examples: [{ name: 'Acme HR integration', family: 'enterprise', licences: ['subscribers', 'subscriptions', 'orders'] }] },
        ),
        response: { 201: ClientWithSecretBody },
      },
    },
    async (request, reply) =>
      keyedRun(request, reply, async (tx) => {
        const { client, secret } = await createClient(tx, request.params.org, request.body);
        return created({ ...clientJson(client), client_secret: secret });
      }),
  );

  app.post(
    '/organizations/:org/clients/:clientId/rotate-secret',
    {
      schema: {
        summary: "Rotate an API client's secret; the new secret is shown only in this answer",
        description:
          'Gives an enabled API client a new `client_secret`, stored only hashed: the old secret stops working at once, and so do the refresh tokens it obtained (access tokens already issued run out at their expiry). A retry with the same `Idempotency-Key` within 24 h replays the answer (stored sealed) instead of rotating again. *A cellhub extension.*',
        params: Type.Object({ org: Type.String(), clientId: Type.String() }),
        headers: IdempotencyKeyHeader,
        response: { 200: ClientWithSecretBody },
      },
    },
    async (request, reply) => {
      const answer = await keyedRun(request, reply, async (tx) => {
        const { client, secret } = await rotateClientSecret(tx, request.params.org, request.params.clientId);
        return ok({ ...clientJson(client), client_secret: secret });
      });
      platform.clients.forget();
      return answer;
    },
  );

  app.delete(
    '/organizations/:org/clients/:clientId',
    {
      schema: {
        summary: 'Disable an API client',
        description: 'Disables an API client: its tokens stop working and its credentials get no new ones.',
        params: Type.Object({ org: Type.String(), clientId: Type.String() }),
      },
    },
    async (request, reply) => {
      await disableClient(db, request.params.org, request.params.clientId);
      platform.clients.forget();
      return reply.code(204).send();
    },
  );

  app.get(
    '/organizations/:org/sms-senders',
    {
      schema: {
        summary: 'List authorized SMS senders',
        description: 'The numbers the organization may send SMS from.',
        params: OrgParams,
        response: { 200: Type.Array(SenderBody) },
      },
    },
    async (request) => {
      await getOrganization(db, request.params.org);
      return (await listSenders(db, request.params.org)).map((s) => ({ msisdn: s.msisdn, created_at: s.createdAt.toISOString() }));
    },
  );

  app.post(
    '/organizations/:org/sms-senders',
    {
      schema: {
        summary: 'Authorize an SMS sender number',
        description: "Adds a number to the organization's SMS sender allow list; it must be the number of one of its active subscriptions to send.",
        params: OrgParams,
        headers: IdempotencyKeyHeader,
        body: Type.Object({ msisdn: Type.String({ pattern: '^\\+?[1-9]\\d{6,14}$' }) }, { examples: [{ msisdn: '+447700900000' }] }),
        response: { 200: Type.Object({ msisdn: Type.String() }), 201: Type.Object({ msisdn: Type.String() }) },
      },
    },
    async (request, reply) =>
      keyedRun(request, reply, async (tx) => {
        const result = await authorizeSender(tx, request.params.org, request.body.msisdn);
        return { status: result.added ? 201 : 200, body: { msisdn: result.msisdn } };
      }),
  );

  app.delete(
    '/organizations/:org/sms-senders/:msisdn',
    {
      schema: {
        summary: 'Revoke an SMS sender number',
        description: 'Removes a number from the SMS sender allow list.',
        params: Type.Object({ org: Type.String(), msisdn: Type.String() }),
      },
    },
    async (request, reply) => {
      await revokeSender(db, request.params.org, request.params.msisdn);
      return reply.code(204).send();
    },
  );
}
