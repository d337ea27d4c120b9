import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openSignedIn, saveScreenshot } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachDialect } from '../support/test-database.js';

describeEachDialect('web app: new contact dialog', (dialect) => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(dialect), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const openDialog = async (page: Page) => {
    await page.getByRole('button', { name: 'New contact' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New contact' });
    await dialog.waitFor();
    return dialog;
  };

  it('creates a contact with a normalised phone and tags, then opens its profile', async () => {
    const page = await openSignedIn(browser, app, '/contacts');
    const dialog = await openDialog(page);
    const create = dialog.getByRole('button', { name: 'Create contact' });
    await expect(create.isDisabled()).resolves.toBe(true);
    await dialog.getByText('Enter at least a name, a phone, an email or a company.').waitFor();

    await dialog.getByLabel('First name').fill('Helena');
    await dialog.getByLabel('Last name').fill('Costa');
    await dialog.getByLabel('Phone').fill('12');
    await dialog.getByText(/^Not a valid phone number/).waitFor();
    await expect(create.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('Phone').fill('(415) 555-0123');
    await dialog.getByText('Saved as +1 415 555 0123').waitFor();
    await dialog.getByLabel('Email').fill('helena@example');
    await dialog.getByText('Not a valid email address').waitFor();
    await dialog.getByLabel('Email').fill('Helena@Example.com');
    await dialog.getByLabel('Company').fill('Costa Café');
    await dialog.getByRole('combobox', { name: 'Tags' }).fill('Lead');
    await dialog.getByRole('combobox', { name: 'Tags' }).press('Enter');
    await expectAccessible(page);
    await saveScreenshot(page, `new-contact-${dialect}`);
    await create.click();

    await page.waitForURL(/\/contacts\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: 'Helena Costa' }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const id = new URL(page.url()).pathname.split('/').pop();
    const stored = (await app.request('GET', `/api/v1/contacts/${id}`)).body;
    expect(stored).toMatchObject({
      firstName: 'Helena',
      lastName: 'Costa',
      phone: '+14155550123',
      email: 'helena@example.com',
      company: 'Costa Café',
      source: 'manual',
    });
    expect(stored.tags.map((tag: { name: string }) => tag.name)).toEqual(['Lead']);
    await page.context().close();
  });

  it('says when the phone already belongs to a contact, links to it, and creates no duplicate', async () => {
    const existing = await app.request('POST', '/api/v1/contacts', {
      body: { firstName: 'Ana', lastName: 'Souza', phone: '+5511912345678' },
    });
    expect(existing.status).toBe(201);
    const page = await openSignedIn(browser, app, '/contacts');
    const dialog = await openDialog(page);
    await dialog.getByLabel('First name').fill('Another Ana');
    await dialog.getByLabel('Phone').fill('+55 (11) 91234-5678');
    await dialog.getByText('+55 11 91234 5678 already belongs to').waitFor();
    await expect(dialog.getByRole('button', { name: 'Create contact' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page);

    await dialog.getByRole('link', { name: 'Ana Souza' }).click();
    await page.waitForURL(`**/contacts/${existing.body.id}`);
    await page.getByRole('heading', { level: 1, name: 'Ana Souza' }).waitFor();
    const count = await app.request('GET', '/api/v1/contacts?q=Ana');
    expect(count.body.data).toHaveLength(1);
    await page.context().close();
  });

  it('shows the server refusing a duplicate email on the field when the check was raced', async () => {
    await app.request('POST', '/api/v1/contacts', { body: { firstName: 'Iris', email: 'iris@example.com' } });
    const page = await openSignedIn(browser, app, '/contacts');
    await page.route('**/api/v1/contacts/matches**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"data":[]}' }),
    );
    const dialog = await openDialog(page);
    await dialog.getByLabel('First name').fill('Iris two');
    await dialog.getByLabel('Email').fill('iris@example.com');
    await dialog.getByRole('button', { name: 'Create contact' }).click();
    await dialog.getByText('This email already belongs to Iris').waitFor();
    await dialog.getByRole('link', { name: 'Open that contact' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/contacts');
    await page.context().close();
  });
});
