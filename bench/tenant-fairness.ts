// bench/tenant-fairness: one organization's load must not slow another's.
//
//   npm run bench:tenant-fairness                 (embedded database)
//   DATABASE_URL=postgres://… npm run bench:tenant-fairness
//
// The quiet organization (the demo's Globex) reads one account at a time: on an idle
// server (the baseline), and while the noisy one (Acme) keeps BENCH_NOISY (default 50)
// requests for pages of fully embedded subscriptions in flight. The two alternate over
// BENCH_ROUNDS rounds (default 4) of BENCH_READS / BENCH_ROUNDS reads each (default 600
// reads in all), so that both see the same machine: on a machine others use too, a
// load that comes and goes falls on both alike. Prints the quiet p99 in both and their
// ratio (target: at most 2), and how the noisy requests were answered (429 once its
// line is full). TENANT_CONCURRENCY=0 in the environment runs the same without the
// tenant gate. The noisy load comes from a process of its own, so it does not delay the
// measured reads.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { request } from 'undici';
import { percentile, startDemoServer, type DemoClient } from './support/demo-server.ts';

const READS = Number(process.env.BENCH_READS ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
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

let noise: ChildProcessByStdio<Writable, Readable, null> | undefined;
try {
  const noisy = await bearer(noisyClient);
  const quiet = await bearer(quietClient);
  const accounts = (await (await request(`${base}/enterprise/accounts?limit=1`, { headers: quiet })).body.json()) as { _embedded: { accounts: { id: string }[] } };
  const accountUrl = `${base}/enterprise/accounts/${accounts._embedded.accounts[0].id}`;
  const quietReads = async (count: number, into: number[] = []) => {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const res = await request(accountUrl, { headers: quiet });
      const body = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`a quiet read got ${res.statusCode}: ${body}`);
      into.push(performance.now() - started);
    }
    return into;
  };

  const page = { ...noisy, prefer: 'transclude="subscriber;account;sim_profile;phone_numbers;services"' };
  const loud = (noise = spawn(process.execPath, ['bin/run-ts.js', 'bench/support/noise.ts'], {
    env: { ...process.env, NOISE_URL: `${base}/enterprise/subscriptions?limit=100`, NOISE_HEADERS: JSON.stringify(page), NOISE_CONNECTIONS: String(NOISY) },
    stdio: ['pipe', 'pipe', 'inherit'],
  }));
  const lines = createInterface({ input: loud.stdout })[Symbol.asyncIterator]();
  const tell = async (command: string) => {
    loud.stdin.write(`${command}\n`);
    const answer = await lines.next();
    if (answer.done) throw new Error(`the noise process ended before answering ${command}`);
    return answer.value;
  };

  await quietReads(50); // warm-up
  const idle: number[] = [];
  const busy: number[] = [];
  const perRound = Math.ceil(READS / ROUNDS);
  let noisyMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await quietReads(perRound, idle);
    const loudSince = performance.now();
    await tell('loud');
    await quietReads(perRound, busy);
    await tell('quiet');
    noisyMs += performance.now() - loudSince;
  }
  const answers = Object.entries(JSON.parse(await tell('end')) as Record<string, number>);

  const ms = (v: number) => `${v.toFixed(1)} ms`;
  process.stdout.write(
    [
      `database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded (PGlite)'}; tenant gate: ${process.env.TENANT_CONCURRENCY === '0' ? 'off' : 'on'}; ${ROUNDS} rounds of ${perRound} reads each way`,
      `quiet organization, idle server:   p50 ${ms(percentile(idle, 0.5))}, p99 ${ms(percentile(idle, 0.99))}`,
      `quiet organization, noisy beside:  p50 ${ms(percentile(busy, 0.5))}, p99 ${ms(percentile(busy, 0.99))}`,
      `p99 ratio (noisy beside / idle): ${(percentile(busy, 0.99) / percentile(idle, 0.99)).toFixed(2)} (target: at most 2)`,
      `noisy organization's ${NOISY} connections answered: ${answers.map(([status, n]) => `${n} × ${status}`).join(', ')} (${(answers.reduce((sum, [, n]) => sum + n, 0) / (noisyMs / 1000)).toFixed(0)}/s)`,
      '',
    ].join('\n'),
  );
} finally {
  if (noise && noise.exitCode === null) noise.kill();
  await server.stop();
}
