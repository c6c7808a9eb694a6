// The SDK's generated sources are what the served OpenAPI document generates today: a
// route or schema changed without `npm run sdk:generate` fails here.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';
import { generatedFiles } from '../../../packages/sdk/codegen/generate.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ WORKERS: 'off' });
});
afterAll(() => h.close());

/** Where two texts first differ, for a message shorter than a whole diff. */
function firstDifference(committed: string, generated: string): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(a[at] ?? '<end>')}, served ${JSON.stringify(b[at] ?? '<end>')}`;
}

it('the committed SDK types match the served /openapi.json', async () => {
  const res = await h.app.inject({ url: '/openapi.json' });
  expect(res.statusCode).toBe(200);
  const files = await generatedFiles(res.json());
  expect(Object.keys(files)).toEqual(['src/schema.d.ts', 'src/replayable.ts']);
  for (const [path, generated] of Object.entries(files)) {
    const committed = readFileSync(new URL(`../../../packages/sdk/${path}`, import.meta.url), 'utf8');
    const drift = committed === generated ? '' : `packages/sdk/${path} is stale: run \`npm run sdk:generate\` and commit it (${firstDifference(committed, generated)})`;
    expect(drift).toBe('');
  }
});
