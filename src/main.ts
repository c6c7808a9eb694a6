// The cellhub command line: one binary for the server, migrations, demo data and the
// operator's set-up commands.
import { Command, Option } from 'commander';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { openPlatform } from './platform.ts';
import { ApiError } from './http/errors.ts';
import { seedDemo, type DemoSummary } from './demo/seed.ts';
import { REALMS } from './auth/realms.ts';
import { print } from './cli/output.ts';
import { serve } from './cli/serve.ts';
import { registerOperatorCommands, type WithDb } from './cli/operator-commands.ts';
import { simulateTraffic } from './cli/simulate.ts';

function config(): Config {
  return loadConfig();
}

const program = new Command('cellhub')
  .description('Open-source connectivity platform: Enterprise and Connect partner APIs')
  .option('--json', 'print JSON only')
  .showHelpAfterError();

const json = () => Boolean(program.opts().json);

/** Opens the configured database for one command, prints what it returns, closes. */
const withDb: WithDb = async (work) => {
  const platform = await openPlatform(config());
  try {
    print(await work(platform.db, platform), json());
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
  print({ migrated: true, database: database.kind }, json());
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
  })));

function positive(option: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${option}: must be a whole number, 1 or more`);
  return n;
}

registerOperatorCommands(program, withDb);

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

// Commander's { from: 'node' } default reads argv[1] as the script: bin/cellhub.js.
program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`cellhub: configuration: ${error.message}\n`);
  } else if (error instanceof ApiError) {
    process.stderr.write(`cellhub: ${error.type}: ${error.messages.join('; ')}\n`);
  } else {
    process.stderr.write(`cellhub: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
