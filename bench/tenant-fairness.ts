// bench/tenant-fairness: one organization's load must not slow another's.
//
//   npm run bench:tenant-fairness                 (embedded database)
//   DATABASE_URL=postgres://… npm run bench:tenant-fairness
//
// The quiet organization (the demo's Globex) reads one account at a time, BENCH_READS
// times (default 300): first on an idle server (the baseline), then while the noisy one
// (Acme) keeps BENCH_NOISY (default 50) requests for pages of 100 fully embedded
// subscriptions in flight. Prints the quiet p99 in both runs and their ratio (target: at
// most 2), and how the noisy requests were answered (429 once its line is full).
// TENANT_CONCURRENCY=0 in the environment runs the same without the tenant gate. The
// noisy load comes from a process of its own, so it does not delay the measured reads.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'undici';
import { percentile, startDemoServer, type DemoClient } from './support/demo-server.ts';

const READS = Number(process.env.BENCH_READS ?? 300);
const NOISY = Number(process.env.BENCH_NOISY ?? 50);

const server = await startDemoServer('cellhub_bench_fairness');
const [noisyClient, quietClient] = server.enterpriseClients;
const base = server.base;

async function bearer(client: DemoClient) {
  const res = await request(`${base}/auth/realms/enterprise-apis/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret }).toString(),
  });
  return { authorization: `Bearer ${((await res.body.json()) as { access_token: string }).access_token}` };
}

try {
  const noisy = await bearer(noisyClient);
  const quiet = await bearer(quietClient);
  const accounts = (await (await request(`${base}/enterprise/accounts?limit=1`, { headers: quiet })).body.json()) as { _embedded: { accounts: { id: string }[] } };
  const accountUrl = `${base}/enterprise/accounts/${accounts._embedded.accounts[0].id}`;
  const quietReads = async () => {
    const times: number[] = [];
    for (let i = 0; i < READS; i++) {
      const started = performance.now();
      const res = await request(accountUrl, { headers: quiet });
      const body = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`a quiet read got ${res.statusCode}: ${body}`);
      times.push(performance.now() - started);
    }
    return times;
  };

  await quietReads(); // warm-up
  const idle = await quietReads();

  const page = { ...noisy, prefer: 'transclude="subscriber;account;sim_profile;phone_numbers;services"' };
  const noise = spawn(process.execPath, ['bin/run-ts.js', 'bench/support/noise.ts'], {
    env: { ...process.env, NOISE_URL: `${base}/enterprise/subscriptions?limit=100`, NOISE_HEADERS: JSON.stringify(page), NOISE_CONNECTIONS: String(NOISY) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  noise.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  while (!output.includes('started')) await once(noise.stdout, 'data');
  const busy = await quietReads();
  noise.kill('SIGTERM');
  await once(noise, 'exit');
  const answers = Object.entries(JSON.parse(output.split('\n').filter(Boolean).at(-1)!) as Record<string, number>);

  const ms = (v: number) => `${v.toFixed(1)} ms`;
  process.stdout.write(
    [
      `database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded (PGlite)'}; tenant gate: ${process.env.TENANT_CONCURRENCY === '0' ? 'off' : 'on'}`,
      `quiet organization, idle server:   p50 ${ms(percentile(idle, 0.5))}, p99 ${ms(percentile(idle, 0.99))}`,
      `quiet organization, noisy beside:  p50 ${ms(percentile(busy, 0.5))}, p99 ${ms(percentile(busy, 0.99))}`,
      `p99 ratio (noisy beside / idle): ${(percentile(busy, 0.99) / percentile(idle, 0.99)).toFixed(2)} (target: at most 2)`,
      `noisy organization's ${NOISY} connections answered: ${answers.map(([status, n]) => `${n} × ${status}`).join(', ')}`,
      '',
    ].join('\n'),
  );
} finally {
  await server.stop();
}
