// Connect SIM profiles: the list, one profile, its subscriptions and its notification
// preferences.
import { readList } from '../../http/read-choice.ts';
import { Type } from 'typebox';
import { connectTime } from '../../domain/time.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { deprecationHeaders } from '../../http/deprecation.ts';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { errorResponses, IdempotencyKeyHeader, Nullable } from '../../http/schemas.ts';
import { idempotent } from '../../http/idempotency.ts';
import type { Executor } from '../../db/database.ts';
import { activationCode } from '../../domain/telecom.ts';
import {
  changeEid,
  deleteConnectSim,
  getConnectSim,
  getPreferences,
  listConnectSims,
  removePreference,
  setPreference,
  simStatus,
} from '../../domain/inventory/connect-sims.service.ts';
import { listSimSubscriptions } from '../../domain/subscriptions/connect-subscriptions.service.ts';
import { PageQuery, pagingOf, sendPage, sendSerializedPage, serializePage } from './paging.ts';
import { representSubscription, SubscriptionAnswer } from './subscriptions.routes.ts';
import { connectScope } from '../../domain/customers/customers.service.ts';
import { invalidParams } from '../../domain/errors.ts';
import type { CustomerScope } from '../../domain/customers/scope.ts';

/** The customer scope in a cache key: the whole organization, no customer yet, or one customer. */
const scopeKey = (customer: CustomerScope) => (customer === undefined ? 'all' : customer === null ? 'none' : `customer:${customer}`);

const IccidParams = Type.Object({ iccid: Type.String({ maxLength: 22 }) });
const TypeParams = Type.Object({ iccid: Type.String({ maxLength: 22 }), type: Type.String({ maxLength: 40 }) });
const Empty = Type.Object({}, { examples: [{}] });

const SimAnswer = Type.Object(
  {
    iccid: Type.String(),
    eid: Nullable(Type.String()),
    matching_id: Nullable(Type.String()),
    matchingId: Nullable(Type.String()),
    lpa_url: Nullable(Type.String()),
    status: Type.String(),
    profileStatus: Type.String(),
    last_modified: Type.String(),
  },
  {
    examples: [
      {
        iccid: '8944500102198304826',
        eid: '89049032004008882600019002596666',
        matching_id: 'QR-G-5C-KR-1PXPK7D',
        matchingId: 'QR-G-5C-KR-1PXPK7D',
        lpa_url: 'LPA:1$smdp.cellhub.local$QR-G-5C-KR-1PXPK7D',
        status: 'Installed',
        profileStatus: 'Installed',
        last_modified: '2026-11-30T09:05:00Z',
      },
    ],
  },
);

