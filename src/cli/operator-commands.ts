// The operator surface as CLI commands, over the same services as /operator. Each
// prints JSON with --json. They open the configured database directly (on the
// embedded database, while the server is stopped).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Db } from '../db/database.ts';
import type { Platform } from '../platform.ts';
import type { CliIo } from './io.ts';
import { listOrders, retryOrder } from '../domain/orders/orders.service.ts';
import { findMail, listMail } from '../domain/orders/mail.store.ts';
import { applyProfileEvent } from '../domain/inventory/profile-events.ts';
import { invalidParams, notFound } from '../http/errors.ts';
import type { ProfileEvent } from '../network/smdp/smdp.ts';
import { createClient, disableClient, listClients } from '../auth/clients.service.ts';
import { createSigningKey } from '../auth/key-ring.ts';
import { createOrganization, getOrganization, listOrganizations, setLicences } from '../domain/organizations/organizations.service.ts';
import { createAccount, listAccounts } from '../domain/accounts/accounts.service.ts';
import { createOffering } from '../domain/catalog/offerings.service.ts';
import { listOfferings } from '../domain/catalog/offerings.store.ts';
import { createTemplate, listTemplates } from '../domain/catalog/templates.service.ts';
import { countSimsByState, importSims, type SimType } from '../domain/inventory/sims.service.ts';
import { createPool, importNumbers, listPools } from '../domain/inventory/numbers.service.ts';
import { authorizeSender, listSenders, revokeSender } from '../domain/sms/senders.service.ts';
import { formatOf, importUsageFile } from './usage-import.ts';
import { getDelivery, listDeliveries, redeliver } from '../domain/webhooks/webhooks.service.ts';
import { rotateWebhookSecret, webhookSecret } from '../domain/webhooks/secrets.ts';
import { advanceClock } from '../domain/subscriptions/sandbox-clock.ts';
import { listCustomers } from '../domain/customers/customers.service.ts';
import { accountJson, clientJson, customerJson, deliveryJson, mailJson, offeringJson, orderJson, organizationJson, poolJson, templateJson } from '../api/operator/representations.ts';

export type WithDb = <T>(work: (db: Db, platform: Platform) => Promise<T>) => Promise<void>;

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

