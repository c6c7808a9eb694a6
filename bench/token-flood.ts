// bench/token-flood: valid token requests while someone floods the token endpoint
// with wrong secrets.
//
//   npm run bench:token-flood                 (embedded database)
//   DATABASE_URL=postgres://… npm run bench:token-flood
//
// Runs BENCH_TOKENS valid client-credentials requests (default 200), one at a time,
// from 127.0.0.1: first on an idle server (the baseline), then while BENCH_FLOOD_CONNECTIONS
// connections (default 30) send wrong secrets for another client from 127.0.0.2. Prints
// both p99s and their ratio, and how the flood was answered. Without the failure budget
// every wrong secret costs a full scrypt hash and the valid requests queue behind them.
import { Agent, request } from 'undici';
import { percentile, startDemoServer } from './support/demo-server.ts';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 200);
const FLOOD = Number(process.env.BENCH_FLOOD_CONNECTIONS ?? 30);

const server = await startDemoServer('cellhub_bench_token');
const [victim, target] = server.enterpriseClients;
const tokenUrl = `${server.base}/auth/realms/enterprise-apis/protocol/openid-connect/token`;
const form = (id: string, secret: string) => new URLSearchParams({ grant_type: 'client_credentials', client_id: id, client_secret: secret }).toString();
const headers = { 'content-type': 'application/x-www-form-urlencoded' };

async function validRequests(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < TOKENS; i++) {
    const started = performance.now();
    const res = await request(tokenUrl, { method: 'POST', headers, body: form(victim.client_id, victim.client_secret) });
    await res.body.dump();
    if (res.statusCode !== 200) throw new Error(`a valid token request got ${res.statusCode}`);
    times.push(performance.now() - started);
  }
  return times;
}

try {
  await validRequests(); // warm-up
  const idle = await validRequests();

  const attacker = new Agent({ localAddress: '127.0.0.2', connections: FLOOD });
  const answers = new Map<string, number>();
  let flooding = true;
  const flood = Array.from({ length: FLOOD }, async () => {
    while (flooding) {
      const answer = await request(tokenUrl, { method: 'POST', headers, body: form(target.client_id, 'wrong-secret'), dispatcher: attacker }).then(
        async (res) => (await res.body.dump(), String(res.statusCode)),
        (error: NodeJS.ErrnoException) => error.code ?? 'error',
      );
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
    }
  });
  const flooded = await validRequests();
  flooding = false;
  await Promise.all(flood);
  await attacker.close();

  const ms = (v: number) => `${v.toFixed(1)} ms`;
  process.stdout.write(
    [
      `database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded (PGlite)'}; ${TOKENS} valid requests, flood of ${FLOOD} connections`,
      `valid token requests, idle:    p50 ${ms(percentile(idle, 0.5))}, p99 ${ms(percentile(idle, 0.99))}`,
      `valid token requests, flooded: p50 ${ms(percentile(flooded, 0.5))}, p99 ${ms(percentile(flooded, 0.99))}`,
      `p99 ratio (flooded / idle): ${(percentile(flooded, 0.99) / percentile(idle, 0.99)).toFixed(2)}`,
      `flood answered: ${[...answers].map(([status, n]) => `${n} × ${status}`).join(', ')}`,
      '',
    ].join('\n'),
  );
} finally {
  await server.stop();
}