export function connectSimRoutes(platform: Platform) {
  const db = platform.db;
  const scopeOf = (request: FastifyRequest) => connectScope(db, principalOf(request));
  return async (app: App) => {
    app.get(
      '/v1/sim',
      {
        schema: {
          tags: ['connect sims'],
          summary: 'List the SIM profiles this reseller sold',
          description: "The reseller's SIM profiles as `[{id: iccid, url}]`, paginated by `page` (from 1) and `size` (default 40).",
          querystring: Type.Object(PageQuery),
          response: {
            200: Type.Array(Type.Object({ id: Type.String(), url: Type.String() }), { examples: [[{ id: '8944500102198304826', url: '/v1/sim/8944500102198304826' }]] }),
            ...errorResponses(400, 401, 403, 429),
          },
        },
      },
      async (request, reply) => {
        const paging = pagingOf(request.query, 40);
        const scope = await scopeOf(request);
        const rows = await readList(platform.reads, request, reply, (from) => listConnectSims(from, scope.organizationId, paging.offset, paging.size + 1, scope.customerId));
        return sendPage(request, reply, platform.config.publicUrl, paging, rows, (s) => ({ id: s.iccid, url: `/v1/sim/${s.iccid}` }));
      },
    );

    const representSim = (sim: Awaited<ReturnType<typeof getConnectSim>>) => {
      const status = simStatus(sim.state);
      return {
        iccid: sim.iccid,
        eid: sim.eid,
        matching_id: sim.matchingId,
        matchingId: sim.matchingId,
        lpa_url: activationCode(sim.smdpAddress, sim.matchingId),
        status,
        profileStatus: status,
        last_modified: connectTime(sim.lastModified),
      };
    };

    app.get(
      '/v1/sim/:iccid',
      {
        schema: {
          tags: ['connect sims'],
          summary: "A SIM profile's details",
          description:
            '`iccid`, `eid`, `matching_id` (also `matchingId`), `lpa_url`, `status` (also `profileStatus`: Released, Downloaded, Installed, Unavailable) and `last_modified`. The status moves with the device, as the SM-DP+ reports it.',
          params: IccidParams,
          response: { 200: SimAnswer, ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request) => {
        const scope = await scopeOf(request);
        return representSim(await getConnectSim(db, scope.organizationId, request.params.iccid, scope.customerId));
      },
    );

    app.delete(
      '/v1/sim/:iccid',
      {
        schema: {
          tags: ['connect sims'],
          summary: 'Take back a SIM profile never installed and never used (its subscriptions go with it)',
          description: 'Deletes a SIM profile that was never installed and none of whose subscriptions was used (204), freeing its resources; otherwise 409 CONFLICT.',
          params: IccidParams,
          response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409, 429) },
        },
      },
      async (request, reply) => {
        const scope = await scopeOf(request);
        await deleteConnectSim(db, platform.smdp, scope.organizationId, request.params.iccid, scope.customerId);
        reply.code(204);
        return null;
      },
    );

    app.put(
      '/v1/sim/:iccid',
      {
        schema: {
          tags: ['connect sims'],
          summary: 'Bind the profile to another device (EID), while Released or Unavailable',
          description:
            'Update EID (sims.md): sets the EID the profile is bound to, `{"eid": "…"}` (32 digits), and answers the SIM profile as `GET /v1/sim/{iccid}` does (a client reading seed 002\'s `{ }` finds what it expects, and more). Only while the profile is Released or Unavailable (otherwise 409 CONFLICT). sims.md prints this request without a body: the EID is required, and a request without one is 400 INVALID_REQUEST_PARAMS naming `eid`.',
          params: IccidParams,
          body: Type.Object({ eid: Type.String({ pattern: '^[0-9]{32}$' }) }, { examples: [{ eid: '89049032004008882600019002596666' }] }),
          response: { 200: SimAnswer, ...errorResponses(400, 401, 403, 404, 409, 429) },
        },
        // The page's request has no body; say what is missing before the schema says "body".
        preValidation: async (request) => {
          const body = request.body as { eid?: unknown } | null | undefined;
          if (body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && body.eid === undefined)) {
            throw invalidParams('eid: is required: the EID (32 digits) of the device to bind the profile to, as {"eid": "…"}');
          }
        },
      },
      async (request) => {
        const scope = await scopeOf(request);
        await changeEid(db, platform.smdp, scope.organizationId, request.params.iccid, request.body.eid, scope.customerId);
        return representSim(await getConnectSim(db, scope.organizationId, request.params.iccid, scope.customerId));
      },
    );

    // One handler, two ways of naming the SIM: the path, or (deprecated, subscriptions.md)
    // /v1/status/subscriptions?iccid=.
    const SimSubscriptionsQuery = { ...PageQuery, size: Type.Optional(Type.Integer({ minimum: 1, maximum: 40 })) };
    const simSubscriptions = async (request: FastifyRequest, reply: FastifyReply, iccid: string, query: Parameters<typeof pagingOf>[0]) => {
      const scope = await scopeOf(request);
      const paging = pagingOf(query, 40);
      const page = { customer: scope.customerId, offset: paging.offset, rows: paging.size + 1 };
      // The SIM and its subscriptions from one copy, so the page never lacks a SIM it lists.
      const read = (from: Executor) => listSimSubscriptions(from, scope.organizationId, iccid, page);
      // A hot read: the primary's answer is cached, as its bytes, until the organization's
      // next change (db/migrations/0026); a replica's is not (it may not have replayed that change yet).
      const key = `connect sim subscriptions ${iccid} ${scopeKey(scope.customerId)} ${page.offset} ${page.rows}`;
      const answer = await readList(platform.reads, request, reply, async (from, source) =>
        source === 'primary'
          ? platform.readCache.get(
              scope.organizationId,
              key,
              async () => serializePage(reply, paging, (await read(from)).map(representSubscription)),
              (page) => page.json.length,
            )
          : await read(from),
      );
      const publicUrl = platform.config.publicUrl;
      return Array.isArray(answer) ? sendPage(request, reply, publicUrl, paging, answer, representSubscription) : sendSerializedPage(request, reply, publicUrl, paging, answer);
    };
    const SimSubscriptionsResponse = { 200: Type.Array(SubscriptionAnswer), ...errorResponses(400, 401, 403, 404, 429) };

    app.get(
      '/v1/sim/:iccid/subscriptions',
      {
        schema: {
          tags: ['connect sims'],
          summary: "The SIM profile's subscriptions, newest first",
          description: 'The subscriptions on one SIM profile, newest first, with their balances; `size` 1 to 40, `page` from 1.',
          params: IccidParams,
          querystring: Type.Object(SimSubscriptionsQuery),
          response: SimSubscriptionsResponse,
        },
      },
      (request, reply) => simSubscriptions(request, reply, request.params.iccid, request.query),
    );

    app.get(
      '/v1/status/subscriptions',
      {
        schema: {
          tags: ['connect sims'],
          summary: "The SIM profile's subscriptions (deprecated: GET /v1/sim/{iccid}/subscriptions)",
          description:
            'The older spelling of `GET /v1/sim/{iccid}/subscriptions`, as subscriptions.md still lists it: the ICCID in `?iccid=`. Answers the same, with `Deprecation` and a `Link` to its successor.',
          deprecated: true,
          querystring: Type.Object({ iccid: Type.String({ maxLength: 22 }), ...SimSubscriptionsQuery }),
          response: SimSubscriptionsResponse,
        },
        onSend: deprecationHeaders(
          platform.config.publicUrl,
          (request) => `/connect-api/v1/sim/${encodeURIComponent((request.query as { iccid?: string }).iccid ?? '')}/subscriptions`,
        ),
      },
      (request, reply) => simSubscriptions(request, reply, request.query.iccid, request.query),
    );

    app.get(
      '/v1/sim/:iccid/preferences',
      {
        schema: {
          tags: ['connect notifications'],
          summary: "Where the SIM profile's notifications go",
          description: 'The webhooks registered for the SIM profile: `{notifications: [{type, webhook_url}]}`.',
          params: IccidParams,
          response: {
            200: Type.Object(
              {
                notifications: Type.Array(
                  Type.Object({
                    type: Type.String(),
                    webhook_url: Type.String(),
                    levels: Type.Optional(Type.Array(Type.Integer(), { description: 'A cellhub extension: the extra USAGE_THRESHOLD levels set, if any' })),
                  }),
                ),
              },
              {
                examples: [
                  {
                    notifications: [
                      { type: 'USAGE_THRESHOLD', webhook_url: 'https://hooks.reseller.example/cellhub/usage' },
                      { type: 'SUBSCRIPTION_END', webhook_url: 'https://hooks.reseller.example/cellhub/end' },
                    ],
                  },
                ],
              },
            ),
            ...errorResponses(401, 403, 404, 429),
          },
        },
      },
      async (request) => {
        const scope = await scopeOf(request);
        const preferences = await getPreferences(db, scope.organizationId, request.params.iccid, scope.customerId);
        return { notifications: preferences.map((p) => ({ type: p.type, webhook_url: p.webhookUrl, ...(p.levels ? { levels: p.levels } : {}) })) };
      },
    );

    for (const method of ['POST', 'PUT'] as const) {
      app.route({
        method,
        url: '/v1/sim/:iccid/preferences/notifications/:type',
        schema: {
          tags: ['connect notifications'],
          summary: "Send the SIM profile's notifications of a type (USAGE_THRESHOLD, SUBSCRIPTION_END) to a webhook",
          description:
            "Registers (POST) or replaces (PUT) the `webhook_url` for one notification type: `USAGE_THRESHOLD` (once, at 80 % of a subscription's data) or `SUBSCRIPTION_END` (once, when it is depleted or expires; the docs' spelling `SUBSCRITPION_END` is accepted). The URL must be public (no loopback or private address, ports 80, 443, 8080, 8443). Deliveries are signed per Standard Webhooks and retried on failure.",
          params: TypeParams,
          ...(method === 'POST' ? { headers: IdempotencyKeyHeader } : {}),
          body: Type.Object(
            {
              webhook_url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
              levels: Type.Optional(
                Type.Array(Type.Integer({ minimum: 1, maximum: 100 }), {
                  maxItems: 10,
                  description:
                    'A cellhub extension, USAGE_THRESHOLD only: further levels (% of the data) told beside the documented 80, each once per subscription, with `threshold` set to the level',
                }),
              ),
            },
            { examples: [{ webhook_url: 'https://hooks.reseller.example/cellhub/usage' }, { webhook_url: 'https://hooks.reseller.example/cellhub/usage', levels: [50, 90, 100] }] },
          ),
          response: { 200: Empty, ...errorResponses(400, 401, 403, 404, 429) },
        },
        handler: async (request, reply) => {
          const { iccid, type } = request.params;
          const scope = await scopeOf(request);
          const set = async (tx: Executor) => {
            const policy = { allowPrivate: platform.config.webhookAllowPrivate };
            await setPreference(tx, scope.organizationId, iccid, type, request.body.webhook_url, policy, scope.customerId, request.body.levels);
            return { status: 200, body: {} };
          };
          // PUT is idempotent by its method; POST takes an Idempotency-Key like every POST.
          return method === 'POST' ? idempotent(db, request, reply, set) : (await set(db)).body;
        },
      });
    }

    app.delete(
      '/v1/sim/:iccid/preferences/notifications/:type',
      {
        schema: {
          tags: ['connect notifications'],
          summary: 'Stop a type of notification',
          description: 'Removes the webhook of one notification type for the SIM profile.',
          params: TypeParams,
          response: { 200: Empty, ...errorResponses(400, 401, 403, 404, 429) },
        },
      },
      async (request) => {
        const scope = await scopeOf(request);
        await removePreference(db, scope.organizationId, request.params.iccid, request.params.type, scope.customerId);
        return {};
      },
    );
  };
}
