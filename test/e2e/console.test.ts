// The console as people use it, in a real browser (Debian's Chromium): the operator sets up
// an organization, a client and SIM stock; a member of a demo organization activates an
// eSIM and follows the order, suspends and resumes, invites a member, reads usage charts
// drawn from the demo data, sends an SMS and onboards employees from a CSV; a reseller
// places a Connect order and watches it complete; a viewer is refused; another
// organization's subscription is "not found". axe-core checks every page visited (no
// serious or critical violations), and each page's screenshot is kept in
// test-results/console/.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fetchToken, OPERATOR_TOKEN, startHarness, type Harness } from '../support/harness.ts';
import { createPerson, PASSWORD } from '../support/console.ts';
import { consoleDirectory } from '../../src/console/static.routes.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs Chromium and sets REQUIRE_BROWSER, so this test cannot quietly skip there.
const available = existsSync(CHROMIUM) || process.env.REQUIRE_BROWSER === '1';
const SHOTS = 'test-results/console';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let h: Harness;
let browser: Browser;
let base: string;
let demo: { organizations: { id: string; name: string; enterprise: { clients: { client_id: string; client_secret: string }[] }; sms_senders: { from: string; to: string }[] }[] };
const emails = { operator: 'ops@cellhub.test', member: 'member@acme.test', viewer: 'viewer@acme.test', reseller: 'desk@acme.test' };
const checked: { page: string; violations: string[] }[] = [];

