#!/usr/bin/env node
// Compiles the CLI and server (src/main.ts) into dist/ with esbuild (which tsx brings),
// so `cellhub` starts without compiling TypeScript. One ESM bundle split at each dynamic
// import: a command loads only its own chunk (--help loads commander alone). Packages
// stay external. dist/manifest.json lists the sources and when the build began;
// bin/cellhub.js runs the sources through tsx instead when any is newer. Runs on
// `npm install` (the prepare script) and `npm run build`.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = `${root}dist`;
const builtAt = Date.now();
rmSync(out, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { cellhub: 'src/main.ts' },
  outdir: out,
  // Chunks beside the entry: src/db/database.ts finds ./migrations from its own URL.
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});
cpSync(`${root}src/db/migrations`, `${out}/migrations`, { recursive: true });
const inputs = Object.keys(result.metafile.inputs).filter((f) => f.startsWith('src/'));
writeFileSync(`${out}/manifest.json`, JSON.stringify({ builtAt, inputs: [...inputs, 'src/db/migrations/meta/_journal.json'] }, null, 2) + '\n');
