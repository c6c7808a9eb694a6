// The console in Debian's Chromium, for the browser tests: launching it, logging in, moving
// between pages, axe-core on a page (with its screenshot kept), and the error a field shows.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { PASSWORD } from './console.ts';
import { OPERATOR_TOKEN, startHarness, type Harness } from './harness.ts';
import { consoleDirectory } from '../../src/console/static.routes.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs Chromium and sets REQUIRE_BROWSER, so these tests cannot quietly skip there.
export const browserAvailable = existsSync(CHROMIUM) || process.env.REQUIRE_BROWSER === '1';
export const SHOTS = 'test-results/console';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A server on an ephemeral port serving the built console, with the demo seeded: the harness, its address and the demo's answer. */
export async function serveConsole<Demo>(): Promise<{ h: Harness; base: string; demo: Demo }> {
  if (!consoleDirectory()) throw new Error('web/dist is missing: run `npm run build:web` (npm install does it) before this test');
  const h = await startHarness();
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  const seeded = await h.app.inject({ method: 'POST', url: '/operator/demo', headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
  expect(seeded.statusCode).toBe(200);
  return { h, base, demo: seeded.json() };
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** axe-core on the page as it stands: no serious or critical violation, by rule and element. The screenshot is kept. */
export async function axe(page: Page, name: string): Promise<void> {
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
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  expect(violations, `axe on ${name}`).toEqual([]);
}

export async function logIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/console`);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('person').waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Log in' }).waitFor();
}

export async function navigateTo(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
}

/** The error shown next to a field: the one its input names in aria-describedby, '' when there is none. */
export async function fieldError(input: Locator): Promise<string> {
  return input.evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
}

/** Which of a Mantine Stepper's steps are done, by label: a completed order ticks every one. */
export async function stepsDone(progress: Locator): Promise<Record<string, boolean>> {
  return progress.evaluate((el) =>
    Object.fromEntries(
      [...el.querySelectorAll('.mantine-Stepper-step')].map((step) => [step.querySelector('.mantine-Stepper-stepLabel')?.textContent ?? '', step.hasAttribute('data-completed')]),
    ),
  );
}
