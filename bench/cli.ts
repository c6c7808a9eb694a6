// bench/cli: how long a `cellhub` command takes, start to exit, beside `node -e 0` in the
// same run (the floor: starting Node at all) and the ratio to it.
//
//   npm run bench:cli            (BENCH_RUNS=7 by default; the median is reported)
//
// 1. `cellhub --help` (target: under 0.5 s);
// 2. `cellhub org list` and `cellhub mail list` against a running server that holds the
//    embedded database, so the CLI goes through its operator API (target: under 1 s).
// Each is timed as the binary runs it (the build in dist/ when it is fresh) and, for
// comparison, from the TypeScript sources through tsx (CELLHUB_FROM_SOURCE=1), which is
// how every call ran before the build.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startProcess } from './support/processes.ts';

const runs = Number(process.env.BENCH_RUNS ?? 7);

function timed(args: string[], env: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr}`));
      else resolve((performance.now() - started) / 1000);
    }),
  );
}

async function median(args: string[], env?: Record<string, string>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(args, env));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

// Build first (as `npm install` does), so the binary runs the build.
const build = await timed(['scripts/build-cli.mjs']);
const dataDir = mkdtempSync(join(tmpdir(), 'cellhub-bench-cli-'));
const port = await freePort();
const env = { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
process.stderr.write('starting a server on an embedded database (first start seeds the demo)…\n');
const server = await startProcess(['bin/cellhub.js', 'serve'], env, `http://127.0.0.1:${port}/health`);
try {
  // The server names its URL in the lock once it listens.
  for (let i = 0; i < 300 && !readFileSync(join(dataDir, 'db.lock'), 'utf8').includes('http'); i++) await new Promise((r) => setTimeout(r, 100));

  const rows: [string, number, number | undefined][] = [];
  const baseline = await median(['-e', '0']);
  const measure = async (label: string, args: string[], target?: number) => {
    rows.push([label, await median(['bin/cellhub.js', ...args], env), target]);
    rows.push([`${label} from source (tsx)`, await median(['bin/cellhub.js', ...args], { ...env, CELLHUB_FROM_SOURCE: '1' }), undefined]);
  };
  await measure('cellhub --help', ['--help'], 0.5);
  await measure('cellhub org list via the running server', ['org', 'list', '--json'], 1);
  await measure('cellhub mail list via the running server', ['mail', 'list', '--json'], 1);

  const lines = [
    '',
    `bench/cli: median of ${runs} runs, start to exit; build (npm run build) took ${build.toFixed(2)} s`,
    `  ${'node -e 0 (baseline)'.padEnd(66)} ${baseline.toFixed(2)} s`,
    ...rows.map(
      ([label, seconds, target]) =>
        `  ${label.padEnd(66)} ${seconds.toFixed(2)} s   ratio ${(seconds / baseline).toFixed(1)}` +
        (target === undefined ? '' : `   target < ${target} s: ${seconds < target ? 'met' : 'NOT met'}`),
    ),
    '',
  ];
  process.stdout.write(lines.join('\n'));
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
