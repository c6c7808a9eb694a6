// The operator's work done in this process, over the domain services and the configured
// database (on the embedded database: while no server holds it). Answers the operator
// API's JSON, passed through JSON so it is exactly what the API would send.
import type { Config } from '../config.ts';
import { openPlatform, type Platform } from '../platform.ts';
import { seedDemo } from '../demo/seed.ts';
import { demoJson } from '../demo/demo-json.ts';
import { activeLines } from '../demo/usage.ts';
import { listOrders, retryOrder } from '../domain/orders/orders.service.ts';
import { findMail, listMail } from '../domain/orders/mail.store.ts';
import { applyProfileEvent } from '../domain/inventory/profile-events.ts';
import type { ProfileEvent } from '../network/smdp/smdp.ts';
import { invalidParams, notFound } from '../domain/errors.ts';
import { createClient, disableClient, listClients, rotateClientSecret } from '../auth/clients.service.ts';
import { createSigningKey } from '../auth/key-ring.ts';
import { createOrganization, getOrganization, listOrganizations, setLicences } from '../domain/organizations/organizations.service.ts';
import { listCustomers } from '../domain/customers/customers.service.ts';
import { getConnectSettings, updateConnectSettings } from '../domain/organizations/connect-settings.service.ts';
import { listExchangeRates, removeExchangeRate, setExchangeRate } from '../domain/catalog/exchange-rates.ts';
import { createAccount, listAccounts } from '../domain/accounts/accounts.service.ts';
import { createOffering } from '../domain/catalog/offerings.service.ts';
import { newOffering } from '../operator/offering-body.ts';
import { listOfferings } from '../domain/catalog/offerings.store.ts';
import { createTemplate, listTemplates } from '../domain/catalog/templates.service.ts';
import { countSimsByState, importSims, type SimType } from '../domain/inventory/sims.service.ts';
import { createPool, importNumbers, listPools } from '../domain/inventory/numbers.service.ts';
import { authorizeSender, listSenders, revokeSender } from '../domain/sms/senders.service.ts';
import { followDeliveries, getDelivery, listDeliveries, redeliver } from '../domain/webhooks/webhooks.service.ts';
import { rotateWebhookSecret, webhookSecret } from '../domain/webhooks/secrets.ts';
import { advanceClock } from '../domain/subscriptions/sandbox-clock.ts';
import { ingestUsage } from '../domain/usage/ingest.service.ts';
import type { Licence } from '../auth/licences.ts';
import {
  accountJson,
  clientJson,
  connectSettingsJson,
  customerJson,
  deliveryJson,
  exchangeRateJson,
  mailJson,
  offeringJson,
  orderJson,
  organizationJson,
  poolJson,
  templateJson,
  webhookEventJson,
} from '../operator/representations.ts';
import type { Operator } from './operator.ts';
import { invitePerson } from '../console/invitations.ts';
import { listPeople } from '../console/people.service.ts';
import { personJson } from '../console/representations.ts';

/** Whole lists: the CLI prints everything (the API pages the same rows). */
const ALL = 1000;

