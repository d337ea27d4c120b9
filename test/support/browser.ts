import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { TEST_PASSWORD, type TestApp } from './test-app.js';

export { launchBrowser } from './chromium.js';

const SCREENSHOT_DIR = 'test-results/screenshots';
const axeSource = readAxeSource();

function readAxeSource(): string {
  const require = createRequire(import.meta.url);
  return (require('axe-core') as { source: string }).source;
}

/** Opens a page on the app (1280×800) and fails the test on any uncaught page error. */
export async function openPage(browser: Browser, app: TestApp): Promise<Page> {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    viewport: { width: 1280, height: 800 },
    bypassCSP: true,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw new Error(`page error: ${error.message}`);
  });
  return page;
}

/** Signs in through the sign-in form (as the workspace owner unless told) and waits for the app frame. */
export async function signInThroughForm(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Opens a page signed in as the workspace owner at `path`. */
export async function openSignedIn(browser: Browser, app: TestApp, path = '/contacts'): Promise<Page> {
  const page = await openPage(browser, app);
  await signInThroughForm(page, app.ownerEmail);
  if (path !== '/contacts') await page.goto(path);
  return page;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; fails on any serious or critical violation, listing them. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes }));
  });
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

/** Writes a full-page screenshot to test-results/screenshots/<name>.png (not committed). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}
