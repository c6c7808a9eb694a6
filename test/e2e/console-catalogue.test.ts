// The operator's catalogue forms in a real browser (Debian's Chromium): an offering with
// out-of-bundle rates, an order template and a Connect product with its prices. Each is
// first sent with a bad value, whose refusal the API names and the form shows next to
// that field; then corrected, created and found in its list. axe-core checks each form
// with its error shown; screenshots are kept in test-results/console/. Last, a list
// that refreshes itself (the mail outbox) holds a new row back instead of pushing the
// rows being read down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Harness } from '../support/harness.ts';
import { createPerson } from '../support/console.ts';
import { insertMail } from '../../src/domain/orders/mail.store.ts';
import { newId } from '../../src/domain/ids.ts';
import { axe, browserAvailable, serveConsole, fieldError, launchBrowser, logIn, navigateTo } from '../support/console-browser.ts';

let h: Harness;
let browser: Browser;
let page: Page;
let base: string;
const errors: string[] = [];
const OPERATOR = 'catalogue@cellhub.test';

describe.runIf(browserAvailable)('the console: the catalogue forms', () => {
  beforeAll(async () => {
    ({ h, base } = await serveConsole());
    await createPerson(h, { role: 'admin', email: OPERATOR });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, base, OPERATOR);
    await navigateTo(page, 'Catalogue');
    await page
      .getByLabel(/^Organization/)
      .first()
      .click();
    await page.getByRole('option', { name: 'Acme Logistics' }).click();
    await page.getByTestId('offerings').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('creates an offering with out-of-bundle rates, after showing a bad rate refused next to its field', async () => {
    await page.getByRole('button', { name: 'New offering' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel(/^Offering name/).fill('Acme Roam 10 GB');
    await form.getByLabel(/^Data \(GB\)/).fill('10');
    await form.getByLabel(/^Price/).fill('19.00');
    const perMb = form.getByLabel(/^Per MB/);
    await perMb.fill('a penny');
    await form.getByLabel(/^Per minute/).fill('0.0500');
    await form.getByLabel(/^Roaming/).fill('3');
    await form.getByRole('button', { name: 'Create offering' }).click();
    await expect.poll(() => fieldError(perMb)).toMatch(/^out_of_bundle_rates\.per_mb: must match/);
    expect(await fieldError(form.getByLabel(/^Per minute/))).toBe('');
    await axe(page, 'operator-new-offering-refused');

    await perMb.fill('0.0100');
    await form.getByRole('button', { name: 'Create offering' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId('offerings').getByRole('row').filter({ hasText: 'Acme Roam 10 GB' });
    await expect.poll(() => row.innerText()).toMatch(/0\.01\d*\/MB, 0\.05\d*\/min \(×3(\.0+)? roaming\)/);
    expect(errors).toEqual([]);
  });

  it('creates an order template of that offering, after showing a description too long refused next to its field', async () => {
    await page.getByRole('button', { name: 'New template' }).click();
    const form = page.getByRole('dialog');
    const description = form.getByLabel(/^Description/);
    await description.fill('x'.repeat(501));
    await form
      .getByLabel(/^Offerings/)
      .first()
      .click();
    await page.getByRole('option', { name: 'Acme Roam 10 GB' }).click();
    await page.keyboard.press('Escape'); // closes the options, not the dialog
    await form.getByRole('button', { name: 'Create template' }).click();
    await expect.poll(() => fieldError(description)).toMatch(/^description: /);
    await axe(page, 'operator-new-template-refused');

    await description.fill('Acme roaming staff');
    await form.getByRole('button', { name: 'Create template' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('templates').getByRole('row').filter({ hasText: 'Acme roaming staff' }).innerText()).toContain('Acme Roam 10 GB');
    expect(errors).toEqual([]);
  });

  it('creates a Connect product with its prices, after showing a price that is no number refused next to its field', async () => {
    await page.getByRole('button', { name: 'New Connect product' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel(/^Product name/).fill('Alps 3 GB');
    await form.getByLabel(/^Data \(GB\)/).fill('3');
    await form.getByLabel(/^Footprint/).fill('ch, at');
    const prices = form.getByLabel(/^Prices/);
    await prices.fill('EUR 9, CHF lots');
    await form.getByRole('button', { name: 'Create product' }).click();
    await expect.poll(() => fieldError(prices)).toMatch(/^pricing\.CHF: /);
    await axe(page, 'operator-new-connect-product-refused');

    await prices.fill('EUR 9, CHF 8.5');
    await form.getByRole('button', { name: 'Create product' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId('connect-products').getByRole('row').filter({ hasText: 'Alps 3 GB' });
    // The prices in the order the database keeps the currencies: either way, both.
    await expect.poll(() => row.innerText()).toMatch(/CH, AT\s+(9 EUR, 8\.5 CHF|8\.5 CHF, 9 EUR)$/);
    await axe(page, 'operator-catalogue-created');
    expect(errors).toEqual([]);
  });

  it('holds a new mail back behind "Show 1 new" while the outbox is read, then shows it on top', async () => {
    const mail = (subject: string) => insertMail(h.platform.db, { id: newId('mail'), to: ['late@example.test'], subject, text: 'Hello', state: 'outbox' });
    await mail('Read first');
    await navigateTo(page, 'Mail outbox');
    const table = page.getByTestId('mail');
    await table.waitFor();
    const firstRow = () => table.getByRole('row').nth(1).innerText();
    const before = await firstRow();
    await mail('Arrived while reading');
    // The page polls every 10 s: the next answer has the mail, and the table keeps its rows.
    const more = page.getByTestId('mail-new');
    await more.waitFor({ timeout: 30_000 });
    expect(await more.innerText()).toBe('Show 1 new');
    expect(await firstRow()).toBe(before);
    expect(await table.innerText()).not.toContain('Arrived while reading');
    await axe(page, 'operator-mail-new-held');

    await more.click();
    await expect.poll(firstRow).toContain('Arrived while reading');
    expect(await more.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
