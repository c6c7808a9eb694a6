// Subscriptions and their parts. Without `Prefer: transclude=…` a subscription links to
// its parts; with it, exactly the named parts are embedded, and Preference-Applied says so.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import type { Db } from '../../db/database.ts';
import { readList } from '../../http/read-choice.ts';
import { sendSerialized, serialized } from '../../http/serialized.ts';
import { principalOf } from '../../http/auth-guard.ts';
import { paginate } from '../../http/cursor.ts';
import { HalList, halList, iso, Link, link, ListQuery } from '../../http/hal.ts';
import { parseTransclude, preferenceApplied } from '../../http/prefer.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';
import { notFound } from '../../domain/errors.ts';
import { qrCodePng, qrCodeSvg } from '../../domain/orders/sim-profile-mail.ts';
import { activationCode } from '../../domain/telecom.ts';
import {
  getSubscription,
  listSubscriptions,
  SUBSCRIPTION_STATUSES,
  type PhoneNumberPart,
  type ServicePart,
  type SubscriptionView,
} from '../../domain/subscriptions/subscriptions.service.ts';
import { AccountBody, representAccount } from './accounts.routes.ts';
import { representSubscriber, SubscriberBody } from './subscribers.routes.ts';
import { IdParams, pathId } from './path-ids.ts';
import { EXPENSIVE } from '../../http/tenant-gate.ts';

const PARTS = ['subscriber', 'account', 'sim_profile', 'phone_numbers', 'services'] as const;
type Part = (typeof PARTS)[number];

const PreferHeader = Type.Object({
  prefer: Type.Optional(Type.String({ description: 'transclude="subscriber;account;sim_profile;phone_numbers;services"' })),
});

const SimProfileBody = Type.Object(
  {
    iccid: Type.String(),
    sim_type: Type.String(),
    status: Type.String(),
    eid: Type.Optional(Nullable(Type.String())),
    activation_code: Type.Optional(Nullable(Type.String())),
    _links: Type.Object({ self: Link, subscription: Link, qr_code_png: Type.Optional(Link), qr_code_svg: Type.Optional(Link) }),
  },
  {
    examples: [
      {
        iccid: '8944500102198304826',
        sim_type: 'esim',
        status: 'installed',
        eid: '89049032004008882600019002596666',
        activation_code: 'LPA:1$smdp.cellhub.local$QR-G-5C-KR-1PXPK7D',
        _links: {
          self: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/sim-profile' },
          subscription: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB' },
          qr_code_png: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/sim-profile/qr-code.png' },
          qr_code_svg: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/sim-profile/qr-code.svg' },
        },
      },
    ],
  },
);

const PhoneNumberBody = Type.Object({ msisdn: Type.String(), is_primary: Type.Boolean(), country: Type.String() });
const ServiceBody = Type.Object({ type: Type.String(), enabled: Type.Boolean() });
const PhoneNumbersBody = Type.Object(
  {
    _links: Type.Object({ self: Link, subscription: Link }),
    _embedded: Type.Object({ phone_numbers: Type.Array(PhoneNumberBody) }),
  },
  {
    examples: [
      {
        _links: {
          self: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/phone-numbers' },
          subscription: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB' },
        },
        _embedded: { phone_numbers: [{ msisdn: '447700900123', is_primary: true, country: 'GB' }] },
      },
    ],
  },
);
const ServicesBody = Type.Object(
  {
    _links: Type.Object({ self: Link, subscription: Link }),
    _embedded: Type.Object({ services: Type.Array(ServiceBody) }),
  },
  {
    examples: [
      {
        _links: {
          self: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/services' },
          subscription: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB' },
        },
        _embedded: {
          services: [
            { type: 'voice', enabled: true },
            { type: 'sms', enabled: true },
            { type: 'data', enabled: true },
            { type: 'roaming', enabled: false },
          ],
        },
      },
    ],
  },
);

