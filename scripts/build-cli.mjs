#!/usr/bin/env node
// Compiles the CLI and server (src/main.ts) into dist/ with esbuild (which tsx brings),
// so `cellhub` starts without compiling TypeScript. One ESM bundle split at each dynamic
// import: a command loads only its own chunk (--help loads commander alone). Packages
// stay external. dist/manifest.json lists the sources and when the build began;
// bin/cellhub.js runs the sources through tsx instead when any is newer. Runs on
// `npm install` (the prepare script) and `npm run build`. It also makes the embedded
// database's template (dist/pglite-template.tar.gz): an empty database with every
// migration applied, from which a first start makes its database (src/db/database.ts).
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
await buildEmbeddedTemplate();
const inputs = Object.keys(result.metafile.inputs).filter((f) => f.startsWith('src/'));
writeFileSync(`${out}/manifest.json`, JSON.stringify({ builtAt, inputs: [...inputs, 'src/db/migrations/meta/_journal.json'] }, null, 2) + '\n');

/** An empty embedded database, migrated, as a tarball, with the PGlite version that made it. */
async function buildEmbeddedTemplate() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const { createRequire } = await import('node:module');
  const { dirname, join } = await import('node:path');
  const { readFileSync } = await import('node:fs');
  const pglite = await PGlite.create();
  await migrate(drizzle(pglite), { migrationsFolder: `${root}src/db/migrations` });
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  writeFileSync(`${out}/pglite-template.tar.gz`, Buffer.from(await dump.arrayBuffer()));
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8'));
  writeFileSync(`${out}/pglite-template.json`, JSON.stringify({ pglite: version }) + '\n');
}
