// bench/start: how long `cellhub serve` takes on the embedded database until /readyz
// answers 200, beside a bare Fastify server's start to its first answer in the same run
// (the floor: Node, Fastify and a listening socket), with the ratio to it.
//
//   npm run bench:start          (BENCH_RUNS=3 by default; the median is reported)
//
// 1. first start: a fresh DATA_DIR (the database made and migrated, the demo world
//    seeded, the workers started); target under 15 s;
// 2. restart: the same DATA_DIR again, stopped with SIGTERM; target under 3 s.
// The binary runs the build in dist/ (made first, as `npm install` does). Each start's
// own step lines (database, demo, workers) are shown for the median run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/processes.ts';

const runs = Number(process.env.BENCH_RUNS ?? 3);

interface Start {
  seconds: number;
  /** The server's start-up step lines ("database ready (2.1 s)"…). */
  steps: string[];
}

/** Starts `args`, times it until `path` answers 200, then stops it with SIGTERM and waits for its exit. */
async function timedStart(args: string[], env: Record<string, string>, path: string): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}: ${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}${path}`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (performance.now() - started > 120_000) throw new Error(`${path} did not answer 200 within 120 s: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    const seconds = (performance.now() - started) / 1000;
    return { seconds, steps: stderr.split('\n').filter((l) => /^cellhub: .*\(\d+(\.\d+)? s\)$/.test(l)) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (starts: Start[]) => [...starts].sort((a, b) => a.seconds - b.seconds)[Math.floor(starts.length / 2)];

function timedBuild(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`build exited with ${code}`)))),
  );
}

const build = await timedBuild();
const baselines: Start[] = [];
const firsts: Start[] = [];
const restarts: Start[] = [];
for (let i = 0; i < runs; i++) {
  baselines.push(await timedStart(['bench/support/ready-server.mjs'], {}, '/readyz'));
  const dataDir = mkdtempSync(join(tmpdir(), 'cellhub-bench-start-'));
  try {
    process.stderr.write(`run ${i + 1} of ${runs}: first start…\n`);
    firsts.push(await timedStart(['bin/cellhub.js', 'serve'], { DATA_DIR: dataDir }, '/readyz'));
    process.stderr.write(`run ${i + 1} of ${runs}: restart…\n`);
    restarts.push(await timedStart(['bin/cellhub.js', 'serve'], { DATA_DIR: dataDir }, '/readyz'));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const baseline = median(baselines).seconds;
const row = (label: string, start: Start, target?: number) => [
  `  ${label.padEnd(52)} ${start.seconds.toFixed(2)} s   ratio ${(start.seconds / baseline).toFixed(1)}` +
    (target === undefined ? '' : `   target < ${target} s: ${start.seconds < target ? 'met' : 'NOT met'}`),
  ...start.steps.map((s) => `      ${s}`),
];
process.stdout.write(
  [
    '',
    `bench/start: median of ${runs} runs, start until /readyz answers 200; build (npm run build) took ${build.toFixed(2)} s`,
    `  ${'bare Fastify listen (baseline)'.padEnd(52)} ${baseline.toFixed(2)} s`,
    ...row('cellhub serve, first start (fresh DATA_DIR)', median(firsts), 15),
    ...row('cellhub serve, restart (same DATA_DIR)', median(restarts), 3),
    `  every run, first start: ${firsts.map((s) => s.seconds.toFixed(2)).join(', ')} s; restart: ${restarts.map((s) => s.seconds.toFixed(2)).join(', ')} s`,
    '',
  ].join('\n'),
);