const SubscriptionBody = Type.Object(
  {
    id: Type.String(),
    status: Type.String(),
    created_at: Type.String(),
    terminated_at: Nullable(Type.String()),
    _links: Type.Object({
      self: Link,
      account: Link,
      subscriber: Link,
      sim_profile: Link,
      phone_numbers: Link,
      services: Link,
      products: Link,
    }),
    _embedded: Type.Optional(
      Type.Object({
        account: Type.Optional(AccountBody),
        subscriber: Type.Optional(SubscriberBody),
        sim_profile: Type.Optional(Nullable(SimProfileBody)),
        phone_numbers: Type.Optional(PhoneNumbersBody),
        services: Type.Optional(ServicesBody),
      }),
    ),
  },
  {
    // without Prefer: links to its parts; with Prefer: transclude="…", the named parts in _embedded
    examples: [
      {
        id: 'sub_01HTJA47C93ABKKR58T05JBAJB',
        status: 'active',
        created_at: '2026-09-01T08:30:00.000Z',
        terminated_at: null,
        _links: {
          self: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB' },
          account: { href: '/enterprise/accounts/acc_01HTQ8VBN4DEJP5S8BPV4657VG' },
          subscriber: { href: '/enterprise/subscribers/sbr_01CWCM8KDGFTCYVH3KDP46HDXV' },
          sim_profile: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/sim-profile' },
          phone_numbers: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/phone-numbers' },
          services: { href: '/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/services' },
          products: { href: '/enterprise/products?account_id=acc_01HTQ8VBN4DEJP5S8BPV4657VG' },
        },
      },
    ],
  },
);

const selfOf = (id: string) => `/enterprise/subscriptions/${id}`;

export function representSimProfile(view: SubscriptionView) {
  const { sim, subscription } = view;
  if (!sim) return null;
  const code = sim.simType === 'esim' ? activationCode(sim.smdpAddress, sim.matchingId) : null;
  const self = `${selfOf(subscription.id)}/sim-profile`;
  return {
    iccid: sim.iccid,
    sim_type: sim.simType,
    status: sim.state,
    eid: sim.eid,
    activation_code: code,
    _links: {
      self: link(self),
      subscription: link(selfOf(subscription.id)),
      ...(code ? { qr_code_png: link(`${self}/qr-code.png`), qr_code_svg: link(`${self}/qr-code.svg`) } : {}),
    },
  };
}

const representPhoneNumbers = (id: string, numbers: PhoneNumberPart[]) => ({
  _links: { self: link(`${selfOf(id)}/phone-numbers`), subscription: link(selfOf(id)) },
  _embedded: { phone_numbers: numbers },
});

const representServices = (id: string, list: ServicePart[]) => ({
  _links: { self: link(`${selfOf(id)}/services`), subscription: link(selfOf(id)) },
  _embedded: { services: list },
});

export function representSubscription(view: SubscriptionView, parts: Part[]) {
  const s = view.subscription;
  const embedded: Record<string, unknown> = {};
  if (parts.includes('account')) embedded.account = representAccount(view.account);
  if (parts.includes('subscriber')) embedded.subscriber = representSubscriber(view.subscriber);
  if (parts.includes('sim_profile')) embedded.sim_profile = representSimProfile(view);
  if (parts.includes('phone_numbers')) embedded.phone_numbers = representPhoneNumbers(s.id, view.phoneNumbers ?? []);
  if (parts.includes('services')) embedded.services = representServices(s.id, view.services ?? []);
  return { ...representSubscriptionRow(s), ...(parts.length > 0 ? { _embedded: embedded } : {}) };
}

