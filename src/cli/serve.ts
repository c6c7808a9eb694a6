// `cellhub serve`: the HTTP server. On the embedded database it also seeds the demo
// world on first start and prints how to call it.
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.ts';
import { openPlatform } from '../platform.ts';
import { startWorkers } from '../workers.ts';
import { buildApp } from '../app.ts';
import { seedDemo, type DemoSummary } from '../demo/seed.ts';
import { resolveOperatorToken, type OperatorToken } from './operator-token.ts';
import { announceServer } from '../db/data-dir-lock.ts';
import { startMetricsServer, type MetricsServer } from '../observability/metrics-server.ts';
import { startProgress } from './start-progress.ts';

export type Role = 'all' | 'api' | 'worker';

/**
 * `all` serves the APIs and runs the workers; `api` and `worker` split them, so any
 * number of each can run over one PostgreSQL. A worker still answers /health, /healthz and
 * /readyz (and /metrics on METRICS_PORT).
 */
export async function serve(config: Config, role: Role = 'all'): Promise<void> {
  const progress = startProgress((text) => process.stderr.write(text));
  const where = config.databaseUrl ? 'PostgreSQL' : `the embedded database in ${config.dataDir}`;
  const platform = await progress.step(
    `opening ${where} and applying its migrations`,
    () => openPlatform(config),
    () => 'database ready',
  );
  const operator = resolveOperatorToken(config);
  const demo =
    platform.database.kind === 'pglite' && role !== 'worker'
      ? await progress.step('looking for the demo world (made on the first start)', () => seedDemo(platform.db), demoDone)
      : undefined;
  const workers =
    role === 'api'
      ? undefined
      : await progress.step(
          'starting the workers (SM-DP+ and SMSC links, jobs, webhooks)',
          () => startWorkers(platform),
          () => 'workers running',
        );
  const app = await buildApp(platform, { operatorToken: role === 'worker' ? undefined : operator.token, api: role !== 'worker', workers });
  if (!operator.token) app.log.warn('OPERATOR_TOKEN is not set: the operator API (/operator) is off');
  for (const notice of platform.notices) app.log.warn(notice);

  let metrics: MetricsServer | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await metrics?.close();
    await app.close();
    await workers?.stop();
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  if (config.metricsPort !== undefined) {
    metrics = await startMetricsServer(config.metricsPort, config.metricsHost);
    app.log.info({ host: config.metricsHost, port: metrics.port }, 'metrics served without a token on their own address');
  }
  // On the embedded database the CLI cannot open the database while this process holds
  // it: the lock tells it where to send its work instead (the operator API).
  if (platform.database.kind === 'pglite' && role !== 'worker') announceServer(`${config.dataDir}/db`, listeningUrl(config, app.server.address()));
  if (role === 'worker') app.log.info({ role }, 'worker started');
  // Secrets go only to a person at a terminal, never into a log file or a collector.
  else process.stderr.write(banner(config, operator, demo, Boolean(process.stderr.isTTY)));
}

const demoDone = (demo: DemoSummary) => `${demo.created ? 'made' : 'found'} the demo world: ${demo.organizations.map((o) => o.name).join(', ')}`;

/** The URL this process answers on, with the port it really got (PORT=0 picks one). */
function listeningUrl(config: Config, address: string | AddressInfo | null): string {
  if (!address || typeof address === 'string') return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

const HIDDEN = '<secret: npx cellhub demo --json>';

function banner(config: Config, operator: OperatorToken, demo: DemoSummary | undefined, reveal: boolean): string {
  const url = config.publicUrl;
  const lines = [
    '',
    `cellhub is serving on ${url} (${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`})`,
    `  API docs:      ${url}/docs   (OpenAPI: ${url}/openapi.json)`,
  ];
  lines.push(
    config.webhookAllowPrivate
      ? '  Webhooks:      may reach local and private addresses (WEBHOOK_ALLOW_PRIVATE=1)'
      : '  Webhooks:      public addresses only; for a receiver on this machine start with WEBHOOK_ALLOW_PRIVATE=1',
  );
  if (operator.token) {
    const where = !operator.file ? 'from OPERATOR_TOKEN' : reveal ? `${operator.token}   (generated, kept in ${operator.file})` : `in ${operator.file}`;
    lines.push(`  Operator API:  ${url}/operator   token ${where}`);
  }
  if (demo) {
    const org = demo.organizations[0];
    const { client_id: id } = org.enterprise;
    const secret = reveal ? org.enterprise.client_secret : HIDDEN;
    lines.push(
      '',
      `Demo organizations: ${demo.organizations.map((o) => o.name).join(', ')} (all credentials: npx cellhub demo --json)`,
      `  ${org.name} enterprise client: ${id} / ${secret}`,
      ...org.connect.filter((c) => c.role === 'RESELLER').map((c) => `  ${org.name} Connect reseller client: ${c.client_id} / ${reveal ? c.client_secret : HIDDEN}`),
      '',
      `Console: ${url}/console   (people: npx cellhub demo --json)`,
      ...demo.people
        .filter((p) => !p.organization || (p.organization.id === org.id && p.organization.family === 'enterprise'))
        .map((p) => `  ${p.organization ? `${p.organization.name} admin` : 'Operator admin'}: ${p.email} / ${reveal ? p.password : HIDDEN}`),
      '',
      'Try it:',
      `  TOKEN=$(curl -s -u '${id}:${secret}' -d grant_type=client_credentials \\`,
      `    ${url}/auth/realms/enterprise-apis/protocol/openid-connect/token \\`,
      `    | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')`,
      `  curl -s -H "Authorization: Bearer $TOKEN" '${url}/enterprise/subscriptions?limit=2'`,
    );
    const [sender] = org.sms_senders;
    if (sender) {
      lines.push(
        `  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\`,
        `    -d '{"from":"${sender.from}","to":["${sender.to}"],"text":"Hello from cellhub"}' ${url}/enterprise/sms`,
      );
    }
  }
  return lines.join('\n') + '\n\n';
}
