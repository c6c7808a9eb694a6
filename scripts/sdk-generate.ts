// npm run sdk:generate: builds cellhub in-process on a throwaway embedded database,
// reads the OpenAPI document it serves, and writes the SDK's generated sources.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../src/config.ts';
import { openPlatform } from '../src/platform.ts';
import { buildApp } from '../src/app.ts';
import { generatedFiles } from '../packages/sdk/codegen/generate.ts';

const SDK_DIR = new URL('../packages/sdk/', import.meta.url);

async function servedDocument() {
  const dataDir = mkdtempSync(join(tmpdir(), 'cellhub-sdk-'));
  const config = loadConfig({ DATA_DIR: dataDir, KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'error' });
  const platform = await openPlatform(config, { pglite: await PGlite.create() });
  try {
    // With an operator token the operator API is served, and so documented.
    const app = await buildApp(platform, { logger: false, operatorToken: randomBytes(24).toString('base64url') });
    const res = await app.inject({ url: '/openapi.json' });
    await app.close();
    if (res.statusCode !== 200) throw new Error(`/openapi.json answered ${res.statusCode}`);
    return res.json();
  } finally {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const [path, source] of Object.entries(await generatedFiles(await servedDocument()))) {
  writeFileSync(new URL(path, SDK_DIR), source);
  console.log(`wrote packages/sdk/${path}`);
}