/** The subscription itself, nothing embedded. */
export function representSubscriptionRow(s: SubscriptionView['subscription']) {
  const self = selfOf(s.id);
  return {
    id: s.id,
    status: s.status,
    created_at: s.createdAt.toISOString(),
    terminated_at: iso(s.terminatedAt),
    _links: {
      self: link(self),
      account: link(`/enterprise/accounts/${s.accountId}`),
      subscriber: link(`/enterprise/subscribers/${s.subscriberId}`),
      sim_profile: link(`${self}/sim-profile`),
      phone_numbers: link(`${self}/phone-numbers`),
      services: link(`${self}/services`),
      products: link(`/enterprise/products?account_id=${s.accountId}`),
    },
  };
}

/** Prefer headers parsed lately: clients send the same one again and again. Bounded, as the header is the client's. */
const preferences = new Map<string, { parts: Part[]; applied: string }>();
const PREFERENCES_KEPT = 256;

function preferenceOf(prefer: string): { parts: Part[]; applied: string } {
  let known = preferences.get(prefer);
  if (!known) {
    const parts = parseTransclude(prefer, PARTS);
    known = { parts, applied: preferenceApplied(parts) };
    if (preferences.size >= PREFERENCES_KEPT) preferences.clear();
    preferences.set(prefer, known);
  }
  return known;
}

/** The parts a request asks to embed; tells the client which were applied. */
function transclusion(request: FastifyRequest, reply: FastifyReply): Part[] {
  const header = request.headers.prefer;
  const prefer = typeof header === 'string' ? header : [header].flat().join(', ');
  reply.header('vary', 'Prefer');
  if (!prefer) return [];
  const { parts, applied } = preferenceOf(prefer);
  reply.header('preference-applied', applied);
  return parts;
}

const partsToLoad = (parts: Part[]) => ({
  phoneNumbers: parts.includes('phone_numbers'),
  services: parts.includes('services'),
});

