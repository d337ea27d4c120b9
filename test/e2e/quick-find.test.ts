import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openSignedIn, saveScreenshot } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachDialect } from '../support/test-database.js';

describeEachDialect('web app: quick find', (dialect) => {
  let app: TestApp;
  let browser: Browser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(dialect), launchBrowser()]);
    for (const [handle, body] of Object.entries({
      jose: { firstName: 'José', lastName: 'Silva', phone: '+55 21 98765-4321', company: 'Acme' },
      joseph: { firstName: 'Joseph', lastName: 'Marsh', email: 'joseph@marsh.io' },
      zhang: { firstName: '张伟' },
      markup: { firstName: '<img src=x onerror="document.title=1">', lastName: 'Josephine' },
    })) {
      const created = await app.request('POST', '/api/v1/contacts', { body });
      expect(created.status).toBe(201);
      ids[handle] = created.body.id;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Find a contact' });

  it('opens with Ctrl+K, ranks as you type, and opens the contact chosen with the arrow keys', async () => {
    const page = await openSignedIn(browser, app, '/contacts');
    await page.keyboard.press('Control+K');
    const dialog = dialogOf(page);
    await dialog.waitFor();
    const box = dialog.getByRole('combobox', { name: 'Find a contact' });
    await box.pressSequentially('jose');
    const options = dialog.getByRole('option');
    await options.nth(2).waitFor();
    expect(await options.allInnerTexts()).toEqual([
      expect.stringContaining('<img src=x onerror="document.title=1"> Josephine'),
      expect.stringContaining('José Silva'),
      expect.stringContaining('Joseph Marsh'),
    ]);
    await expect(options.first().getAttribute('aria-selected')).resolves.toBe('true');
    await expectAccessible(page);
    await saveScreenshot(page, `quick-find-${dialect}`);

    await box.press('ArrowDown');
    await box.press('ArrowDown');
    await expect(options.nth(2).getAttribute('aria-selected')).resolves.toBe('true');
    await box.press('Enter');
    await page.waitForURL(`**/contacts/${ids.joseph}`);
    await page.getByRole('heading', { level: 1, name: 'Joseph Marsh' }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();
  });

  it('opens with "/" away from the list, finds by phone digits and Chinese names, and closes with Escape', async () => {
    const page = await openSignedIn(browser, app, `/contacts/${ids.zhang}`);
    await page.getByRole('heading', { level: 1, name: '张伟' }).waitFor();
    await page.keyboard.press('/');
    const dialog = dialogOf(page);
    const box = dialog.getByRole('combobox', { name: 'Find a contact' });
    await box.waitFor();
    await expect(box.inputValue()).resolves.toBe('');

    await box.fill('4321');
    await dialog.getByRole('option', { name: /José Silva/ }).waitFor();
    await box.fill('张伟');
    await dialog.getByRole('option', { name: /张伟/ }).waitFor();
    await box.fill('nobody by this name');
    await dialog.getByText('No contact matches “nobody by this name”.').waitFor();

    await box.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/contacts/${ids.zhang}`);
    await page.context().close();
  });

  it('shows names as text, never as markup', async () => {
    const page = await openSignedIn(browser, app, '/contacts');
    await page.getByRole('button', { name: 'Find contact' }).click();
    const dialog = dialogOf(page);
    await dialog.getByRole('combobox', { name: 'Find a contact' }).fill('josephine');
    const option = dialog.getByRole('option', { name: /Josephine/ });
    await option.waitFor();
    await expect(option.locator('img').count()).resolves.toBe(0);
    await expect(option.innerText()).resolves.toContain('<img src=x onerror="document.title=1">');
    await option.click();
    await page.waitForURL(`**/contacts/${ids.markup}`);
    expect(await page.title()).not.toBe('1');
    await page.context().close();
  });
});
