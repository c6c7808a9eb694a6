// The operator surface (/operator): what the provider's staff set up before partners
// call the APIs. Plain JSON, the same error model, one bearer token.
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { errorResponses } from '../../http/schemas.ts';
import { paginate } from '../../http/cursor.ts';
import { ListQuery } from '../../http/hal.ts';
import { LICENCES } from '../../auth/licences.ts';
import { CONNECT_ROLES } from '../../auth/realms.ts';
import { createClient, disableClient, listClients } from '../../auth/clients.service.ts';
import {
  createOrganization,
  getOrganization,
  listOrganizations,
  setLicences,
} from '../../domain/organizations/organizations.service.ts';
import { createAccount, listAccounts } from '../../domain/accounts/accounts.service.ts';
import { createOffering, listOfferings } from '../../domain/catalog/offerings.service.ts';
import { createTemplate, listTemplates, SERVICE_TYPES } from '../../domain/catalog/templates.service.ts';
import { countSimsByState, importSims, listSims, SIM_TYPES } from '../../domain/inventory/sims.service.ts';
import { createPool, importNumbers, listPools } from '../../domain/inventory/numbers.service.ts';
import { authorizeSender, listSenders, revokeSender } from '../../domain/sms/senders.service.ts';
import { idPattern } from '../../domain/ids.ts';
import { operatorGuard } from './operator-auth.ts';
import { accountJson, clientJson, mailJson, offeringJson, orderJson, organizationJson, poolJson, templateJson } from './representations.ts';
import { listOrders, retryOrder } from '../../domain/orders/orders.service.ts';
import { ORDER_STATUSES } from '../../domain/orders/order-types.ts';
import { findMail, listMail } from '../../domain/orders/mail.store.ts';
import { applyProfileEvent } from '../../domain/inventory/profile-events.ts';
import { notFound } from '../../http/errors.ts';

const literals = <const T extends string[]>(values: readonly [...T]) => Type.Enum(values);
const OrgParams = Type.Object({ org: Type.String() });
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const tags = ['operator'];
const errors = errorResponses(400, 401, 404, 409);

