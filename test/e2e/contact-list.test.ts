import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openSignedIn, saveScreenshot } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachDialect } from '../support/test-database.js';

/** Creates a contact through the API and returns it. */
async function seedContact(app: TestApp, body: Record<string, unknown>): Promise<any> {
  const response = await app.request('POST', '/api/v1/contacts', { body });
  expect(response.status).toBe(201);
  return response.body;
}

/** Reads a contact through the API. */
async function readContact(app: TestApp, id: string): Promise<any> {
  const response = await app.request('GET', `/api/v1/contacts/${id}`);
  expect(response.status).toBe(200);
  return response.body;
}

/** Polls until `check` passes (the UI saves in the background), returning the last value read. */
async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** Opens the list filtered by a search that only this test's contacts match. */
async function openListFor(browser: Browser, app: TestApp, q: string): Promise<Page> {
  const page = await openSignedIn(browser, app, `/contacts?q=${encodeURIComponent(q)}`);
  await page.getByRole('grid', { name: 'Contacts' }).waitFor();
  return page;
}

describeEachDialect('web app: contact list', (dialect) => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(dialect), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('quick-edits a phone: a national number is shown formatted and stored as E.164', async () => {
    const contact = await seedContact(app, {
      firstName: 'Quinn',
      lastName: 'Phoneedit',
      phone: '+14155552671',
    });
    const page = await openListFor(browser, app, 'Phoneedit');
    const row = page.getByRole('row', { name: /Quinn Phoneedit/ });
    await row.getByRole('gridcell', { name: '+1 415 555 2671' }).click();
    const input = page.getByLabel('Phone of Quinn Phoneedit');
    await input.fill('(202) 555-0123');
    await page.getByText('Saved as +1 202 555 0123').waitFor();
    await expectAccessible(page);
    await input.press('Enter');
    await row.getByRole('gridcell', { name: '+1 202 555 0123' }).waitFor();
    expect(await input.count()).toBe(0);
    const stored = await eventually(
      () => readContact(app, contact.id),
      (c) => c.phone === '+12025550123',
    );
    expect(stored.phone).toBe('+12025550123');
    await page.context().close();
  });

  it('cancels an edit with Escape: the cell and the contact keep their value', async () => {
    const contact = await seedContact(app, {
      firstName: 'Esme',
      lastName: 'Escapecase',
      email: 'esme@example.com',
    });
    const page = await openListFor(browser, app, 'Escapecase');
    const row = page.getByRole('row', { name: /Esme Escapecase/ });
    const cell = row.getByRole('gridcell', { name: 'esme@example.com' });
    await cell.click();
    const input = page.getByLabel('Email of Esme Escapecase');
    await input.fill('someone.else@example.com');
    await input.press('Escape');
    await cell.waitFor();
    expect(await input.count()).toBe(0);
    expect(await row.getByText('someone.else@example.com').count()).toBe(0);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toContain(
      'esme@example.com',
    );
    expect((await readContact(app, contact.id)).email).toBe('esme@example.com');
    await page.context().close();
  });

  it('refuses an invalid phone beside the cell and saves nothing', async () => {
    const contact = await seedContact(app, {
      firstName: 'Ivo',
      lastName: 'Invalidphone',
      phone: '+14155552672',
    });
    const page = await openListFor(browser, app, 'Invalidphone');
    const row = page.getByRole('row', { name: /Ivo Invalidphone/ });
    await row.getByRole('gridcell', { name: '+1 415 555 2672' }).click();
    const input = page.getByLabel('Phone of Ivo Invalidphone');
    await input.fill('12345');
    await input.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Not a valid phone number' }).waitFor();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.isVisible()).toBe(true);
    await input.press('Escape');
    await row.getByRole('gridcell', { name: '+1 415 555 2672' }).waitFor();
    expect((await readContact(app, contact.id)).phone).toBe('+14155552672');
    await page.context().close();
  });

  it('says when someone else changed the contact, offers Reload, and never overwrites their change', async () => {
    const contact = await seedContact(app, { firstName: 'Cora', lastName: 'Conflict', company: 'Old Co' });
    const page = await openListFor(browser, app, 'Conflict');
    const row = page.getByRole('row', { name: /Cora Conflict/ });
    const changed = await app.request('PATCH', `/api/v1/contacts/${contact.id}`, {
      body: { company: 'Their Co', version: contact.version },
    });
    expect(changed.status).toBe(200);
    await row.getByRole('gridcell', { name: 'Old Co' }).click();
    await page.getByLabel('Company of Cora Conflict').fill('My Co');
    await page.getByLabel('Company of Cora Conflict').press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Cora Conflict was changed by someone else' })
      .first()
      .waitFor();
    await row.getByRole('gridcell', { name: 'Old Co' }).waitFor();
    expect((await readContact(app, contact.id)).company).toBe('Their Co');
    await page.getByRole('button', { name: 'Reload' }).click();
    await row.getByRole('gridcell', { name: 'Their Co' }).waitFor();
    await page.context().close();
  });

  it('works from the keyboard: arrows move, Enter edits, Tab saves and moves on, typing starts an edit', async () => {
    const kim = await seedContact(app, { firstName: 'Kim', lastName: 'Keyboard', email: 'kim@example.com' });
    const lee = await seedContact(app, { firstName: 'Lee', lastName: 'Keyboard', company: 'Old Co' });
    const page = await openListFor(browser, app, 'Keyboard');
    await page.getByRole('row', { name: /Lee Keyboard/ }).waitFor();
    await page.getByRole('button', { name: 'Saved' }).focus(); // the last control before the grid
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await focused()).toBe('Kim Keyboard');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toContain('kim@example.com');
    await page.keyboard.press('Enter');
    await page.keyboard.type('kim.new@example.com');
    await page.keyboard.press('Tab');
    await page.getByLabel('Company of Kim Keyboard').waitFor();
    await page.keyboard.type('Keys Ltd');
    await page.keyboard.press('Enter');
    expect(await focused()).toContain('Keys Ltd');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toContain('Old Co');
    await page.keyboard.type('New Co');
    await page.keyboard.press('Enter');
    const saved = await eventually(
      () => Promise.all([readContact(app, kim.id), readContact(app, lee.id)]),
      ([k, l]) => k.company === 'Keys Ltd' && l.company === 'New Co',
    );
    expect(saved.map((c) => [c.email, c.company])).toEqual([
      ['kim.new@example.com', 'Keys Ltd'],
      [null, 'New Co'],
    ]);
    await page.context().close();
  });

  it('shows custom fields formatted by type and edits a select in place', async () => {
    for (const body of [
      { label: 'Plan', type: 'select', options: { choices: ['Free', 'Pro'] } },
      { label: 'Lifetime spend', type: 'currency', options: { currency: 'USD' } },
    ])
      expect((await app.request('POST', '/api/v1/custom-fields', { body })).status).toBe(201);
    const contact = await seedContact(app, {
      firstName: 'Cyd',
      lastName: 'Customfield',
      custom: { plan: 'Free', lifetime_spend: 1234.5 },
    });
    const page = await openSignedIn(
      browser,
      app,
      '/contacts?q=Customfield&cols=cf:plan,cf:lifetime_spend,email',
    );
    const row = page.getByRole('row', { name: /Cyd Customfield/ });
    await row.getByRole('gridcell', { name: '$1,234.50' }).waitFor();
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(
      expect.arrayContaining(['Plan', 'Lifetime spend']),
    );
    await row.getByRole('gridcell', { name: 'Free' }).click();
    await page.getByLabel('Plan of Cyd Customfield').selectOption('Pro');
    await page.getByLabel('Plan of Cyd Customfield').press('Enter');
    await row.getByRole('gridcell', { name: 'Pro' }).waitFor();
    const stored = await eventually(
      () => readContact(app, contact.id),
      (c) => c.custom.plan === 'Pro',
    );
    expect(stored.custom).toEqual({ plan: 'Pro', lifetime_spend: 1234.5 });
    await page.context().close();
  });

  it('says when a search matches nothing, and clears it', async () => {
    const page = await openSignedIn(browser, app, '/contacts?q=Nobody-has-this-name');
    await page.getByRole('heading', { name: 'No contacts match “Nobody-has-this-name”' }).waitFor();
    await page.getByRole('button', { name: 'Clear search' }).last().click();
    await page.getByRole('grid', { name: 'Contacts' }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
    expect(await page.getByLabel('Search contacts').inputValue()).toBe('');
    await page.context().close();
  });

  it('adds a new tag to three selected contacts and reports each one', async () => {
    const contacts = await Promise.all(
      ['One', 'Two', 'Three', 'Four'].map((name) =>
        seedContact(app, { firstName: name, lastName: 'Bulktag' }),
      ),
    );
    const page = await openListFor(browser, app, 'Bulktag');
    for (const name of ['One', 'Two', 'Three']) await page.getByLabel(`Select ${name} Bulktag`).check();
    await page.getByRole('region', { name: 'Selection' }).getByText('3 selected').waitFor();
    await page.getByRole('button', { name: /Bulk actions/ }).click();
    await page.getByRole('menuitem', { name: 'Add tag…' }).click();
    const picker = page.getByRole('combobox', { name: 'Tags to add to 3 contacts' });
    await picker.fill('Spring Promo');
    await picker.press('Enter');
    await page.getByRole('button', { name: 'Add tags' }).click();
    await page.getByRole('status').filter({ hasText: '3 done' }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    const tagged = await Promise.all(contacts.map((c) => readContact(app, c.id)));
    const names = tagged.map((c) => c.tags.map((t: { name: string }) => t.name));
    expect(names.slice(0, 3)).toEqual([['Spring Promo'], ['Spring Promo'], ['Spring Promo']]);
    expect(names[3]).toEqual([]);
    await page
      .getByRole('row', { name: /One Bulktag/ })
      .getByText('Spring Promo')
      .waitFor();
    expect(await page.getByRole('region', { name: 'Selection' }).count()).toBe(0);
    await page.context().close();
  });

  it('keeps search, sort and columns in the URL, and a reload restores them', async () => {
    await Promise.all(
      ['Ada', 'Bea', 'Cid'].map((name) =>
        seedContact(app, { firstName: name, lastName: 'Urlview', address: { city: `${name}ville` } }),
      ),
    );
    const page = await openSignedIn(browser, app, '/contacts');
    await page.getByRole('grid', { name: 'Contacts' }).waitFor();
    await page.getByLabel('Search contacts').fill('Urlview');
    await page.waitForURL(/q=Urlview/);
    await page.getByRole('row', { name: /Ada Urlview/ }).waitFor();
    await page.getByRole('button', { name: /^Name/ }).click();
    await page.waitForURL(/sort=-name/);
    await page.getByRole('button', { name: /^Columns/ }).click();
    await page.getByRole('checkbox', { name: 'Company' }).uncheck();
    await page.getByRole('checkbox', { name: 'City' }).check();
    await page.keyboard.press('Escape');
    await page.waitForURL(/cols=/);
    const url = new URL(page.url());
    expect(url.searchParams.get('cols')?.split(',')).toContain('city');
    expect(url.searchParams.get('cols')?.split(',')).not.toContain('company');

    await page.reload();
    await page.getByRole('row', { name: /Cid Urlview/ }).waitFor();
    expect(await page.getByLabel('Search contacts').inputValue()).toBe('Urlview');
    expect(await page.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect(await page.getByRole('columnheader', { name: 'City' }).count()).toBe(1);
    expect(await page.getByRole('columnheader', { name: 'Company' }).count()).toBe(0);
    const order = await page.getByRole('row').filter({ hasText: 'Urlview' }).allTextContents();
    expect(order.map((text) => text.match(/(Ada|Bea|Cid) Urlview/)?.[1])).toEqual(['Cid', 'Bea', 'Ada']);
    await expect(page.getByText('3 matching').count()).resolves.toBe(1);
    await page.context().close();
  });

  it('is accessible with rows, with a cell being edited, and looks right', async () => {
    await Promise.all(
      [
        {
          firstName: 'Maria',
          lastName: 'Silva',
          phone: '+5511912345678',
          email: 'maria@example.com',
          company: 'Padaria Sol',
        },
        {
          firstName: 'John',
          lastName: 'Miller',
          phone: '+12025550199',
          email: 'john@example.com',
          tags: ['VIP'],
        },
        {
          firstName: 'Aiko',
          lastName: 'Tanaka',
          email: 'aiko@example.com',
          company: 'Kumo',
          tags: ['Lead', 'Trial'],
        },
      ].map((body) => seedContact(app, body)),
    );
    const page = await openSignedIn(browser, app, '/contacts');
    await page.getByRole('row', { name: /Maria Silva/ }).waitFor();
    await saveScreenshot(page, `contact-list-${dialect}`);
    await expectAccessible(page);
    await page
      .getByRole('row', { name: /John Miller/ })
      .getByRole('gridcell', { name: 'john@example.com' })
      .click();
    await page.getByLabel('Email of John Miller').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Email of John Miller').press('Escape');
    await page.context().close();
  });
});
