import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  openPage,
  saveScreenshot,
  signInThroughForm,
} from '../support/browser.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';
import { describeEachDialect } from '../support/test-database.js';

describeEachDialect('web app: signing in and out', (dialect) => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(dialect), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('refuses a wrong password with a message and no way in', async () => {
    const page = await openPage(browser, app);
    await page.goto('/contacts');
    await page.getByLabel('Email').fill(app.ownerEmail);
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/password/i);
    await expectAccessible(page);
    await saveScreenshot(page, `sign-in-${dialect}`);
    await page.context().close();
  });

  it('signs in, shows the user and workspace, and signs out', async () => {
    const page = await openPage(browser, app);
    await signInThroughForm(page, app.ownerEmail);
    await expect(page.getByLabel('Workspace', { exact: true }).textContent()).resolves.toBeTruthy();
    await page.getByRole('button', { name: /^Account of/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.context().close();
  });

  it('asks which workspace when the email belongs to members of several', async () => {
    const email = `twice-${dialect}@example.com`;
    const second = await app.createWorkspace('Second shop');
    for (const workspaceId of [app.workspaceId, second.workspaceId])
      await app.runtime.services.users.createUser(workspaceId, {
        email,
        name: 'Works in two shops',
        role: 'agent',
        password: TEST_PASSWORD,
      });
    const page = await openPage(browser, app);
    await page.goto('/');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('radio', { name: 'Second shop' }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await expect(page.getByLabel('Workspace', { exact: true }).textContent()).resolves.toBe('Second shop');
    await page.context().close();
  });

  it('asks for what the contact list opens with first, and once each', async () => {
    const signedIn = await openPage(browser, app);
    await signInThroughForm(signedIn, app.ownerEmail);
    const page = await signedIn.context().newPage();
    await signedIn.close();
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) asked.push(url.pathname + url.search);
    });
    await page.goto('/contacts?sort=name');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const startup = [
      '/api/v1/auth/session',
      '/api/v1/custom-fields',
      '/api/v1/users',
      '/api/v1/contacts?sort=name&limit=100',
    ];
    expect(asked.slice(0, 4).sort(), asked.join(' ')).toEqual([...startup].sort());
    await page.waitForLoadState('networkidle');
    for (const path of startup)
      expect(
        asked.filter((p) => p === path),
        path,
      ).toHaveLength(1);
    await page.context().close();
  });

  it('says the session ended when it expires under the agent, and lets them sign in again', async () => {
    const page = await openPage(browser, app);
    await signInThroughForm(page, app.ownerEmail);
    await page.waitForLoadState('networkidle');
    await page.context().clearCookies();
    // Searching makes the app call the API; a background refresh may notice the lost session first.
    await page
      .getByRole('searchbox', { name: 'Search contacts' })
      .fill('anyone', { timeout: 3000 })
      .catch(() => undefined);
    await page.getByText('Your session ended').waitFor();
    await signInThroughForm(page, app.ownerEmail);
    await page.context().close();
  });
});

describe('web app: unknown paths', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('sqlite');
  });
  afterAll(async () => app?.close());

  it('serves the app for page paths and problem+json for unknown API paths', async () => {
    const pageResponse = await fetch(`${app.baseUrl}/contacts/some-id`);
    expect(pageResponse.status).toBe(200);
    expect(await pageResponse.text()).toContain('<div id="root">');
    const apiResponse = await fetch(`${app.baseUrl}/api/v1/nothing-here`);
    expect(apiResponse.status).toBe(404);
    expect(apiResponse.headers.get('content-type')).toContain('application/problem+json');
  });
});