export function subscriptionRoutes(platform: Platform) {
  const one = (request: FastifyRequest, id: string, parts: { phoneNumbers?: boolean; services?: boolean } = {}) =>
    platform.subscriptionReads.get(principalOf(request).organizationId, pathId('subscription', id), parts);

  return async (app: App) => {
    app.get(
      '/subscriptions',
      {
        config: EXPENSIVE,
        schema: {
          tags: ['subscriptions'],
          summary: 'List subscriptions',
          description:
            'The organization\'s subscriptions, newest first, filtered by `status` (active, suspended, terminated). Without a `Prefer` header a subscription carries `_links` to its parts; with `Prefer: transclude="subscriber;account;sim_profile;phone_numbers;services"` exactly the named parts are embedded, and `Preference-Applied` says which.',
          querystring: Type.Object({
            status: Type.Optional(Type.Enum(SUBSCRIPTION_STATUSES)),
            ...ListQuery,
          }),
          headers: PreferHeader,
          response: { 200: HalList('subscriptions', SubscriptionBody), ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        const org = principalOf(request).organizationId;
        const parts = transclusion(request, reply);
        const { status } = request.query;
        const read = async (db: Db) => {
          const page = await paginate(
            request.query,
            { status },
            async (after, rows) => (await listSubscriptions(db, org, { status, after, rows }, partsToLoad(parts))).map((v) => ({ id: v.subscription.id, v })),
            platform.expensivePages,
          );
          return halList(request, 'subscriptions', page, ({ v }) => representSubscription(v, parts));
        };
        // The hottest list: the primary's page is cached as its bytes (links are relative to
        // the URL) until the organization's next change, a new subscription included
        // (announced by its activation); a replica's is not, as it may not have replayed that change.
        const key = `subscriptions page ${parts.join(';')} ${request.url}`;
        const answer = await readList<Buffer | Awaited<ReturnType<typeof read>>>(platform.reads, request, reply, (db, source) =>
          source === 'primary'
            ? platform.readCache.get(
                org,
                key,
                async () => serialized(reply, await read(db)),
                (bytes) => bytes.length,
              )
            : read(db),
        );
        return Buffer.isBuffer(answer) ? sendSerialized(reply, answer) : answer;
      },
    );

    app.get(
      '/subscriptions/:id',
      {
        schema: {
          tags: ['subscriptions'],
          summary: 'Get a subscription',
          description:
            'One subscription (`sub_` + ULID) with its status and links to its subscriber, account, SIM profile, phone numbers and services; `Prefer: transclude="…"` embeds the named parts.',
          params: IdParams,
          headers: PreferHeader,
          response: { 200: SubscriptionBody, ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request, reply) => {
        const parts = transclusion(request, reply);
        const org = principalOf(request).organizationId;
        const id = pathId('subscription', request.params.id);
        // The API's hottest read: cached as the bytes it sends, as a page is.
        const answer = await platform.readCache.get(
          org,
          `subscription answer ${id} ${parts.join(';')}`,
          async () => serialized(reply, representSubscription(await getSubscription(platform.db, org, id, partsToLoad(parts)), parts)),
          (bytes) => bytes.length,
        );
        return sendSerialized(reply, answer);
      },
    );

    app.get(
      '/subscriptions/:id/phone-numbers',
      {
        schema: {
          tags: ['subscriptions'],
          summary: "Get a subscription's phone numbers",
          description: "The subscription's numbers: `_embedded.phone_numbers[]` of `{msisdn, is_primary, country}`.",
          params: IdParams,
          response: { 200: PhoneNumbersBody, ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request) => {
        const view = await one(request, request.params.id, { phoneNumbers: true });
        return representPhoneNumbers(view.subscription.id, view.phoneNumbers ?? []);
      },
    );

    app.get(
      '/subscriptions/:id/services',
      {
        schema: {
          tags: ['subscriptions'],
          summary: "Get a subscription's services",
          description:
            "The subscription's services and whether each is enabled: `_embedded.services[]` of `{type (voice, sms, data, roaming…), enabled}`. A suspended subscription has every service barred.",
          params: IdParams,
          response: { 200: ServicesBody, ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request) => {
        const view = await one(request, request.params.id, { services: true });
        return representServices(view.subscription.id, view.services ?? []);
      },
    );

    app.get(
      '/subscriptions/:id/sim-profile',
      {
        schema: {
          tags: ['subscriptions'],
          summary: "Get a subscription's SIM profile",
          description:
            'The SIM profile: `iccid`, `sim_type` (esim or psim), `status`; for an eSIM its activation code (`LPA:1$<SM-DP+ address>$<matching id>`) and links to its QR code.',
          params: IdParams,
          response: { 200: SimProfileBody, ...errorResponses(401, 403, 404, 429) },
        },
      },
      async (request) => {
        const view = await one(request, request.params.id);
        const profile = representSimProfile(view);
        if (!profile) throw notFound(`SIM profile of subscription ${view.subscription.id}`);
        return profile;
      },
    );

    for (const format of ['png', 'svg'] as const) {
      app.get(
        `/subscriptions/:id/sim-profile/qr-code.${format}`,
        {
          schema: {
            tags: ['subscriptions'],
            summary: `The eSIM activation code as a QR code (${format.toUpperCase()})`,
            description: `The eSIM's activation code as a ${format.toUpperCase()} QR code, to scan with the device. 404 for a physical SIM or an eSIM not yet prepared.`,
            params: IdParams,
            produces: [format === 'png' ? 'image/png' : 'image/svg+xml'],
            response: errorResponses(401, 403, 404, 429),
          },
        },
        async (request, reply) => {
          const profile = representSimProfile(await one(request, request.params.id));
          if (!profile?.activation_code) throw notFound(`eSIM activation code of subscription ${request.params.id}`);
          reply.header('cache-control', 'private, no-store');
          if (format === 'png') return reply.type('image/png').send(await qrCodePng(profile.activation_code));
          return reply.type('image/svg+xml').send(await qrCodeSvg(profile.activation_code));
        },
      );
    }
  };
}
