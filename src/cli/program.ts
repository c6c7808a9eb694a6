// The cellhub command line: one program for the server, migrations, demo data and the
// operator's set-up commands. A run is a function of its arguments and its io, so the
// binary and the tests drive the same code. Only commander and a few small modules load
// up front: each command imports what it needs when it runs, so --help and a command
// against a running server start fast.
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { apiErrorOf } from '../http/errors.ts';
import { render } from './output.ts';
import { registerOperatorCommands, whole, type WithOperator } from './operator-commands.ts';
import type { Operator } from './operator.ts';
import type { CliIo } from './io.ts';

const ONBOARD_HELP = `
The file: a header row naming the columns (any order), then one employee a line; at
most 10,000 rows. (JSON: {"rows": [{"first_name": ..., ...}]}, keys as the columns.)
  first_name    required, 1-100 characters
  last_name     required, 1-100 characters
  email         required: the subscriber's email, where an email delivery sends the eSIM
  employee_id   required, 1-64 characters: keys the employee within the organization;
                one already onboarded (by any earlier file) is skipped, never ordered twice
  group         optional, up to 64 characters (a department, a cost centre)
  template      required: an activate_subscription order template (otpl_…)
  delivery      optional: email (the default: eSIM sent to the email), api (eSIM whose
                activation code is read through the API) or psim (a physical SIM)
Example:
  first_name,last_name,email,employee_id,group,template,delivery
  Ada,Lovelace,ada@example.com,E-1815,Engineering,otpl_A00ABCDRT1F00AVRPTAQ5XQFUT,email

Sent with the organization's own API client (CELLHUB_CLIENT_ID, CELLHUB_CLIENT_SECRET)
to --server URL, or the running server that holds the embedded database. Bad rows are
refused with their reasons and the rest ordered; the summary lists both.`;

