#!/usr/bin/env node
// The cellhub CLI. Runs the build in dist/ (made by `npm install` through the prepare
// script, or `npm run build`) while it is at least as new as every source it was built
// from; otherwise, or with CELLHUB_FROM_SOURCE=1, the TypeScript sources directly
// through tsx (slower to start), so a checkout works without a build and an edit takes
// effect at once.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

function buildIsFresh() {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL('dist/manifest.json', root), 'utf8'));
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= builtAt);
  } catch {
    return false; // no build, or a source gone
  }
}

if (process.env.CELLHUB_FROM_SOURCE !== '1' && buildIsFresh()) {
  process.setSourceMapsEnabled(true);
  await import('../dist/cellhub.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
