// The API docs page in a real browser (Debian's Chromium): the Swagger UI loads the
// OpenAPI document and shows the operations a partner needs.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startHarness, type Harness } from '../support/harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs Chromium and sets REQUIRE_BROWSER, so this test cannot quietly skip there.
const available = existsSync(CHROMIUM) || process.env.REQUIRE_BROWSER === '1';

let h: Harness;
let browser: Browser;
let base: string;

describe.runIf(available)('the docs page', () => {
  beforeAll(async () => {
    h = await startHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('renders the operations of both the Enterprise API and the operator surface', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    // Offline-ready: every request the page makes goes to this server (no fonts, badges or logos from elsewhere).
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && url.origin !== base) elsewhere.push(r.url());
    });
    await page.goto(`${base}/docs`);
    // The operations list is virtual (only the tags near the viewport are in the page), so
    // each operation is looked for as a reader would: through the filter box.
    const filter = page.getByPlaceholder('Filter by tag or path');
    const wanted = [
      ['subscriptions', '/enterprise/subscriptions/{id}'],
      ['orders', '/enterprise/orders'],
      ['auth', '/auth/realms/{realm}/protocol/openid-connect/token'],
      ['operator', '/operator/organizations'],
    ];
    for (const [tag, path] of wanted) {
      await filter.fill(tag);
      await page.getByText(path, { exact: true }).first().waitFor({ timeout: 60_000 });
    }
    await filter.fill('');
    expect(failures).toEqual([]);
    expect(elsewhere).toEqual([]);
    // The Authorize dialog offers both realms' client-credentials flows.
    await page
      .getByRole('button', { name: /authorize/i })
      .first()
      .click();
    const dialog = await page.locator('.dialog-ux').innerText();
    expect(dialog).toContain('clientCredentials');
    expect(dialog).toContain('/auth/realms/enterprise-apis/protocol/openid-connect/token');
    expect(dialog).toContain('/auth/realms/tru-staff/protocol/openid-connect/token');
    await page.screenshot({ path: 'test-results/docs.png' }).catch(() => {});
  });
});
