// The cellhub command line: one program for the server, migrations, demo data and the
// operator's set-up commands. A run is a function of its arguments and its io, so the
// binary and the tests drive the same code.
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { openPlatform } from '../platform.ts';
import { apiErrorOf } from '../http/errors.ts';
import { seedDemo, type DemoSummary } from '../demo/seed.ts';
import { REALMS } from '../auth/realms.ts';
import { render } from './output.ts';
import { serve } from './serve.ts';
import { registerOperatorCommands, type WithDb } from './operator-commands.ts';
import { simulateTraffic } from './simulate.ts';
import type { CliIo } from './io.ts';

/** Runs one command line (the arguments after the program's name); answers the exit code. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    io.stderr(`cellhub: ${describe(error)}\n`);
    return 1;
  }
}

function describe(error: unknown): string {
  if (error instanceof ConfigError) return `configuration: ${error.message}`;
  const refusal = apiErrorOf(error);
  if (refusal) return `${refusal.type}: ${refusal.messages.join('; ')}`;
  return error instanceof Error ? error.message : String(error);
}

function buildProgram(io: CliIo): Command {
  const config = (): Config => loadConfig(io.env);
  const program = new Command('cellhub')
    .description('Open-source connectivity platform: Enterprise and Connect partner APIs')
    .option('--json', 'print JSON only')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const json = () => Boolean(program.opts().json);
  const print = (data: unknown) => io.stdout(render(data, json()));

  /** Opens the configured database for one command, prints what it returns, closes. */
  const withDb: WithDb = async (work) => {
    const platform = await openPlatform(config());
    try {
      print(await work(platform.db, platform));
    } finally {
      await platform.close();
    }
  };

  program.command('serve').description('serve the APIs and run the workers (default: embedded database in ./data)')
    .addOption(new Option('--role <role>', 'api: only the APIs; worker: only the background jobs').choices(['all', 'api', 'worker']).default('all'))
    .action((o) => serve(config(), o.role));

  program.command('migrate').description('apply database migrations').action(async () => {
    const c = config();
    const database = await openDatabase({ databaseUrl: c.databaseUrl, dataDir: c.databaseUrl ? undefined : `${c.dataDir}/db` });
    await database.migrate();
    await database.close();
    print({ migrated: true, database: database.kind });
  });

  program.command('demo').description('seed the demo organizations (idempotent) and print their credentials')
    .action(() => withDb(async (db) => demoJson(config(), await seedDemo(db))));

  program.command('simulate').description('generate live usage (calls, data, SMS, some roaming) for the active subscriptions')
    .option('--rate <n>', 'records a second', '20')
    .option('--seconds <n>', 'stop after this many seconds (default: until Ctrl-C)')
    .option('--organization <id>', 'only this organization\'s subscriptions')
    .action((o) => withDb(async (db) => simulateTraffic(db, {
      rate: positive('--rate', o.rate),
      seconds: o.seconds === undefined ? undefined : positive('--seconds', o.seconds),
      organizationId: o.organization,
      progress: io.progress,
    })));

  // Subcommands inherit the exit override and the output set above.
  registerOperatorCommands(program, withDb, io);
  return program;
}

function positive(option: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${option}: must be a whole number, 1 or more`);
  return n;
}

function demoJson(c: Config, summary: DemoSummary) {
  const family = (realm: keyof typeof REALMS, base: string) => ({
    base_url: c.publicUrl + base,
    base_path: base,
    realm,
    token_url: `${c.publicUrl}/auth/realms/${realm}/protocol/openid-connect/token`,
  });
  return {
    created: summary.created,
    organizations: summary.organizations.map((o) => ({
      id: o.id,
      name: o.name,
      enterprise: { ...family('enterprise-apis', '/enterprise'), clients: [o.enterprise] },
      connect: { ...family('tru-staff', '/connect-api/v1'), clients: o.connect },
      sms_senders: o.sms_senders,
    })),
  };
}