/** Reads one value a line (ICCIDs, MSISDNs) from a file, or stdin for "-"; # starts a comment. */
function linesOf(file: string, io: CliIo): string[] {
  const text = file === '-' ? io.stdin() : readFileSync(file, 'utf8');
  return text.split(/\r?\n/).map((l) => l.replace(/#.*/, '').split(',')[0].trim()).filter(Boolean);
}

export function registerOperatorCommands(program: Command, withDb: WithDb, io: CliIo): void {
  const org = program.command('org').description('organizations (tenants)');
  org.command('create').requiredOption('--name <name>').option('--licences <list>', 'comma-separated enterprise licences', '')
    .action((o) => withDb(async (db) => organizationJson(await createOrganization(db, { name: o.name, licences: list(o.licences) }))));
  org.command('list').action(() => withDb(async (db) => (await listOrganizations(db, undefined, 1000)).map(organizationJson)));
  org.command('licences <organization> <licences>').description('replace the licences (comma-separated)')
    .action((id, licences) => withDb(async (db) => organizationJson(await setLicences(db, id, list(licences)))));

  const client = program.command('client').description('API clients; the secret is shown once');
  client.command('create <organization>').requiredOption('--family <family>', 'enterprise or connect')
    .option('--name <name>', 'a label', 'api client').option('--role <role>', 'connect: RESELLER or ACCOUNT_MANAGER')
    .option('--licences <list>', 'enterprise: comma-separated licences', '')
    .action((id, o) => withDb(async (db) => {
      const { client: c, secret } = await createClient(db, id, { name: o.name, family: o.family, role: o.role, licences: list(o.licences) });
      return { ...clientJson(c), client_secret: secret };
    }));
  client.command('list <organization>').action((id) => withDb(async (db) => (await listClients(db, id)).map(clientJson)));
  client.command('disable <organization> <clientId>').action((id, clientId) =>
    withDb(async (db) => { await disableClient(db, id, clientId); return { client_id: clientId, disabled: true }; }));

  const customer = program.command('customer').description("a reseller's Connect customers (each created by its ACCOUNT_MANAGER client)");
  customer.command('list <organization>').action((id) => withDb(async (db) => {
    await getOrganization(db, id);
    return (await listCustomers(db, id, 0, 1000)).map(customerJson);
  }));

  const account = program.command('account').description('business accounts');
  account.command('create <organization>').requiredOption('--name <name>').requiredOption('--country <code>')
    .option('--reference <code>').action((id, o) => withDb(async (db) =>
      accountJson(await createAccount(db, id, { name: o.name, country: o.country, referenceCode: o.reference }))));
  account.command('list <organization>').action((id) => withDb(async (db) => (await listAccounts(db, id, undefined, 1000)).map(accountJson)));

  const offering = program.command('offering').description('product offerings (plans and add-ons)');
  offering.command('create <organization>').requiredOption('--type <type>', 'plan or add_on').requiredOption('--name <name>')
    .requiredOption('--validity-days <days>').requiredOption('--price <amount>').requiredOption('--currency <code>')
    .option('--data-bytes <n>').option('--voice-seconds <n>').option('--sms <n>').option('--footprint <countries>', '', '')
    .option('--description <text>')
    .action((id, o) => withDb(async (db) => offeringJson(await createOffering(db, id, {
      type: o.type, name: o.name, description: o.description, validityDays: Number(o.validityDays), price: o.price,
      currency: o.currency, dataBytes: o.dataBytes ? Number(o.dataBytes) : null, voiceSeconds: o.voiceSeconds ? Number(o.voiceSeconds) : null,
      smsCount: o.sms ? Number(o.sms) : null, footprint: list(o.footprint),
    }))));
  offering.command('list <organization>').action((id) => withDb(async (db) => (await listOfferings(db, id, undefined, 1000)).map(offeringJson)));

  const template = program.command('template').description('order templates');
  template.command('create <organization>').requiredOption('--description <text>').requiredOption('--offerings <ids>')
    .option('--pool <id>').option('--services <list>')
    .action((id, o) => withDb(async (db) => templateJson(await createTemplate(db, id, {
      description: o.description, offeringIds: list(o.offerings), numberPoolId: o.pool, services: o.services ? list(o.services) : undefined,
    }))));
  template.command('list <organization>').action((id) => withDb(async (db) => (await listTemplates(db, id, undefined, 1000)).map(templateJson)));

  const sim = program.command('sim').description('SIM inventory');
  sim.command('import <file>').description('one ICCID a line ("-" reads stdin)').option('--type <type>', 'esim or psim', 'esim')
    .action((file, o) => withDb(async (db) => importSims(db, linesOf(file, io), o.type as SimType)));
  sim.command('event <iccid> <event>').description('simulate a device event: downloaded, installed or deleted')
    .option('--eid <eid>', 'the device\'s EID (32 digits)')
    .action((iccid, event, o) => withDb(async (db) => {
      if (!['downloaded', 'installed', 'deleted'].includes(event)) throw new Error('event: must be one of downloaded, installed, deleted');
      return applyProfileEvent(db, iccid, event as ProfileEvent, o.eid);
    }));
  sim.command('summary').action(() => withDb(async (db) =>
    (await countSimsByState(db)).map((r) => ({ sim_type: r.simType, state: r.state, count: r.count }))));

  const pool = program.command('pool').description('number pools');
  pool.command('create').requiredOption('--name <name>').requiredOption('--country <code>')
    .action((o) => withDb(async (db) => poolJson(await createPool(db, { name: o.name, country: o.country }))));
  pool.command('import <pool> <file>').description('one MSISDN a line ("-" reads stdin)')
    .action((id, file) => withDb(async (db) => importNumbers(db, id, linesOf(file, io))));
  pool.command('list').action(() => withDb(async (db) => (await listPools(db)).map(({ pool: p, ...counts }) => poolJson(p, counts))));

  const sender = program.command('sender').description('authorized SMS senders');
  sender.command('add <organization> <msisdn>').action((id, msisdn) => withDb(async (db) => authorizeSender(db, id, msisdn)));
  sender.command('remove <organization> <msisdn>').action((id, msisdn) =>
    withDb(async (db) => { await revokeSender(db, id, msisdn); return { msisdn, removed: true }; }));
  sender.command('list <organization>').action((id) => withDb(async (db) => (await listSenders(db, id)).map((s) => ({ msisdn: s.msisdn }))));

  const order = program.command('order').description('orders');
  order.command('list').option('--status <status>', 'pending, completed, failed or canceled').option('--org <organization>')
    .option('--limit <n>', 'at most this many', '100')
    .action((o) => withDb(async (db) => (await listOrders(db, o.org, { status: o.status, rows: Number(o.limit) })).map(orderJson)));
  order.command('retry <order>').description('retry a failed order from the start')
    .action((id) => withDb(async (_db, platform) => orderJson(await retryOrder(platform, id))));

  const mail = program.command('mail').description('mail sent, or kept in the outbox without SMTP');
  mail.command('list').option('--state <state>', 'sent, outbox, …').action((o) =>
    withDb(async (db) => (await listMail(db, { state: o.state, rows: 100 })).map((m) => mailJson(m))));
  mail.command('show <id>').action((id) => withDb(async (db) => {
    const m = await findMail(db, id);
    if (!m) throw notFound(`mail ${id}`);
    return mailJson(m, true);
  }));

  const webhook = program.command('webhook').description('webhook deliveries and signing secrets');
  webhook.command('list').option('--status <status>', 'pending, delivered or failed').option('--org <organization>')
    .option('--limit <n>', 'at most this many', '100')
    .action((o) => withDb(async (db) => (await listDeliveries(db, { organizationId: o.org, status: o.status, rows: Number(o.limit) })).map((d) => deliveryJson(d))));
  webhook.command('show <delivery>').description('a delivery with every attempt').action((id) => withDb(async (db) => {
    const { delivery, attempts } = await getDelivery(db, id);
    return deliveryJson(delivery, attempts);
  }));
  webhook.command('redeliver <delivery>').description('send again from the start of the retry schedule, same webhook-id')
    .action((id) => withDb(async (db) => deliveryJson(await redeliver(db, id))));
  webhook.command('secret <organization>').description("the organization's whsec_ signing secret").option('--rotate', 'replace it first')
    .action((id, o) => withDb(async (db, platform) => {
      await getOrganization(db, id);
      return { secret: o.rotate ? await rotateWebhookSecret(db, platform.sealing, id) : await webhookSecret(db, platform.sealing, id) };
    }));

  program.command('sandbox').description("a Connect reseller's sandbox clock").command('advance <organization>')
    .description('move its time forward: subscriptions activate and expire as if it had passed')
    .option('--days <n>', 'days to move forward', '0').option('--hours <n>', 'hours to move forward', '0')
    .action((id, o) => withDb(async (_db, platform) => {
      const seconds = Math.round((Number(o.days) * 24 + Number(o.hours)) * 3600);
      if (!Number.isFinite(seconds) || seconds < 1) throw invalidParams('--days or --hours: must move time forward');
      return advanceClock(platform, id, seconds);
    }));

  program.command('keys').description('token signing keys').command('rotate')
    .description('add a new signing key; it signs from now on, older keys keep verifying')
    .action(() => withDb(async (db, platform) => ({ kid: await createSigningKey(db, platform.sealing) })));

  const usage = program.command('usage').description('usage records from the network (mediation)');
  usage.command('import <file>').description('rate a CSV (header row of field names) or JSON-lines file; duplicates are ignored')
    .option('--format <format>', 'csv or jsonl (default: from the file name)')
    .action((file, o) => withDb(async (db) => importUsageFile(db, file, formatOf(file, o.format), io.progress)));
}
