// The README's SDK example is packages/sdk/examples/readme.ts (type-checked with the
// rest), and it runs: as a separate process importing @cellhub/sdk by its package name,
// against a real server.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';
import { catalog, subscriptionsFor } from '../../support/fixtures.ts';
import { listening } from '../../support/sdk.ts';

const EXAMPLE = 'packages/sdk/examples/readme.ts';

let h: Harness;
let baseUrl: string;
beforeAll(async () => {
  h = await startHarness({ WORKERS: 'off' });
  baseUrl = await listening(h);
});
afterAll(() => h.close());

it('shows the example file verbatim', () => {
  expect(readFileSync('README.md', 'utf8')).toContain('```ts\n' + readFileSync(EXAMPLE, 'utf8') + '```\n');
});

it('runs: lists the active subscriptions, then reports the missing order as a CellhubError', async () => {
  const tenant = await h.tenant();
  const setup = await catalog(h.platform.db, tenant.organizationId, { sims: 5 });
  const active = await subscriptionsFor(h.platform.db, tenant.organizationId, setup, 2);
  await subscriptionsFor(h.platform.db, tenant.organizationId, setup, 1, 'suspended');
  const id = 'order_01J00000000000000000000000';
  const { stdout } = await promisify(execFile)(process.execPath, ['bin/run-ts.js', EXAMPLE, id], {
    env: { ...process.env, CELLHUB_URL: baseUrl, CLIENT_ID: tenant.clientId, CLIENT_SECRET: tenant.secret },
  });
  const lines = stdout.trim().split('\n');
  expect(lines.slice(0, -1).sort()).toEqual(active.map((a) => `${a.subscription.id} active`).sort());
  expect(lines.at(-1)).toMatch(new RegExp(`^NOT_FOUND \\[ 'order ${id} not found' \\] [0-9a-f-]{36}$`));
});