/** What the API would send: dates as ISO strings, undefined fields left out. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

export async function openLocalOperator(config: Config): Promise<Operator> {
  const platform: Platform = await openPlatform(config);
  const db = platform.db;
  const run = async <T>(work: () => Promise<T>): Promise<T> => plain(await work());
  return {
    where: 'in-process',
    demo: () => run(async () => demoJson(config.publicUrl, await seedDemo(db))),

    createOrganization: (body) => run(async () => organizationJson(await createOrganization(db, { name: body.name, licences: body.licences }))),
    listOrganizations: () => run(async () => (await listOrganizations(db, undefined, ALL)).map(organizationJson)),
    invitePerson: ({ organization_id: organizationId, ...body }) =>
      run(async () => personJson(await db.transaction((tx) => invitePerson({ tx, queue: platform.queue, publicUrl: config.publicUrl }, { ...body, organizationId })))),
    listPeople: (q) =>
      run(async () => (await listPeople(db, { organizationId: q.organization_id === 'operator' ? null : q.organization_id, rows: q.limit })).map((p) => personJson(p))),
    setLicences: (org, licences) => run(async () => organizationJson(await setLicences(db, org, licences as Licence[]))),

    createClient: (org, body) =>
      run(async () => {
        const { client, secret } = await createClient(db, org, { ...body, role: body.role, licences: body.licences, family: body.family });
        return { ...clientJson(client), client_secret: secret };
      }),
    listClients: (org) =>
      run(async () => {
        await getOrganization(db, org);
        return (await listClients(db, org)).map(clientJson);
      }),
    disableClient: (org, clientId) => disableClient(db, org, clientId),
    rotateClientSecret: (org, clientId) =>
      run(async () => {
        const { client, secret } = await db.transaction((tx) => rotateClientSecret(tx, org, clientId));
        return { ...clientJson(client), client_secret: secret };
      }),

    listCustomers: (org) =>
      run(async () => {
        await getOrganization(db, org);
        return (await listCustomers(db, org, 0, ALL)).map(customerJson);
      }),

    connectSettings: (org, changes) =>
      run(async () =>
        connectSettingsJson(
          changes?.topup_requires_country_code === undefined
            ? await getConnectSettings(db, org)
            : await updateConnectSettings(db, org, { topupRequiresCountryCode: changes.topup_requires_country_code }),
        ),
      ),

    listExchangeRates: () => run(async () => (await listExchangeRates(db)).map(exchangeRateJson)),
    setExchangeRate: (from, to, rate) => run(async () => exchangeRateJson(await setExchangeRate(db, from, to, rate))),
    removeExchangeRate: (from, to) => removeExchangeRate(db, from, to),

    createAccount: (org, body) => run(async () => accountJson(await createAccount(db, org, { name: body.name, country: body.country, referenceCode: body.reference_code }))),
    listAccounts: (org) =>
      run(async () => {
        await getOrganization(db, org);
        return (await listAccounts(db, org, undefined, ALL)).map(accountJson);
      }),
    createOffering: (org, body) => run(async () => offeringJson(await createOffering(db, org, newOffering(body)))),
    listOfferings: (org) =>
      run(async () => {
        await getOrganization(db, org);
        return (await listOfferings(db, org, undefined, ALL)).map(offeringJson);
      }),
    createTemplate: (org, b) =>
      run(async () =>
        templateJson(
          await createTemplate(db, org, {
            description: b.description,
            offeringIds: b.offering_ids,
            numberPoolId: b.number_pool_id,
            services: b.services,
          }),
        ),
      ),
    listTemplates: (org) =>
      run(async () => {
        await getOrganization(db, org);
        return (await listTemplates(db, org, undefined, ALL)).map(templateJson);
      }),

    importSims: (simType, iccids) => run(() => importSims(db, iccids, simType as SimType)),
    simEvent: (iccid, body) => run(() => applyProfileEvent(db, iccid, body.event as ProfileEvent, body.eid)),
    simSummary: () => run(async () => (await countSimsByState(db)).map((r) => ({ sim_type: r.simType, state: r.state, count: r.count }))),
    createPool: (body) => run(async () => poolJson(await createPool(db, body))),
    importNumbers: (pool, msisdns) => run(() => importNumbers(db, pool, msisdns)),
    listPools: () => run(async () => (await listPools(db)).map(({ pool, ...counts }) => poolJson(pool, counts))),

    addSender: (org, msisdn) => run(() => authorizeSender(db, org, msisdn)),
    removeSender: (org, msisdn) => revokeSender(db, org, msisdn),
    listSenders: (org) =>
      run(async () => {
        await getOrganization(db, org);
        return (await listSenders(db, org)).map((s) => ({ msisdn: s.msisdn, created_at: s.createdAt.toISOString() }));
      }),

    listOrders: (q) => run(async () => (await listOrders(db, q.organization_id, { status: q.status, rows: q.limit })).map(orderJson)),
    retryOrder: (id) => run(async () => orderJson(await retryOrder(platform, id))),
    listMail: (q) => run(async () => (await listMail(db, { state: q.state, rows: q.limit })).map((m) => mailJson(m))),
    showMail: (id) =>
      run(async () => {
        const mail = await findMail(db, id);
        if (!mail) throw notFound(`mail ${id}`);
        return mailJson(mail, true);
      }),

    listDeliveries: (q) => run(async () => (await listDeliveries(db, { organizationId: q.organization_id, status: q.status, rows: q.limit })).map((d) => deliveryJson(d))),
    showDelivery: (id) =>
      run(async () => {
        const { delivery, attempts } = await getDelivery(db, id);
        return deliveryJson(delivery, attempts);
      }),
    redeliver: (id) => run(async () => deliveryJson(await redeliver(db, id))),
    webhookSecret: (org, rotate) =>
      run(async () => {
        await getOrganization(db, org);
        return { secret: rotate ? await rotateWebhookSecret(db, platform.sealing, org) : await webhookSecret(db, platform.sealing, org) };
      }),

    webhookEvents: (org, q, signal) =>
      run(async () => {
        await getOrganization(db, org);
        const { deliveries, next } = await followDeliveries(db, org, { after: q.after, rows: q.limit ?? 100, waitMs: (q.wait ?? 0) * 1000, signal });
        return { items: deliveries.map(webhookEventJson), next_cursor: next };
      }),

    advanceSandbox: (org, seconds) =>
      run(async () => {
        if (!Number.isInteger(seconds) || seconds < 1) throw invalidParams('seconds: must move time forward');
        return advanceClock(platform, org, seconds);
      }),
    rotateSigningKey: () => run(async () => ({ kid: await createSigningKey(db, platform.sealing) })),

    ingestUsage: (records) => run(() => ingestUsage(db, records)),
    activeLines: (org) => run(async () => (await activeLines(db, org)).map((l) => ({ msisdn: l.msisdn, home_country: l.homeCountry }))),

    close: () => platform.close(),
  };
}
