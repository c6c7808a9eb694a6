#!/usr/bin/env node
// Builds the console (web/) with Vite into web/dist, which the server serves at /console
// (src/console/static.routes.ts), and writes each asset's gzip and brotli twin beside it so
// that none is compressed per request. Runs on `npm install` (the prepare script, after
// build-cli.mjs) and `npm run build:web`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const web = fileURLToPath(new URL('../web/', import.meta.url));
await build({ root: web, configFile: `${web}vite.config.ts`, logLevel: 'warn' });
const assets = `${web}dist/assets/`;
for (const name of readdirSync(assets)) {
  if (!/\.(js|css|svg|json)$/.test(name)) continue;
  const raw = readFileSync(assets + name);
  writeFileSync(`${assets}${name}.gz`, gzipSync(raw, { level: 9 }));
  writeFileSync(`${assets}${name}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
