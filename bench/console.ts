// bench/console: the console's two budgets.
// 1. The first load, in compressed JavaScript, against 300 KB: the scripts
//    web/dist/index.html loads (its entry and the chunks it preloads), each gzipped as the
//    server sends it, beside the whole build's JavaScript (what code splitting keeps out of
//    the first load: ECharts, the operator and reseller pages).
// 2. A subscriptions page of 100 rows interactive within 1 s of navigation, in Chromium:
//    from the navigation's start until the 100 rows are drawn and the last row's link takes
//    the focus, beside a baseline of the same 100 rows as a static HTML table served by the
//    same server, rounds alternated. (Skipped without Chromium: CHROMIUM_PATH.)
//
//   npm run bench:console      (builds web/ first when web/dist is missing)
//   BENCH_ROUNDS=5 (default)   DATABASE_URL=…  to run the server on PostgreSQL
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { interactiveBudget } from './support/console-page.ts';

const BUDGET_KB = 300;
const dist = new URL('../web/dist/', import.meta.url);
if (!existsSync(new URL('index.html', dist))) execFileSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });

const gzipped = (file: URL) => gzipSync(readFileSync(file), { level: 9 }).length;
const html = readFileSync(new URL('index.html', dist), 'utf8');
const firstLoad = [...html.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const first = firstLoad.reduce((sum, file) => sum + gzipped(new URL(file, dist)), 0);
const all = readdirSync(new URL('assets/', dist))
  .filter((f) => f.endsWith('.js'))
  .reduce((sum, file) => sum + gzipped(new URL(`assets/${file}`, dist)), 0);

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
console.log(`first load: ${firstLoad.length} script(s), ${kb(first)} KB gzipped (budget ${BUDGET_KB} KB: ${first <= BUDGET_KB * 1024 ? 'within' : 'OVER'})`);
console.log(`whole build: ${kb(all)} KB gzipped; the first load is ${((first / all) * 100).toFixed(0)} % of it (ratio ${(first / all).toFixed(2)})`);
console.log(`budget ratio: ${(first / (BUDGET_KB * 1024)).toFixed(2)} of ${BUDGET_KB} KB`);
if (first > BUDGET_KB * 1024) process.exitCode = 1;

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`page budget: skipped, no Chromium at ${chromium}`);
} else {
  const dataDir = mkdtempSync(join(tmpdir(), 'cellhub-bench-console-'));
  try {
    const within = await interactiveBudget({ chromium, dataDir, rounds: Number(process.env.BENCH_ROUNDS ?? 5) });
    if (!within) process.exitCode = 1;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
