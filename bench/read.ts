// bench/read: the Enterprise read path on PostgreSQL.
//
//   DATABASE_URL=postgres://… npm run bench:read
//
// 1. GET /enterprise/subscriptions/{id} with every part transcluded, authenticated,
//    beside a bare Fastify hello-JSON route, alternated over BENCH_ROUNDS rounds: both
//    req/s and the ratio (target: at least 0.30). Measured twice: as served (with the
//    tenant read cache) and with the cache off (every request queries PostgreSQL).
// 2. p50/p99 of a page of 100 fully embedded subscriptions out of 100,000, at 8
//    connections and for one client, beside a bare Fastify route sending the same JSON
//    bytes, alternated over BENCH_ROUNDS rounds (targets: at least 0.5x the bare route's
//    pages/s, and p99 under 20 ms for one client).
import { freshDatabase } from './support/databases.ts';
import { seedReadBench } from './support/seed-read.ts';
import { freePort, load, startProcess } from './support/processes.ts';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write('bench/read runs on PostgreSQL: set DATABASE_URL\n');
  process.exit(2);
}
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const subscriptionCount = Number(process.env.BENCH_SUBSCRIPTIONS ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);

/**
 * The page beside a bare route sending its very bytes, round after round (baseline,
 * then subject), at 8 connections and for one client: the lines to print.
 */
async function pageBeside(pageUrl: string, headers: Record<string, string>, bytesUrl: string): Promise<string[]> {
  const page = await fetch(pageUrl, { headers });
  const body = await page.text();
  if (page.status !== 200) throw new Error(`the page answered ${page.status}: ${body}`);
  await fetch(bytesUrl, { method: 'PUT', headers: { 'content-type': 'application/json' }, body });
  const lines = [`  page vs a bare route sending the same ${body.length} bytes, ${rounds} rounds alternated:`];
  const f = (n: number) => n.toFixed(0).padStart(6);
  for (let round = 1; round <= rounds; round++) {
    const bare = await load(bytesUrl, { seconds, connections: 8 });
    const served = await load(pageUrl, { headers, seconds, connections: 8 });
    const bareOne = await load(bytesUrl, { seconds, connections: 1 });
    const servedOne = await load(pageUrl, { headers, seconds, connections: 1 });
    lines.push(
      `    round ${round}, 8 connections: bare ${f(bare.requestsPerSecond)}/s  page ${f(served.requestsPerSecond)}/s  ratio ${(served.requestsPerSecond / bare.requestsPerSecond).toFixed(2)} (target >= 0.5)  page p50 ${served.p50} ms p99 ${served.p99} ms (non-2xx ${served.non2xx})`,
      `    round ${round}, one client:    bare ${f(bareOne.requestsPerSecond)}/s  page ${f(servedOne.requestsPerSecond)}/s  ratio ${(servedOne.requestsPerSecond / bareOne.requestsPerSecond).toFixed(2)}  page p50 ${servedOne.p50} ms p99 ${servedOne.p99} ms (target < 20)  bare p99 ${bareOne.p99} ms (non-2xx ${servedOne.non2xx})`,
    );
  }
  return lines;
}

const database = await freshDatabase(adminUrl, 'cellhub_bench_read');
const databaseUrl = database.url;

const cellhubPort = await freePort();
const uncachedPort = await freePort();
const helloPort = await freePort();
const env = {
  DATABASE_URL: databaseUrl,
  PORT: String(cellhubPort),
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '10000000',
  DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10',
  // Both servers accept the one token (it names its issuer); otherwise the second refuses
  // it, and the failed authentications, counted in the shared database, answer 429 to both.
  PUBLIC_URL: `http://127.0.0.1:${cellhubPort}`,
};
// BENCH_NODE_ARGS="--cpu-prof" profiles the server under load.
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const cellhub = await startProcess([...nodeArgs, 'bin/cellhub.js', 'serve'], env, `http://127.0.0.1:${cellhubPort}/health`);
const uncached = await startProcess(['bin/cellhub.js', 'serve'], { ...env, PORT: String(uncachedPort), READ_CACHE_ENTRIES: '0' }, `http://127.0.0.1:${uncachedPort}/health`);
const hello = await startProcess(['bin/run-ts.js', 'bench/support/hello-server.ts'], { PORT: String(helloPort) }, `http://127.0.0.1:${helloPort}/hello`);