/** Runs one command line (the arguments after the program's name); answers the exit code. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const opened: Operator[] = [];
  const program = buildProgram(io, opened);
  try {
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    io.stderr(`cellhub: ${describe(error)}\n`);
    return 1;
  } finally {
    for (const operator of opened) await operator.close().catch(() => {});
  }
}

function describe(error: unknown): string {
  if (error instanceof ConfigError) return `configuration: ${error.message}`;
  const refusal = apiErrorOf(error);
  if (refusal) return `${refusal.type}: ${refusal.messages.join('; ')}`;
  return error instanceof Error ? error.message : String(error);
}

function buildProgram(io: CliIo, opened: Operator[]): Command {
  const config = (): Config => loadConfig(io.env);
  const program = new Command('cellhub')
    .description('Open-source connectivity platform: Enterprise and Connect partner APIs')
    .option('--json', 'print one JSON document and nothing else')
    .option(
      '--server <url>',
      'do operator commands through the cellhub server at this URL (its /operator API, with OPERATOR_TOKEN or the token in DATA_DIR); the default is this process, or the running server that holds the embedded database',
    )
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .addHelpText(
      'after',
      `
Operator commands work on the configured database (DATABASE_URL, else the embedded one
in DATA_DIR). While a cellhub server holds the embedded database they go through that
server's operator API, with the same output.`,
    );
  const json = () => Boolean(program.opts().json);
  const print = (data: unknown) => io.stdout(render(data, json()));

  /** Opens the operator (here, or the running server) for one command, prints what the work answers. */
  const withOperator: WithOperator = async (work, options) => {
    const { openOperator } = await import('./open-operator.ts');
    const operator = await openOperator(config(), program.opts().server, options);
    opened.push(operator);
    const answer = await work(operator);
    if (answer !== undefined) print(answer);
  };

  program
    .command('serve')
    .description('serve the APIs and run the workers (default: embedded database in ./data)')
    .addOption(new Option('--role <role>', 'all: both; api: only the APIs; worker: only the background jobs').choices(['all', 'api', 'worker']).default('all'))
    .action(async (o) => {
      const { serve } = await import('./serve.ts');
      await serve(config(), o.role);
    });

  program
    .command('migrate')
    .description('apply database migrations (the server also applies them at start)')
    .action(async () => {
      const c = config();
      const { openDatabase } = await import('../db/database.ts');
      const database = await openDatabase({ databaseUrl: c.databaseUrl, dataDir: c.databaseUrl ? undefined : `${c.dataDir}/db` });
      await database.migrate();
      await database.close();
      print({ migrated: true, database: database.kind });
    });

  program
    .command('demo')
    .description('seed the demo organizations (once; idempotent) and print every demo credential')
    .action(() => withOperator((operator) => operator.demo()));

  program
    .command('simulate')
    .description(
      "generate live usage (calls, data, SMS, some roaming) for the active subscriptions, through the same ingest and rating as the network's records (fed to the running server when it holds the database)",
    )
    .option('--rate <n>', 'records a second', '20')
    .option('--seconds <n>', 'stop after this many seconds (default: until Ctrl-C)')
    .option('--organization <id>', "only this organization's subscriptions")
    .action((o) => {
      const rate = whole('--rate', o.rate, 1, 10_000);
      const seconds = o.seconds === undefined ? undefined : whole('--seconds', o.seconds);
      return withOperator(async (operator) => {
        const { simulateTraffic } = await import('./simulate.ts');
        return simulateTraffic(operator, { rate, seconds, organizationId: o.organization, progress: io.progress });
      });
    });

  program
    .command('listen')
    .description(
      "follow an organization's webhook events as cellhub makes them and forward each to a URL on this machine, signed as the real delivery is (like `stripe listen`): develop a webhook receiver without exposing it",
    )
    .requiredOption('--organization <id>', 'whose events: the organization (e.g. a Connect reseller) the webhooks are for')
    .option(
      '--forward-to <url>',
      "post each event here (http or https, e.g. http://localhost:3000/hook) with the body and the Standard Webhooks headers the real delivery carries, signed with the organization's whsec_ secret; without it, events are only printed",
    )
    .option('--events <types>', 'only these event types, comma-separated (USAGE_THRESHOLD, SUBSCRIPTION_END)')
    .addHelpText(
      'after',
      `
Follows the events made from now on, until Ctrl-C, through the running cellhub server's
operator API (the one holding the embedded database in DATA_DIR, or --server URL with
OPERATOR_TOKEN). Prints one line per event: when it was made, its type, its id (the
webhook-id) and what the receiver answered, e.g.
  2026-11-30T10:00:00.000Z  USAGE_THRESHOLD   msg_01JQ7Z8X4N6V2D5R3T9W1YB0KC  -> 204 (12 ms)
With --json, one JSON object a line instead (id, event_type, created_at, correlation_id,
payload, forwarded: {url, status_code, error, duration_ms}). Notices go to stderr.

The receiver verifies a forwarded event exactly as a real delivery, with the secret
\`cellhub webhook secret ORG\` prints (e.g. the SDK's verifyWebhook). The real delivery
still goes to the URL the organization registered; a forwarded event is not retried.`,
    )
    .action((o) => {
      let forwardTo: URL | undefined;
      if (o.forwardTo !== undefined) {
        try {
          forwardTo = new URL(o.forwardTo);
        } catch {
          throw new Error(`--forward-to: ${o.forwardTo} is not a URL (e.g. http://localhost:3000/hook)`);
        }
        if (forwardTo.protocol !== 'http:' && forwardTo.protocol !== 'https:') throw new Error('--forward-to: must be an http or https URL');
      }
      const events =
        o.events === undefined
          ? undefined
          : new Set<string>(
              String(o.events)
                .split(',')
                .map((s: string) => s.trim())
                .filter(Boolean),
            );
      return withOperator(
        async (operator) => {
          const { listenForEvents } = await import('./listen.ts');
          const stop = new AbortController();
          const interrupt = () => stop.abort();
          process.once('SIGINT', interrupt);
          process.once('SIGTERM', interrupt);
          io.signal?.addEventListener('abort', interrupt, { once: true });
          try {
            await listenForEvents(operator, {
              organizationId: o.organization,
              forwardTo,
              eventTypes: events,
              json: json(),
              print: (line) => io.stdout(line + '\n'),
              notice: (line) => io.stderr(line + '\n'),
              signal: stop.signal,
            });
          } finally {
            process.off('SIGINT', interrupt);
            process.off('SIGTERM', interrupt);
          }
        },
        { needsServer: 'listen follows the events a running server makes' },
      );
    });

  program
    .command('onboard <file>')
    .description(
      "onboard an organization's employees from a CSV file (or JSON rows in a .json file): an activation order each, through a running server's Enterprise API (a cellhub extension)",
    )
    .requiredOption('--account <id>', 'the account (acc_…) every subscription is opened in')
    .option('--dry-run', 'check the whole file and print every bad row and field; order nothing')
    .addHelpText('after', ONBOARD_HELP)
    .action(async (file: string, o) => {
      const clientId = io.env.CELLHUB_CLIENT_ID;
      const clientSecret = io.env.CELLHUB_CLIENT_SECRET;
      if (!clientId || !clientSecret) {
        throw new Error('CELLHUB_CLIENT_ID and CELLHUB_CLIENT_SECRET: set them to an Enterprise API client of the organization (with the orders licence)');
      }
      const { runningServer } = await import('./running-server.ts');
      const server = program.opts().server ?? runningServer(config(), 'onboard orders through the Enterprise API of a running server');
      const { onboardFile } = await import('./onboard.ts');
      print(await onboardFile(file, { server, clientId, clientSecret, accountId: o.account, dryRun: Boolean(o.dryRun), progress: io.progress }));
    });

  // Subcommands inherit the exit override and the output set above.
  registerOperatorCommands(program, withOperator, io);
  return program;
}
