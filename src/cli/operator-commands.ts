// The operator surface as CLI commands. Each works through an Operator (operator.ts):
// in this process over the domain services, or through the running server's operator
// API when that server holds the embedded database; the output is the same. Nothing
// heavy is imported here: --help and a command against a server load only what they use.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { LICENCES } from '../auth/licences.ts';
import { iccidWithCheckDigit } from '../domain/telecom.ts';
import type { CliIo } from './io.ts';
import type { MailJson, Operator } from './operator.ts';
import type { OpenOptions } from './open-operator.ts';

/** Runs a command's work with the operator and prints what it answers (if anything). */
export type WithOperator = (work: (operator: Operator) => Promise<unknown>, options?: OpenOptions) => Promise<void>;

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function whole(option: string, value: string, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new Error(`${option}: must be a whole number, ${min === max ? min : `${min} or more`}${max < Number.MAX_SAFE_INTEGER ? ` (at most ${max})` : ''}`);
  }
  return n;
}

/** Reads one value a line (ICCIDs, MSISDNs) from a file, or stdin for "-"; # starts a comment. */
function linesOf(file: string, io: CliIo): string[] {
  const text = file === '-' ? io.stdin() : readFileSync(file, 'utf8');
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').split(',')[0].trim())
    .filter(Boolean);
}

const LICENCE_LIST = LICENCES.join(', ');
const LIST_LIMIT = 'at most this many (newest first)';

export const USAGE_COLUMNS = `Records are CSV with a header row naming the fields (any order), or JSON lines
(one object a line) with the same fields:
  source_record_id   required; the mediation's id of the record (1-128 characters); a
                     record sent again with the same id is ignored (re-imports are safe)
  msisdn             the subscriber's number (E.164, with or without +)   } one of the
  iccid              the SIM's ICCID (19 digits, Luhn-checked)             } two
  type               required: voice, data or sms
  direction          required: inbound or outbound
  location_country   required: where it happened, ISO 3166-1 alpha-2 (GB, FR, ...);
                     abroad is roaming
  started_at         required: ISO 8601 date-time with an offset (2026-11-30T10:00:00Z);
                     at most 400 days ago
  ended_at           optional: ISO 8601 date-time, not before started_at (default: started_at)
  quantity           required: a whole number in the type's unit: seconds (voice),
                     bytes (data), messages (sms)
  unit               optional: seconds, bytes or messages; must match the type
  other_party        optional: the other number, up to 15 digits
  technology         optional: e.g. volte, cs, 4g, 5g (up to 16 characters)
  is_recorded        optional: true for a recorded call
Example:
  source_record_id,msisdn,type,direction,location_country,started_at,ended_at,quantity
  cdr-1,447700900123,voice,outbound,GB,2026-11-30T10:00:00Z,2026-11-30T10:00:45Z,45
Each record is rated to the subscription that held the number (or SIM) when it started.
A refused record is listed with its line number and reason; the rest are rated.`;