try {
  process.stdout.write(`seeding ${subscriptionCount} subscriptions…\n`);
  const seeded = await seedReadBench(databaseUrl, subscriptionCount);
  const tokenRes = await fetch(`http://127.0.0.1:${cellhubPort}/auth/realms/enterprise-apis/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: seeded.clientId, client_secret: seeded.secret }),
  });
  const { access_token: token } = (await tokenRes.json()) as { access_token: string };
  const headers = { authorization: `Bearer ${token}`, prefer: 'transclude="subscriber;account;sim_profile;phone_numbers;services"' };
  const base = `http://127.0.0.1:${cellhubPort}/enterprise`;

  const check = await fetch(`${base}/subscriptions/${seeded.sampleId}`, { headers });
  if (check.status !== 200) throw new Error(`sanity check failed: ${check.status} ${await check.text()}`);

  process.stdout.write(`warming up…\n`);
  await load(`http://127.0.0.1:${helloPort}/hello`, { seconds: 2 });
  await load(`${base}/subscriptions/${seeded.sampleId}`, { headers, seconds: 2 });

  // The single read beside hello-JSON, alternated round by round: on a shared machine the
  // load moves, and a ratio means something only within a round.
  const uncachedBase = `http://127.0.0.1:${uncachedPort}/enterprise`;
  await load(`${uncachedBase}/subscriptions/${seeded.sampleId}`, { headers, seconds: 2 });
  const fmt = (n: number) => n.toFixed(0).padStart(8);
  const singleLines: string[] = [];
  let failures = 0;
  for (let round = 1; round <= rounds; round++) {
    const baseline = await load(`http://127.0.0.1:${helloPort}/hello`, { seconds });
    const single = await load(`${base}/subscriptions/${seeded.sampleId}`, { headers, seconds });
    const singleUncached = await load(`${uncachedBase}/subscriptions/${seeded.sampleId}`, { headers, seconds });
    failures += single.non2xx + singleUncached.non2xx;
    singleLines.push(
      `  round ${round}:`,
      `    bare Fastify hello-JSON           ${fmt(baseline.requestsPerSecond)} req/s   p50 ${baseline.p50} ms  p99 ${baseline.p99} ms`,
      `    GET subscription, all transcluded ${fmt(single.requestsPerSecond)} req/s   p50 ${single.p50} ms  p99 ${single.p99} ms  ratio ${(single.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)} (target >= 0.30)  (non-2xx ${single.non2xx}, errors ${single.errors})`,
      `    same, read cache off              ${fmt(singleUncached.requestsPerSecond)} req/s   p50 ${singleUncached.p50} ms  p99 ${singleUncached.p99} ms  ratio ${(singleUncached.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}  (non-2xx ${singleUncached.non2xx})`,
    );
  }
  const pageLines = await pageBeside(`${base}/subscriptions?limit=100`, headers, `http://127.0.0.1:${helloPort}/bytes`);
  const page = await load(`${base}/subscriptions?limit=100`, { headers, seconds, connections: 8 });
  const deepPage = await load(`${base}/subscriptions?limit=100&cursor=${seeded.middleCursor}`, { headers, seconds, connections: 8 });

  process.stdout.write(
    [
      '',
      `bench/read on PostgreSQL, ${subscriptionCount} subscriptions, ${seconds} s per run, ${rounds} rounds alternated`,
      ...singleLines,
      `  page of 100, fully embedded        ${fmt(page.requestsPerSecond)} req/s   p50 ${page.p50} ms  p99 ${page.p99} ms  (first page)`,
      `  page of 100, fully embedded        ${fmt(deepPage.requestsPerSecond)} req/s   p50 ${deepPage.p50} ms  p99 ${deepPage.p99} ms  (page in the middle)`,
      ...pageLines,
      '',
    ].join('\n'),
  );
  if (failures + page.non2xx + deepPage.non2xx > 0) process.exitCode = 1;
} finally {
  cellhub.kill('SIGTERM');
  uncached.kill('SIGTERM');
  hello.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await database.drop();
}