/** axe-core on the page as it stands: the serious and critical violations, by rule and element. */
async function axe(page: Page, name: string): Promise<void> {
  // A dialog fading in is measured once it stands still, not at half its opacity.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  // Evaluated through the debugging protocol, so the page's content security policy (no inline scripts) stays on.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run({
      resultTypes: ['violations'],
    });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  checked.push({ page: name, violations });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  expect(violations, `axe on ${name}`).toEqual([]);
}

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/console`);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('person').waitFor();
}

async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Log in' }).waitFor();
}

async function navigateTo(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
}

describe.runIf(available)('the console', () => {
  beforeAll(async () => {
    if (!consoleDirectory()) throw new Error('web/dist is missing: run `npm run build:web` (npm install does it) before this test');
    mkdirSync(SHOTS, { recursive: true });
    h = await startHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const seeded = await h.app.inject({ method: 'POST', url: '/operator/demo', headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
    expect(seeded.statusCode).toBe(200);
    demo = seeded.json();
    const acme = demo.organizations.find((o) => o.name === 'Acme Logistics')!;
    await createPerson(h, { role: 'admin', email: emails.operator });
    await createPerson(h, { role: 'viewer', organizationId: acme.id, email: emails.viewer });
    await createPerson(h, { role: 'admin', organizationId: acme.id, family: 'connect', email: emails.reseller });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('lets the operator create an organization and a client (secret shown once), and import SIM stock with a bad row named before anything is written', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/console`);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await axe(page, 'login');
    // A wrong password is refused, and said so.
    await page.getByLabel(/^Email/).fill(emails.operator);
    await page.getByLabel(/^Password/).fill('not the password at all');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('organizations').waitFor();
    await axe(page, 'operator-organizations');

    await page.getByRole('button', { name: 'New organization' }).click();
    await page.getByLabel(/^Name/).fill('Initech Mobile');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Initech Mobile' }).waitFor();
    await page.getByLabel(/^Client name/).fill('Initech HR');
    await page.getByRole('button', { name: 'Create client' }).click();
    const secret = await page.getByTestId('new-client-secret').innerText();
    expect(secret.length).toBeGreaterThan(20);
    await axe(page, 'operator-client-secret');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('clients').getByText('Initech HR').waitFor();
    // The secret is shown once: the list holds no secrets.
    expect(await page.getByTestId('clients').innerText()).not.toContain(secret);
    // Rotated: a new secret, shown once again, and still in no list.
    await page.getByRole('button', { name: 'Rotate secret: Initech HR' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate', exact: true }).click();
    const rotated = await page.getByTestId('new-client-secret').innerText();
    expect(rotated.length).toBeGreaterThan(20);
    expect(rotated).not.toBe(secret);
    await axe(page, 'operator-client-rotated');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('clients').innerText()).not.toContain(rotated);

    await navigateTo(page, 'SIM stock');
    await page.getByTestId('sim-summary').waitFor();
    const good = ['8944500102198304826', '8944500102198304834'];
    await page.getByTestId('sim-csv').fill(['iccid', good[0], '8944500102198304827', good[1]].join('\n'));
    await expect.poll(() => page.getByTestId('bad-row').allInnerTexts()).toEqual([expect.stringMatching(/^Line 3:\s+8944500102198304827\s+fails the Luhn check/)]);
    await axe(page, 'operator-sim-import-preview');
    await page.getByRole('button', { name: /Import 2 good rows/ }).click();
    await expect.poll(() => page.getByTestId('import-result').innerText()).toMatch(/Imported 2 SIMs/);

    for (const [label, name] of [
      ['Orders', 'operator-orders'],
      ['Webhook deliveries', 'operator-webhooks'],
      ['Catalogue', 'operator-catalogue'],
      ['Number pools', 'operator-number-pools'],
    ]) {
      await navigateTo(page, label);
      await page.getByRole('heading', { level: 1, name: label }).waitFor();
      await axe(page, name);
    }

    // The catalogue: a new offering for Acme, created in a modal and listed.
    await navigateTo(page, 'Catalogue');
    await page
      .getByLabel(/^Organization/)
      .first()
      .click();
    await page.getByRole('option', { name: 'Acme Logistics' }).click();
    await page.getByRole('button', { name: 'New offering' }).click();
    const offering = page.getByRole('dialog');
    await offering.getByLabel(/^Offering name/).fill('Acme Travel 5 GB');
    await offering.getByLabel(/^Data \(GB\)/).fill('5');
    await offering.getByLabel(/^Price/).fill('9.50');
    await axe(page, 'operator-new-offering');
    await offering.getByRole('button', { name: 'Create offering' }).click();
    await offering.waitFor({ state: 'detached' });
    await page.getByTestId('offerings').getByText('Acme Travel 5 GB').waitFor();

    // A member of Acme, invited: the one-time link comes by mail (the outbox), and sets the password.
    await navigateTo(page, 'People');
    await page.getByTestId('people').waitFor();
    await page.getByRole('button', { name: 'Invite a person' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Email/).fill(emails.member);
    await dialog.getByLabel(/^Name/).fill('Mia Member');
    await dialog
      .getByLabel(/^Organization/)
      .first()
      .click();
    await page.getByRole('option', { name: 'Acme Logistics' }).click();
    await axe(page, 'operator-invite');
    await dialog.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByTestId('people').getByText(emails.member).waitFor();
    await axe(page, 'operator-people');
    await navigateTo(page, 'Mail outbox');
    const invitation = page.getByTestId('mail').getByRole('row').filter({ hasText: emails.member });
    await expect.poll(() => invitation.count(), { timeout: 60_000 }).toBe(1);
    await invitation.getByRole('button').click();
    const text = await page.getByTestId('mail-text').innerText();
    await axe(page, 'operator-mail');
    const link = /https?:\/\/\S+\/console\/invite#token=\S+/.exec(text)![0];
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await logOut(page);

    await page.goto(base + new URL(link).pathname + new URL(link).hash);
    await page.getByLabel(/^New password/).fill(PASSWORD);
    await page.getByLabel(/^Repeat the password/).fill(PASSWORD);
    await axe(page, 'accept-invitation');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('status').getByText('Your password is set').waitFor();
    await page.getByRole('button', { name: 'Go to the login' }).click();
    await page.getByLabel(/^Email/).fill(emails.member);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByTestId('person').innerText()).toContain('Mia Member');
    await logOut(page);
    expect(errors).toEqual([]);
  });

  it('lets a member activate an eSIM and watch the order complete, see its QR code, suspend and resume it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, emails.member);
    await page.getByTestId('count-active').waitFor();
    await page.getByTestId('chart-daily-usage').waitFor();
    await axe(page, 'dashboard');

    await navigateTo(page, 'Subscriptions');
    await page.getByTestId('subscriptions').waitFor();
    await axe(page, 'subscriptions');
    await page.getByTestId('activate').click();
    await page
      .getByLabel(/^Account/)
      .first()
      .click();
    await page.getByRole('option').first().click();
    await page
      .getByLabel(/^Order template/)
      .first()
      .click();
    await page.getByRole('option').first().click();
    await page.getByLabel(/^First name/).fill('Ada');
    await page.getByLabel(/^Last name/).fill('Lovelace');
    await page.getByLabel(/^Email/).fill('ada.lovelace@acme.test');
    await axe(page, 'activate');
    await page.getByRole('button', { name: 'Place the order' }).click();
    const progress = page.getByTestId('order-progress');
    await expect.poll(() => progress.getAttribute('data-status')).toBe('completed');
    await axe(page, 'order-completed');
    await page.getByRole('link', { name: 'Open the subscription' }).click();
    await page.getByTestId('qr-code').waitFor();
    expect(await page.getByTestId('activation-code').innerText()).toMatch(/^LPA:1\$/);
    await axe(page, 'subscription');

    await page.getByRole('button', { name: 'Suspend' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Place the order' }).click();
    await expect.poll(() => page.getByTestId('order-progress').getAttribute('data-status')).toBe('completed');
    await expect.poll(() => page.getByTestId('subscription-status').textContent()).toBe('suspended');
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Place the order' }).click();
    await expect.poll(() => page.getByTestId('subscription-status').textContent()).toBe('active');

    // The member is an admin of their organization: they invite another, who is listed as invited.
    await navigateTo(page, 'Members');
    await page.getByTestId('members').waitFor();
    await page.getByTestId('invite-member').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Email/).fill('newcomer@acme.test');
    await dialog.getByLabel(/^Name/).fill('Nia Newcomer');
    await axe(page, 'members-invite');
    await dialog.getByRole('button', { name: 'Send the invitation' }).click();
    await expect.poll(() => page.getByTestId('members').getByRole('row').filter({ hasText: 'newcomer@acme.test' }).innerText()).toMatch(/viewer\s+invited/i);
    await axe(page, 'members');
    expect(errors).toEqual([]);
  });

  it('lets a reseller order a new eSIM through the Connect API and watch the order complete', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, emails.reseller);
    await navigateTo(page, 'Orders');
    await page.getByTestId('new-order').click();
    await page
      .getByLabel(/^Product/)
      .first()
      .click();
    await page.getByRole('option').first().click();
    await page.getByLabel(/^Customer email/).fill('traveller@example.test');
    await page.getByLabel(/^Country code/).fill('GB');
    await axe(page, 'connect-new-order');
    await page.getByRole('button', { name: 'Place the order' }).click();
    const progress = page.getByTestId('connect-order-progress');
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 30_000 }).toBe('COMPLETED');
    expect(await page.getByTestId('connect-order-iccid').innerText()).toMatch(/^89\d{17,18}$/);
    await axe(page, 'connect-order-completed');
    expect(errors).toEqual([]);
  });

  it("draws the member's usage from the demo data, sends an SMS and shows it delivered, and answers another organization's subscription with not found", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, emails.member);
    await navigateTo(page, 'Usage');
    const chart = page.getByTestId('chart-usage-by-day');
    await chart.waitFor();
    // The chart's own data: the series ECharts was given, summed, is the usage the API holds.
    const series = JSON.parse((await chart.getAttribute('data-series'))!) as { name: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual(['In bundle', 'Out of bundle', 'Free']);
    expect(series.flatMap((s) => s.data).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('freshness').innerText()).toMatch(/Usage complete until/);
    await axe(page, 'usage');

    const acme = demo.organizations.find((o) => o.name === 'Acme Logistics')!;
    const sender = acme.sms_senders[0];
    await navigateTo(page, 'SMS');
    await page.getByLabel(/^From/).first().fill(sender.from);
    await page.getByLabel(/^To/).first().fill(sender.to);
    await page
      .getByLabel(/^Message/)
      .first()
      .fill('Hello from the console');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByTestId(`recipient-${sender.to}`).getAttribute('data-status')).toBe('delivered');
    await axe(page, 'sms');

    // Another organization's subscription typed into the address bar.
    const globex = demo.organizations.find((o) => o.name === 'Globex Health')!;
    const token = await fetchToken(h.app, 'enterprise-apis', globex.enterprise.clients[0].client_id, globex.enterprise.clients[0].client_secret);
    const theirs = (await h.app.inject({ url: '/enterprise/subscriptions?limit=1', headers: { authorization: `Bearer ${token}` } })).json()._embedded.subscriptions[0].id;
    await page.goto(`${base}/console/subscriptions/${theirs}`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await axe(page, 'not-found');
    expect(errors).toEqual([]);
  });

  it("lets a member onboard employees from a CSV: the dry run's problems by row and field, then the batch's progress and rows' results", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const acme = demo.organizations.find((o) => o.name === 'Acme Logistics')!;
    const token = await fetchToken(h.app, 'enterprise-apis', acme.enterprise.clients[0].client_id, acme.enterprise.clients[0].client_secret);
    const templates = (await h.app.inject({ url: '/enterprise/order-templates?limit=100', headers: { authorization: `Bearer ${token}` } })).json()._embedded['order-templates'];
    const template = templates.find((t: { type: string }) => t.type === 'activate_subscription').id;
    const csv = [
      'first_name,last_name,email,employee_id,group,template,delivery',
      `Grace,Hopper,grace@acme.test,ON-1,Ops,${template},api`,
      `Alan,Turing,alan@acme.test,ON-2,Ops,${template},api`,
      `Bad,Row,not-an-email,ON-3,Ops,${template},fax`,
    ].join('\n');
    await logIn(page, emails.member);
    await navigateTo(page, 'Onboarding');
    await page
      .getByLabel(/^Account/)
      .first()
      .click();
    await page.getByRole('option').first().click();
    await page.locator('input[type=file]').setInputFiles({ name: 'joiners.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const check = page.getByTestId('onboarding-check');
    await check.waitFor();
    expect(await check.innerText()).toContain('3 rows: 2 to order, 1 with problems');
    expect(await check.getByRole('row').filter({ hasText: 'delivery' }).innerText()).toMatch(/^3\s+delivery\s+must be email, api, psim/);
    await axe(page, 'onboarding-check');
    await page.getByTestId('onboarding-start').click();
    await expect.poll(() => page.getByTestId('onboarding-batch').getAttribute('data-status')).toBe('completed');
    await expect.poll(() => page.getByTestId('onboarding-batch').innerText()).toContain('2 ordered, 1 refused');
    await page.getByTestId('onboarding-rows').getByRole('link').first().waitFor();
    await axe(page, 'onboarding-batch');
    expect(errors).toEqual([]);
  });

  it("shows a viewer the subscription without its actions, and the API refuses the viewer's order", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, emails.viewer);
    await navigateTo(page, 'Subscriptions');
    await page.getByTestId('subscriptions').waitFor();
    expect(await page.getByTestId('activate').count()).toBe(0);
    await navigateTo(page, 'Members');
    await page.getByTestId('members').waitFor();
    expect(await page.getByTestId('invite-member').count()).toBe(0);
    await navigateTo(page, 'Subscriptions');
    await page.getByTestId('subscriptions').waitFor();
    await page.getByTestId('subscriptions').getByRole('row').filter({ hasNotText: 'terminated' }).getByRole('link').first().click();
    // The first row is whatever the demo made newest: active (Suspend) or suspended (Resume), never terminated.
    await expect
      .poll(() =>
        page
          .getByRole('button', { name: /^(Suspend|Resume)$/ })
          .first()
          .isDisabled(),
      )
      .toBe(true);
    await axe(page, 'viewer-subscription');
    // What the page hides, the API refuses: the viewer's own token, an order placed by hand.
    const refused = await page.evaluate(async () => {
      const session = await (await fetch('/console/api/session')).json();
      const minted = await (await fetch('/console/api/session/token', { method: 'POST', headers: { 'x-csrf-token': session.csrfToken } })).json();
      const subscription = location.pathname.split('/').pop();
      const res = await fetch('/enterprise/orders', {
        method: 'POST',
        headers: { authorization: `Bearer ${minted.access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'suspend_subscription', account_id: 'acc_00000000000000000000000000', subscription_id: subscription, reason: 'temporary' }),
      });
      return { status: res.status, body: await res.json() };
    });
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('ACCESS_DENIED');
  });
});