export async function registerOperatorApi(app: App, platform: Platform, token?: string): Promise<void> {
  if (!token) return; // no operator token configured: the surface is off
  const db = platform.db;
  app.addHook('onRequest', operatorGuard(token));
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, tags, security: [{ operator: [] }], response: { ...errors, ...(route.schema?.response as object) } };
  });

  app.get('/organizations', {
    schema: { summary: 'List organizations', querystring: Type.Object(ListQuery) },
  }, async (request) => {
    const page = await paginate(request.query, {}, (after, rows) => listOrganizations(db, after, rows));
    return { items: page.items.map(organizationJson), next_cursor: page.next ?? null };
  });

  app.post('/organizations', {
    schema: {
      summary: 'Create an organization',
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), licences: Type.Optional(Type.Array(literals(LICENCES))) }),
    },
  }, async (request, reply) => {
    reply.code(201);
    return organizationJson(await createOrganization(db, request.body));
  });

  app.get('/organizations/:org', { schema: { summary: 'Get an organization', params: OrgParams } }, async (request) =>
    organizationJson(await getOrganization(db, request.params.org)),
  );

  app.put('/organizations/:org/licences', {
    schema: { summary: "Set an organization's licences", params: OrgParams, body: Type.Object({ licences: Type.Array(literals(LICENCES)) }) },
  }, async (request) => {
    const org = await setLicences(db, request.params.org, request.body.licences);
    platform.clients.forget();
    return organizationJson(org);
  });

  app.get('/organizations/:org/clients', { schema: { summary: 'List API clients', params: OrgParams } }, async (request) => {
    await getOrganization(db, request.params.org);
    return (await listClients(db, request.params.org)).map(clientJson);
  });

  app.post('/organizations/:org/clients', {
    schema: {
      summary: 'Create an API client; the secret is shown only in this answer',
      params: OrgParams,
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 200 }),
        family: literals(['enterprise', 'connect']),
        role: Type.Optional(literals(CONNECT_ROLES)),
        licences: Type.Optional(Type.Array(literals(LICENCES))),
      }),
    },
  }, async (request, reply) => {
    const { client, secret } = await createClient(db, request.params.org, request.body);
    reply.code(201);
    return { ...clientJson(client), client_secret: secret };
  });

  app.delete('/organizations/:org/clients/:clientId', {
    schema: { summary: 'Disable an API client', params: Type.Object({ org: Type.String(), clientId: Type.String() }) },
  }, async (request, reply) => {
    await disableClient(db, request.params.org, request.params.clientId);
    platform.clients.forget();
    return reply.code(204).send();
  });

  app.get('/organizations/:org/accounts', {
    schema: { summary: 'List accounts', params: OrgParams, querystring: Type.Object(ListQuery) },
  }, async (request) => {
    await getOrganization(db, request.params.org);
    const page = await paginate(request.query, {}, (after, rows) => listAccounts(db, request.params.org, after, rows));
    return { items: page.items.map(accountJson), next_cursor: page.next ?? null };
  });

  app.post('/organizations/:org/accounts', {
    schema: {
      summary: 'Create a business account',
      params: OrgParams,
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 200 }),
        country: Country,
        reference_code: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
      }),
    },
  }, async (request, reply) => {
    const { name, country, reference_code: referenceCode } = request.body;
    reply.code(201);
    return accountJson(await createAccount(db, request.params.org, { name, country, referenceCode }));
  });

  app.get('/organizations/:org/offerings', {
    schema: { summary: 'List product offerings', params: OrgParams, querystring: Type.Object(ListQuery) },
  }, async (request) => {
    await getOrganization(db, request.params.org);
    const page = await paginate(request.query, {}, (after, rows) => listOfferings(db, request.params.org, after, rows));
    return { items: page.items.map(offeringJson), next_cursor: page.next ?? null };
  });

  const Allowance = Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]));
  app.post('/organizations/:org/offerings', {
    schema: {
      summary: 'Create a product offering (plan or add-on)',
      params: OrgParams,
      body: Type.Object({
        type: literals(['plan', 'add_on']),
        name: Type.String({ minLength: 1, maxLength: 200 }),
        description: Type.Optional(Type.String({ maxLength: 2000 })),
        data_bytes: Allowance,
        voice_seconds: Allowance,
        sms_count: Allowance,
        validity_days: Type.Integer({ minimum: 1, maximum: 3650 }),
        price: Type.String({ pattern: '^\\d{1,10}(\\.\\d{1,2})?$' }),
        currency: Type.String({ pattern: '^[A-Z]{3}$' }),
        footprint: Type.Optional(Type.Array(Country)),
        voice_increment_seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600 })),
        data_increment_bytes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1024 * 1024 * 1024 })),
      }),
    },
  }, async (request, reply) => {
    const b = request.body;
    const offering = await createOffering(db, request.params.org, {
      type: b.type,
      name: b.name,
      description: b.description,
      dataBytes: b.data_bytes,
      voiceSeconds: b.voice_seconds,
      smsCount: b.sms_count,
      validityDays: b.validity_days,
      price: b.price,
      currency: b.currency,
      footprint: b.footprint,
      voiceIncrementSeconds: b.voice_increment_seconds,
      dataIncrementBytes: b.data_increment_bytes,
    });
    reply.code(201);
    return offeringJson(offering);
  });

  app.get('/organizations/:org/order-templates', {
    schema: { summary: 'List order templates', params: OrgParams, querystring: Type.Object(ListQuery) },
  }, async (request) => {
    await getOrganization(db, request.params.org);
    const page = await paginate(request.query, {}, (after, rows) => listTemplates(db, request.params.org, after, rows));
    return { items: page.items.map(templateJson), next_cursor: page.next ?? null };
  });

  app.post('/organizations/:org/order-templates', {
    schema: {
      summary: 'Create an order template',
      params: OrgParams,
      body: Type.Object({
        description: Type.String({ minLength: 1, maxLength: 500 }),
        offering_ids: Type.Array(Type.String({ pattern: idPattern('productOffering') }), { minItems: 1, maxItems: 20 }),
        number_pool_id: Type.Optional(Type.String({ pattern: idPattern('numberPool') })),
        services: Type.Optional(Type.Array(literals(SERVICE_TYPES))),
      }),
    },
  }, async (request, reply) => {
    const b = request.body;
    const template = await createTemplate(db, request.params.org, {
      description: b.description,
      offeringIds: b.offering_ids,
      numberPoolId: b.number_pool_id,
      services: b.services,
    });
    reply.code(201);
    return templateJson(template);
  });

  app.get('/organizations/:org/sms-senders', { schema: { summary: 'List authorized SMS senders', params: OrgParams } }, async (request) => {
    await getOrganization(db, request.params.org);
    return (await listSenders(db, request.params.org)).map((s) => ({ msisdn: s.msisdn, created_at: s.createdAt.toISOString() }));
  });

  app.post('/organizations/:org/sms-senders', {
    schema: { summary: 'Authorize an SMS sender number', params: OrgParams, body: Type.Object({ msisdn: Type.String({ pattern: '^\\+?[1-9]\\d{6,14}$' }) }) },
  }, async (request, reply) => {
    const result = await authorizeSender(db, request.params.org, request.body.msisdn);
    reply.code(result.added ? 201 : 200);
    return { msisdn: result.msisdn };
  });

  app.delete('/organizations/:org/sms-senders/:msisdn', {
    schema: { summary: 'Revoke an SMS sender number', params: Type.Object({ org: Type.String(), msisdn: Type.String() }) },
  }, async (request, reply) => {
    await revokeSender(db, request.params.org, request.params.msisdn);
    return reply.code(204).send();
  });

  app.post('/sims', {
    schema: {
      summary: 'Import ICCIDs into the SIM inventory',
      body: Type.Object({
        sim_type: literals(SIM_TYPES),
        iccids: Type.Array(Type.String(), { minItems: 1, maxItems: 100_000 }),
      }),
    },
  }, async (request) => importSims(db, request.body.iccids, request.body.sim_type));

  app.get('/sims', {
    schema: {
      summary: 'List SIM inventory',
      querystring: Type.Object({ state: Type.Optional(Type.String()), ...ListQuery }),
    },
  }, async (request) => {
    const { state } = request.query;
    const page = await paginate(request.query, { state }, async (after, rows) =>
      (await listSims(db, { state, after, rows })).map((s) => ({ ...s, id: s.iccid })),
    );
    return {
      items: page.items.map((s) => ({ iccid: s.iccid, sim_type: s.simType, state: s.state, organization_id: s.organizationId })),
      next_cursor: page.next ?? null,
    };
  });

  app.get('/sims/summary', { schema: { summary: 'Count SIMs by type and state' } }, async () =>
    (await countSimsByState(db)).map((r) => ({ sim_type: r.simType, state: r.state, count: r.count })),
  );

  app.get('/number-pools', { schema: { summary: 'List number pools with their counts' } }, async () =>
    (await listPools(db)).map(({ pool, ...counts }) => poolJson(pool, counts)),
  );

  app.post('/number-pools', {
    schema: { summary: 'Create a number pool', body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), country: Country }) },
  }, async (request, reply) => {
    reply.code(201);
    return poolJson(await createPool(db, request.body));
  });

  app.post('/number-pools/:id/numbers', {
    schema: {
      summary: 'Import MSISDNs into a number pool',
      params: Type.Object({ id: Type.String() }),
      body: Type.Object({ msisdns: Type.Array(Type.String(), { minItems: 1, maxItems: 100_000 }) }),
    },
  }, async (request) => importNumbers(db, request.params.id, request.body.msisdns));

  app.get('/orders', {
    schema: {
      summary: 'List orders across organizations (e.g. the failed ones)',
      querystring: Type.Object({ status: Type.Optional(Type.Enum(ORDER_STATUSES)), organization_id: Type.Optional(Type.String()), ...ListQuery }),
    },
  }, async (request) => {
    const { status, organization_id: org } = request.query;
    const page = await paginate(request.query, { status, org }, (after, rows) => listOrders(db, org, { status, after, rows }));
    return { items: page.items.map(orderJson), next_cursor: page.next ?? null };
  });

  app.post('/orders/:id/retry', {
    schema: { summary: 'Retry a failed order from the start', params: Type.Object({ id: Type.String() }) },
  }, async (request, reply) => {
    reply.code(202);
    return orderJson(await retryOrder(platform, request.params.id));
  });

  app.get('/mail', {
    schema: { summary: 'List mail: sent, or kept in the outbox when no SMTP server is configured', querystring: Type.Object({ state: Type.Optional(Type.Enum(['queued', 'sent', 'outbox', 'failed'])), ...ListQuery }) },
  }, async (request) => {
    const { state } = request.query;
    const page = await paginate(request.query, { state }, (after, rows) => listMail(db, { state, after, rows }));
    return { items: page.items.map((m) => mailJson(m)), next_cursor: page.next ?? null };
  });

  app.get('/mail/:id', { schema: { summary: 'Show one mail with its body and attachments', params: Type.Object({ id: Type.String() }) } }, async (request) => {
    const mail = await findMail(db, request.params.id);
    if (!mail) throw notFound(`mail ${request.params.id}`);
    return mailJson(mail, true);
  });

  app.post('/sims/:iccid/events', {
    schema: {
      summary: 'Simulate a device event on a SIM profile (as the SM-DP+ would report it)',
      params: Type.Object({ iccid: Type.String() }),
      body: Type.Object({ event: Type.Enum(['downloaded', 'installed', 'deleted']), eid: Type.Optional(Type.String({ pattern: '^[0-9]{32}$' })) }),
    },
  }, async (request) => applyProfileEvent(db, request.params.iccid, request.body.event, request.body.eid));
}
