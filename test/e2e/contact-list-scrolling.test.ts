import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedBulkContacts } from '../../src/server/seed/bulk-contacts.js';
import { launchBrowser, openSignedIn } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachDialect } from '../support/test-database.js';

const CONTACTS = 3000;
const MAX_ROWS_IN_DOM = 80;

/** How many rows the grid holds in the DOM right now (header row excluded). */
function renderedRows(page: Page): Promise<number> {
  return page.locator('[role="grid"] [role="rowgroup"]:last-child > [role="row"]').count();
}

/** Scrolls the grid's scroll container to a fraction of its height. */
async function scrollTo(page: Page, fraction: number): Promise<void> {
  await page.evaluate((f) => {
    const container = document.querySelector('[role="grid"]')?.parentElement;
    if (container) container.scrollTop = f * (container.scrollHeight - container.clientHeight);
  }, fraction);
}

describeEachDialect('web app: scrolling a long contact list', (dialect) => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(dialect), launchBrowser()]);
    await seedBulkContacts(app.runtime.services, app.workspaceId, CONTACTS);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('scrolls to the bottom through keyset pages, renders the last rows, and keeps the DOM small', async () => {
    const last = await app.request('GET', '/api/v1/contacts?sort=-name&limit=1');
    const lastName: string = last.body.data[0].name;
    const page = await openSignedIn(browser, app, '/contacts');
    const grid = page.getByRole('grid', { name: 'Contacts' });
    await grid.locator('[role="row"][aria-rowindex="2"] a').waitFor();
    await page.getByText(`${CONTACTS.toLocaleString('en-US')} contacts`).waitFor();
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(CONTACTS + 1));
    expect(await renderedRows(page)).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);

    for (const fraction of [0.25, 0.5, 0.75]) {
      await scrollTo(page, fraction);
      await page.waitForTimeout(50);
      expect(await renderedRows(page)).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    }
    await scrollTo(page, 1);
    const lastRow = grid.locator(`[role="row"][aria-rowindex="${CONTACTS + 1}"]`);
    await lastRow.getByRole('link').waitFor();
    expect(await lastRow.getByRole('link').textContent()).toBe(lastName);
    expect(await renderedRows(page)).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);

    const fetches = await page.evaluate(() =>
      performance.getEntriesByName('rolo:page-fetch').map((entry) => entry.duration),
    );
    expect(fetches.length).toBeGreaterThan(1);
    expect(fetches.length).toBeLessThan(CONTACTS / 100);
    await page.context().close();
  });

  it('after a jump, waits briefly for the rows, then shows loading rows until a slow page arrives', async () => {
    const page = await openSignedIn(browser, app, '/contacts');
    const grid = page.getByRole('grid', { name: 'Contacts' });
    await grid.locator('[role="row"][aria-rowindex="2"] a').waitFor();
    await page.getByText(`${CONTACTS.toLocaleString('en-US')} contacts`).waitFor();
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname === '/api/v1/contacts',
      async (route) => {
        await released;
        await route.continue();
      },
    );

    await scrollTo(page, 0.6);
    const loadingRow = grid.locator('[role="row"][aria-busy="true"]').first();
    await loadingRow.waitFor({ timeout: 2_000 });
    expect(await grid.locator('[role="row"][aria-rowindex="1802"]').getAttribute('aria-busy')).toBe('true');
    release();
    await grid.locator('[role="row"][aria-rowindex="1802"] a').waitFor();
    await page.context().close();
  });

  it('lets go of a focused cell once its row scrolls away, rather than leaving focus on another row', async () => {
    const page = await openSignedIn(browser, app, '/contacts');
    const grid = page.getByRole('grid', { name: 'Contacts' });
    const firstEmail = grid.locator('[data-cell="0:3"]');
    await firstEmail.waitFor();
    await firstEmail.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('0:3');

    await scrollTo(page, 0.5);
    await grid.locator('[role="row"][aria-rowindex="1502"] a').waitFor();
    const focusedCell = await page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? null);
    expect(focusedCell === null || focusedCell === '0:3').toBe(true);
    await page.context().close();
  });
});