export function registerOperatorCommands(program: Command, withOperator: WithOperator, io: CliIo): void {
  const run = withOperator;

  const org = program.command('org').description('organizations (tenants) and their enterprise licences');
  org
    .command('create')
    .description('create an organization')
    .requiredOption('--name <name>', 'its name')
    .option('--licences <list>', `comma-separated enterprise licences it holds: ${LICENCE_LIST}`, '')
    .action((o) => run((op) => op.createOrganization({ name: o.name, licences: list(o.licences) })));
  org
    .command('list')
    .description('list every organization')
    .action(() => run((op) => op.listOrganizations()));
  org
    .command('licences <organization> <licences>')
    .description(`replace an organization's licences (comma-separated: ${LICENCE_LIST})`)
    .action((id, licences) => run((op) => op.setLicences(id, list(licences))));

  const client = program.command('client').description("API clients (an organization's credentials); the secret is shown once");
  client
    .command('create <organization>')
    .description('create an API client and print its secret (shown only now)')
    .addOption(new Option('--family <family>', 'which APIs it calls').choices(['enterprise', 'connect']).makeOptionMandatory())
    .option('--name <name>', 'a label', 'api client')
    .addOption(new Option('--role <role>', 'connect: what it may do').choices(['RESELLER', 'ACCOUNT_MANAGER']))
    .option('--licences <list>', `enterprise: comma-separated licences it is given (required; each must be the organization's too): ${LICENCE_LIST}`, '')
    .action((id, o) => {
      const licences = list(o.licences);
      if (o.family === 'enterprise' && licences.length === 0) {
        throw new Error(
          `--licences: an enterprise client needs at least one licence, or it can call nothing; give some of ${LICENCE_LIST} (e.g. --licences accounts,subscriptions)`,
        );
      }
      return run((op) => op.createClient(id, { name: o.name, family: o.family, role: o.role, licences: o.family === 'enterprise' ? licences : undefined }));
    });
  client
    .command('list <organization>')
    .description("list an organization's API clients (no secrets)")
    .action((id) => run((op) => op.listClients(id)));
  client
    .command('rotate <organization> <clientId>')
    .description('give an API client a new secret and print it (shown only now); the old secret stops working at once')
    .action((id, clientId) => run((op) => op.rotateClientSecret(id, clientId)));
  client
    .command('disable <organization> <clientId>')
    .description('disable an API client: its tokens stop working within 5 s')
    .action((id, clientId) =>
      run(async (op) => {
        await op.disableClient(id, clientId);
        return { client_id: clientId, disabled: true };
      }),
    );

  const customer = program.command('customer').description("a reseller's Connect customers (each created by its ACCOUNT_MANAGER client)");
  customer
    .command('list <organization>')
    .description("list a reseller's customers, oldest first, with the client acting for each")
    .action((id) => run((op) => op.listCustomers(id)));

  const reseller = program.command('reseller').description("a Connect reseller's settings");
  reseller
    .command('settings <organization>')
    .description("show a reseller's settings, after changing those given")
    .addOption(
      new Option('--topup-country-code <rule>', 'whether a TOPUP order must carry countryCode (orders.md: "configurable"; optional by default)').choices(['required', 'optional']),
    )
    .action((id, o) => run((op) => op.connectSettings(id, o.topupCountryCode === undefined ? undefined : { topup_requires_country_code: o.topupCountryCode === 'required' })));

  const rate = program.command('exchange-rate').description('exchange rates Connect converts product prices with (EUR by default)');
  rate
    .command('set <from> <to> <rate>')
    .description('one unit of <from> is worth <rate> units of <to> (ISO 4217 codes, e.g. exchange-rate set EUR USD 1.08); converts back too unless the reverse is set')
    .action((from, to, value) => {
      const n = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n > 0)) throw new Error('rate: must be a number more than 0, e.g. 1.08');
      return run((op) => op.setExchangeRate(from, to, n));
    });
  rate
    .command('list')
    .description('list the exchange rates')
    .action(() => run((op) => op.listExchangeRates()));
  rate
    .command('remove <from> <to>')
    .description('remove the rate from <from> to <to>')
    .action((from, to) =>
      run(async (op) => {
        await op.removeExchangeRate(from, to);
        return { from_currency: from, to_currency: to, removed: true };
      }),
    );

  const account = program.command('account').description('business accounts');
  account
    .command('create <organization>')
    .description('create a business account')
    .requiredOption('--name <name>', 'its name')
    .requiredOption('--country <code>', 'ISO 3166-1 alpha-2, e.g. GB')
    .option('--reference <code>', "the organization's own reference for it")
    .action((id, o) => run((op) => op.createAccount(id, { name: o.name, country: o.country, reference_code: o.reference })));
  account
    .command('list <organization>')
    .description("list an organization's accounts")
    .action((id) => run((op) => op.listAccounts(id)));

  const offering = program.command('offering').description('product offerings (plans and add-ons)');
  offering
    .command('create <organization>')
    .description('create a plan or add-on; an allowance left out is unlimited')
    .addOption(new Option('--type <type>', 'plan or add_on').choices(['plan', 'add_on']).makeOptionMandatory())
    .requiredOption('--name <name>', 'its name')
    .requiredOption('--validity-days <days>', 'how long one term lasts')
    .requiredOption('--price <amount>', 'price of a term, e.g. 18.00')
    .requiredOption('--currency <code>', 'ISO 4217, e.g. GBP')
    .option('--data-bytes <n>', 'data allowance in bytes')
    .option('--voice-seconds <n>', 'voice allowance in seconds')
    .option('--sms <n>', 'SMS allowance in messages')
    .option('--footprint <countries>', 'comma-separated countries where the allowance also covers roaming, e.g. FR,DE', '')
    .option('--description <text>', 'a description')
    .action((id, o) =>
      run((op) =>
        op.createOffering(id, {
          type: o.type,
          name: o.name,
          description: o.description,
          validity_days: whole('--validity-days', o.validityDays),
          price: o.price,
          currency: o.currency,
          data_bytes: o.dataBytes === undefined ? null : whole('--data-bytes', o.dataBytes, 0),
          voice_seconds: o.voiceSeconds === undefined ? null : whole('--voice-seconds', o.voiceSeconds, 0),
          sms_count: o.sms === undefined ? null : whole('--sms', o.sms, 0),
          footprint: list(o.footprint),
        }),
      ),
    );
  offering
    .command('list <organization>')
    .description("list an organization's offerings")
    .action((id) => run((op) => op.listOfferings(id)));

  const template = program.command('template').description('order templates (what an order provisions)');
  template
    .command('create <organization>')
    .description('create an order template')
    .requiredOption('--description <text>', 'what it is for')
    .requiredOption('--offerings <ids>', 'comma-separated offering ids (a plan and any add-ons)')
    .option('--pool <id>', 'the number pool new subscriptions take their number from')
    .option('--services <list>', 'comma-separated services to switch on')
    .action((id, o) =>
      run((op) =>
        op.createTemplate(id, {
          description: o.description,
          offering_ids: list(o.offerings),
          number_pool_id: o.pool,
          services: o.services ? list(o.services) : undefined,
        }),
      ),
    );
  template
    .command('list <organization>')
    .description("list an organization's order templates")
    .action((id) => run((op) => op.listTemplates(id)));

  const sim = program.command('sim').description('SIM inventory');
  sim
    .command('import <file>')
    .description('import ICCIDs, one a line ("-" reads stdin; # starts a comment); each must pass the Luhn check (see `sim generate`)')
    .addOption(new Option('--type <type>', 'the kind of SIM').choices(['esim', 'psim']).default('esim'))
    .action((file, o) =>
      run(async (op) => {
        const iccids = linesOf(file, io);
        const totals = { imported: 0, duplicates: 0 };
        for (let i = 0; i < iccids.length || i === 0; i += 100_000) {
          const part = await op.importSims(o.type, iccids.slice(i, i + 100_000));
          totals.imported += part.imported;
          totals.duplicates += part.duplicates;
        }
        return totals;
      }),
    );
  sim
    .command('generate')
    .description('print valid test ICCIDs (89…, 19 digits, Luhn check digit), one a line, e.g. `cellhub sim generate --count 100 | cellhub sim import -`')
    .option('--count <n>', 'how many', '10')
    .option('--prefix <digits>', 'the first digits: 89, the country code, the issuer (the rest is random)', '894499')
    .action((o) => {
      const count = whole('--count', o.count, 1, 1_000_000);
      if (!/^89\d{0,14}$/.test(o.prefix)) throw new Error('--prefix: must be digits starting 89, at most 16 of them');
      const iccids = generateIccids(o.prefix, count);
      io.stdout(program.opts().json ? JSON.stringify(iccids, null, 2) + '\n' : iccids.join('\n') + '\n');
    });
  sim
    .command('event <iccid> <event>')
    .description('simulate a device event on a SIM profile, as the SM-DP+ would report it: downloaded, installed or deleted')
    .option('--eid <eid>', "the device's EID (32 digits)")
    .action((iccid, event, o) => {
      if (!['downloaded', 'installed', 'deleted'].includes(event)) throw new Error('event: must be one of downloaded, installed, deleted');
      return run((op) => op.simEvent(iccid, { event, ...(o.eid ? { eid: o.eid } : {}) }));
    });
  sim
    .command('summary')
    .description('count SIMs by type and state')
    .action(() => run((op) => op.simSummary()));

  const pool = program.command('pool').description('number pools (MSISDNs new subscriptions take)');
  pool
    .command('create')
    .description('create a number pool')
    .requiredOption('--name <name>', 'its name')
    .requiredOption('--country <code>', 'ISO 3166-1 alpha-2, e.g. GB')
    .action((o) => run((op) => op.createPool({ name: o.name, country: o.country })));
  pool
    .command('import <pool> <file>')
    .description('import MSISDNs into a pool, one a line ("-" reads stdin; # starts a comment)')
    .action((id, file) =>
      run(async (op) => {
        const msisdns = linesOf(file, io);
        const totals = { imported: 0, duplicates: 0 };
        for (let i = 0; i < msisdns.length || i === 0; i += 100_000) {
          const part = await op.importNumbers(id, msisdns.slice(i, i + 100_000));
          totals.imported += part.imported;
          totals.duplicates += part.duplicates;
        }
        return totals;
      }),
    );
  pool
    .command('list')
    .description('list number pools with their counts')
    .action(() => run((op) => op.listPools()));

  const sender = program.command('sender').description('authorized SMS senders (numbers an organization may send from)');
  sender
    .command('add <organization> <msisdn>')
    .description('authorize a sender number (E.164)')
    .action((id, msisdn) => run((op) => op.addSender(id, msisdn)));
  sender
    .command('remove <organization> <msisdn>')
    .description('revoke a sender number')
    .action((id, msisdn) =>
      run(async (op) => {
        await op.removeSender(id, msisdn);
        return { msisdn, removed: true };
      }),
    );
  sender
    .command('list <organization>')
    .description("list an organization's sender numbers")
    .action((id) => run((op) => op.listSenders(id)));

  const order = program.command('order').description('orders, across organizations');
  order
    .command('list')
    .description('list orders, newest first')
    .addOption(new Option('--status <status>', 'only these').choices(['pending', 'completed', 'failed', 'canceled']))
    .option('--org <organization>', "only this organization's")
    .option('--limit <n>', LIST_LIMIT, '100')
    .action((o) => run((op) => op.listOrders({ status: o.status, organization_id: o.org, limit: whole('--limit', o.limit) })));
  order
    .command('retry <order>')
    .description('retry a failed order from the start')
    .action((id) => run((op) => op.retryOrder(id)));

  const person = program.command('person').description('console people: operator staff and members of organizations (docs/console.md)');
  person
    .command('invite')
    .description('invite a person: a one-time link to set their password is mailed (kept in the outbox when SMTP_URL is not set)')
    .requiredOption('--email <email>', 'their email address')
    .requiredOption('--name <name>', 'their name')
    .addOption(new Option('--role <role>', 'operator staff: admin or support; a member: admin or viewer').choices(['admin', 'support', 'viewer']).makeOptionMandatory())
    .option('--org <organization>', 'a member of this organization (without it: operator staff)')
    .addOption(new Option('--family <family>', "a member's API: enterprise (default) or connect (a reseller's staff)").choices(['enterprise', 'connect']))
    .action((o) => run((op) => op.invitePerson({ email: o.email, name: o.name, role: o.role, organization_id: o.org, family: o.family })));
  person
    .command('list')
    .description('list people, newest first')
    .option('--org <organization>', 'only members of this organization ("operator": only the staff)')
    .option('--limit <n>', LIST_LIMIT, '100')
    .action((o) => run((op) => op.listPeople({ organization_id: o.org, limit: whole('--limit', o.limit) })));

  const mail = program.command('mail').description('eSIM and console invitation mail: sent, or kept in the outbox when SMTP_URL is not set');
  mail
    .command('list')
    .description('list mail, newest first')
    .addOption(new Option('--state <state>', 'only these').choices(['queued', 'sent', 'outbox', 'failed']))
    .option('--limit <n>', LIST_LIMIT, '100')
    .action((o) => run((op) => op.listMail({ state: o.state, limit: whole('--limit', o.limit) })));
  mail
    .command('show <id>')
    .description('show one mail; its attachments (the eSIM QR code) are written to files, their paths printed')
    .option('--out <dir>', 'where to write the attachments', '.')
    .action((id, o) => run(async (op) => writeAttachments(await op.showMail(id), resolve(o.out))));

  const webhook = program.command('webhook').description('webhook deliveries and signing secrets');
  webhook
    .command('list')
    .description('list webhook deliveries, newest first')
    .addOption(new Option('--status <status>', 'only these').choices(['pending', 'delivered', 'failed']))
    .option('--org <organization>', "only this organization's")
    .option('--limit <n>', LIST_LIMIT, '100')
    .action((o) => run((op) => op.listDeliveries({ status: o.status, organization_id: o.org, limit: whole('--limit', o.limit) })));
  webhook
    .command('show <delivery>')
    .description('a delivery with every attempt')
    .action((id) => run((op) => op.showDelivery(id)));
  webhook
    .command('redeliver <delivery>')
    .description('send again from the start of the retry schedule, same webhook-id')
    .action((id) => run((op) => op.redeliver(id)));
  webhook
    .command('secret <organization>')
    .description("the organization's whsec_ signing secret (Standard Webhooks)")
    .option('--rotate', 'replace it first; deliveries from now on are signed with the new one')
    .action((id, o) => run((op) => op.webhookSecret(id, Boolean(o.rotate))));

  program
    .command('sandbox')
    .description("a Connect reseller's sandbox clock")
    .command('advance <organization>')
    .description('move its time forward: subscriptions activate and expire as if it had passed')
    .option('--days <n>', 'days to move forward', '0')
    .option('--hours <n>', 'hours to move forward', '0')
    .action((id, o) => {
      const seconds = Math.round((Number(o.days) * 24 + Number(o.hours)) * 3600);
      if (!Number.isFinite(seconds) || seconds < 1) throw new Error('--days or --hours: must move time forward');
      return run((op) => op.advanceSandbox(id, seconds));
    });

  program
    .command('keys')
    .description('token signing keys')
    .command('rotate')
    .description('add a new signing key; it signs from now on, older keys keep verifying')
    .action(() => run((op) => op.rotateSigningKey()));

  const usage = program.command('usage').description('usage records from the network (mediation)');
  usage
    .command('import <file>')
    .description('rate usage records from a CSV or JSON-lines file, in batches, with a progress bar; duplicates are ignored')
    .option('--format <format>', 'csv or jsonl (default: csv for a .csv file, else jsonl)')
    .addHelpText('after', '\n' + USAGE_COLUMNS)
    .action((file, o) =>
      run(async (op) => {
        const { formatOf, importUsageFile } = await import('./usage-import.ts');
        return importUsageFile(op, file, formatOf(file, o.format), io.progress);
      }),
    );
}

/** `count` distinct ICCIDs: the prefix, random digits to 18, and the Luhn check digit. */
export function generateIccids(prefix: string, count: number, random: () => number = Math.random): string[] {
  const seen = new Set<string>();
  const free = 18 - prefix.length;
  if (count > 10 ** free) throw new Error(`--count: a prefix of ${prefix.length} digits leaves room for ${10 ** free} ICCIDs`);
  while (seen.size < count) {
    let body = prefix;
    while (body.length < 18) body += Math.floor(random() * 10);
    seen.add(iccidWithCheckDigit(body));
  }
  return [...seen];
}

/** The mail with each attachment written to `dir` (named after the mail and the file) in place of its base64. */
function writeAttachments(mail: MailJson, dir: string) {
  const attachments = (mail as { attachments?: { filename: string; content_type: string; size: number; base64: string }[] }).attachments ?? [];
  if (attachments.length > 0) mkdirSync(dir, { recursive: true });
  return {
    ...mail,
    attachments: attachments.map(({ base64, ...a }) => {
      const path = join(dir, `${mail.id}-${basename(a.filename).replace(/[^\w.-]/g, '_')}`);
      writeFileSync(path, Buffer.from(base64, 'base64'));
      return { ...a, path };
    }),
  };
}
