import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  openPage,
  openSignedIn,
  saveScreenshot,
  signInThroughForm,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachDialect } from '../support/test-database.js';

describeEachDialect('web app: settings', (dialect) => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(dialect), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const fieldKeys = async () =>
    ((await app.request('GET', '/api/v1/custom-fields')).body.data as Array<{ key: string }>).map(
      (f) => f.key,
    );
  const createField = async (body: Record<string, unknown>) => {
    const response = await app.request('POST', '/api/v1/custom-fields', { body });
    expect(response.status).toBe(201);
    return response.body as { id: string; key: string };
  };
  const deleteAllFields = async () => {
    for (const field of (await app.request('GET', '/api/v1/custom-fields')).body.data)
      await app.request('DELETE', `/api/v1/custom-fields/${field.id}`);
  };
  const tagNamed = async (name: string) =>
    ((await app.request('GET', '/api/v1/tags')).body.data as Array<{ id: string; name: string }>).find(
      (tag) => tag.name === name,
    );
  const rowOf = (page: Page, attribute: string, value: string) => page.locator(`tr[${attribute}="${value}"]`);

  it('creates a select field with choices through the dialog', async () => {
    await deleteAllFields();
    const page = await openSignedIn(browser, app, '/settings');
    await page.waitForURL('**/settings/custom-fields');
    await page.getByRole('heading', { name: 'Custom fields' }).waitFor();
    await page.getByText('No custom fields yet').waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'New field' }).click();
    const dialog = page.getByRole('dialog', { name: 'New custom field' });
    await dialog.getByLabel('Label').fill('Preferred Store');
    await expect(dialog.getByLabel('Key').inputValue()).resolves.toBe('preferred_store');
    await dialog.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Select (one choice)' }).click();
    await dialog.getByRole('button', { name: 'Create field' }).click();
    await dialog.getByText('Add at least one choice').waitFor();
    for (const choice of ['Downtown', 'Airport', 'Harbour']) {
      await dialog.getByLabel('New choice').fill(choice);
      await dialog.getByLabel('New choice').press('Enter');
    }
    await dialog.getByRole('button', { name: 'Move Harbour up' }).click();
    await dialog.getByLabel('Group').fill('Retail');
    await expectAccessible(page);
    await saveScreenshot(page, `settings-field-dialog-${dialect}`);
    await dialog.getByRole('button', { name: 'Create field' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = rowOf(page, 'data-field-key', 'preferred_store');
    await expect(row.textContent()).resolves.toContain('Downtown, Harbour, Airport');
    const fields = (await app.request('GET', '/api/v1/custom-fields')).body.data;
    expect(fields).toEqual([
      expect.objectContaining({
        key: 'preferred_store',
        label: 'Preferred Store',
        type: 'select',
        group: 'Retail',
        options: { choices: ['Downtown', 'Harbour', 'Airport'] },
      }),
    ]);
    await page.context().close();
  });

  it('reorders fields with the keyboard and keeps the order on the server', async () => {
    await deleteAllFields();
    for (const label of ['Alpha', 'Bravo', 'Charlie']) await createField({ label, type: 'text' });
    const page = await openSignedIn(browser, app, '/settings/custom-fields');
    const handle = page.getByRole('button', { name: 'Reorder Alpha' });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.getByText('Alpha is at position 1 of 3.').waitFor({ state: 'attached' });
    // dnd-kit's keyboard sensor starts listening for arrows on a timer after it activates
    await page.waitForTimeout(250);
    await page.keyboard.press('ArrowDown');
    await page.getByText('Alpha is at position 2 of 3.').waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowDown');
    await page.getByText('Alpha is at position 3 of 3.').waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await expect.poll(fieldKeys).toEqual(['bravo', 'charlie', 'alpha']);
    const keysOnScreen = await page
      .locator('tr[data-field-key]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-field-key')));
    expect(keysOnScreen).toEqual(['bravo', 'charlie', 'alpha']);
    await page.reload();
    await page.getByRole('button', { name: 'Reorder Alpha' }).waitFor();
    const afterReload = await page
      .locator('tr[data-field-key]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-field-key')));
    expect(afterReload).toEqual(['bravo', 'charlie', 'alpha']);
    await page.context().close();
  });

  it('applies the E-commerce preset and says what was added', async () => {
    await deleteAllFields();
    await createField({ label: 'Total Orders', key: 'total_orders', type: 'number' });
    const page = await openSignedIn(browser, app, '/settings/custom-fields');
    await page.getByRole('button', { name: 'Add preset group' }).click();
    await page.getByRole('menuitem', { name: /^E-commerce/ }).click();
    const notice = page.getByRole('status').filter({ hasText: 'E-commerce preset' });
    await expect(notice.textContent()).resolves.toMatch(/Added 3 E-commerce fields: Customer Lifetime Value/);
    await expect(notice.textContent()).resolves.toContain('kept as they are');
    await rowOf(page, 'data-field-key', 'favorite_category').waitFor();
    expect(await fieldKeys()).toEqual([
      'total_orders',
      'lifetime_value',
      'last_purchase',
      'favorite_category',
    ]);
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await expectAccessible(page);
    await saveScreenshot(page, `settings-custom-fields-${dialect}`);
    await page.context().close();
  });

  it('deletes a field after saying how many contacts hold a value', async () => {
    await deleteAllFields();
    const field = await createField({ label: 'Plan', type: 'select', options: { choices: ['Free', 'Pro'] } });
    await createField({ label: 'Region', type: 'text' });
    const contact = await app.request('POST', '/api/v1/contacts', {
      body: { name: 'Ana Souza', custom: { plan: 'Pro' } },
    });
    expect(contact.status).toBe(201);
    const page = await openSignedIn(browser, app, '/settings/custom-fields');
    await page.getByRole('button', { name: 'Delete Plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Plan”?' });
    await dialog.getByText('1 contact').waitFor();
    await expect(dialog.textContent()).resolves.toContain('1 contact holds a value');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Delete field' }).click();
    await dialog.waitFor({ state: 'detached' });
    await rowOf(page, 'data-field-key', 'plan').waitFor({ state: 'detached' });
    expect(await fieldKeys()).toEqual(['region']);
    const after = await app.request('GET', `/api/v1/contacts/${contact.body.id}`);
    expect(after.body.custom).toEqual({});
    expect((await app.request('GET', `/api/v1/custom-fields/${field.id}`)).status).toBe(404);
    await page.context().close();
  });

  it('creates, renames, merges and deletes tags', async () => {
    const ids: string[] = [];
    for (const name of ['Ana', 'Bruno', 'Carla'])
      ids.push(
        (await app.request('POST', '/api/v1/contacts', { body: { name, tags: ['Vip customer'] } })).body.id,
      );
    await app.request('POST', `/api/v1/contacts/${ids[0]}/tags`, { body: { tags: ['Newsletter'] } });
    const page = await openSignedIn(browser, app, '/settings/tags');

    await page.getByRole('button', { name: 'New tag' }).click();
    let dialog = page.getByRole('dialog', { name: 'New tag' });
    await dialog.getByLabel('Name').fill('Gold');
    await dialog.getByLabel('Category').fill('Customer Tier');
    await dialog.getByLabel('Colour').fill('#7048e8');
    await dialog.getByRole('button', { name: 'Create tag' }).click();
    await dialog.waitFor({ state: 'detached' });
    await rowOf(page, 'data-tag', 'Gold').waitFor();
    expect(await tagNamed('Gold')).toMatchObject({ category: 'Customer Tier', color: '#7048e8' });

    await page.getByRole('button', { name: 'Edit Gold' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit “Gold”' });
    await dialog.getByLabel('Name').fill('VIP');
    await dialog.getByRole('button', { name: 'Save tag' }).click();
    await dialog.waitFor({ state: 'detached' });
    await rowOf(page, 'data-tag', 'VIP').waitFor();
    expect(await tagNamed('Gold')).toBeUndefined();

    await page.getByRole('button', { name: 'Merge Vip customer into another tag' }).click();
    dialog = page.getByRole('dialog', { name: 'Merge “Vip customer” into another tag' });
    await dialog.getByRole('combobox', { name: 'Merge into' }).fill('VIP');
    await page.getByRole('option', { name: /^VIP/ }).click();
    await expect(dialog.textContent()).resolves.toContain('The 3 contacts tagged “Vip customer” get “VIP”');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Merge tags' }).click();
    await dialog.waitFor({ state: 'detached' });
    await rowOf(page, 'data-tag', 'Vip customer').waitFor({ state: 'detached' });
    expect(await tagNamed('VIP')).toMatchObject({ contactCount: 3 });
    expect(await tagNamed('Vip customer')).toBeUndefined();
    await expect(rowOf(page, 'data-tag', 'VIP').textContent()).resolves.toContain('3');

    await page.getByRole('button', { name: 'Delete Newsletter' }).click();
    dialog = page.getByRole('dialog', { name: 'Delete the tag “Newsletter”?' });
    await expect(dialog.textContent()).resolves.toContain('It is removed from 1 contact');
    await dialog.getByRole('button', { name: 'Delete tag' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await tagNamed('Newsletter')).toBeUndefined();
    await page.context().close();
  });

  it('applies the recommended tag system and groups tags by category', async () => {
    const page = await openSignedIn(browser, app, '/settings/tags');
    await page.getByRole('button', { name: 'Apply recommended tags' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Added' });
    await expect(notice.textContent()).resolves.toMatch(/Added 20 tags in 6 categories/);
    await page.locator('th', { hasText: 'Customer Tier' }).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, `settings-tags-${dialect}`);
    await page.context().close();
  });

  it('creates an API key, shows it once, lists it by prefix and revokes it', async () => {
    const page = await openSignedIn(browser, app, '/settings/api-keys');
    await page.getByRole('button', { name: 'New API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API key' });
    await dialog.getByLabel('Name').fill('Shop sync');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('dialog', { name: 'API key “Shop sync” created' });
    await shown.getByText('it will not be shown again').waitFor();
    const key = (await shown.getByTestId('one-time-secret').textContent()) ?? '';
    expect(key).toMatch(/^rolo_/);
    expect((await app.request('GET', '/api/v1/contacts', { key })).status).toBe(200);
    await expectAccessible(page);
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });

    const row = rowOf(page, 'data-api-key', 'Shop sync');
    const listed = (await app.request('GET', '/api/v1/api-keys')).body.data.find(
      (k: { name: string }) => k.name === 'Shop sync',
    );
    await expect(row.textContent()).resolves.toContain(listed.prefix);
    expect(await page.content()).not.toContain(key);
    await saveScreenshot(page, `settings-api-keys-${dialect}`);

    await page.getByRole('button', { name: 'Revoke Shop sync' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke “Shop sync”?' });
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.getByText(/^Revoked/).waitFor();
    expect((await app.request('GET', '/api/v1/contacts', { key })).status).toBe(401);
    await page.context().close();
  });

  it('adds a team member with a generated password shown once, and changes their role', async () => {
    const page = await openSignedIn(browser, app, '/settings/team');
    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a team member' });
    await dialog.getByLabel('Email').fill('carla@example.com');
    await dialog.getByLabel('Name').fill('Carla Mendes');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    const shown = page.getByRole('dialog', { name: 'Carla Mendes was added' });
    await shown.getByText('it will not be shown again').waitFor();
    const password = (await shown.getByTestId('one-time-secret').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);
    await expect(app.signIn('carla@example.com', password)).resolves.toBeTruthy();
    await shown.getByRole('button', { name: 'Done' }).click();

    const row = rowOf(page, 'data-member', 'carla@example.com');
    await expect(row.textContent()).resolves.toContain('Active');
    await row.getByRole('combobox', { name: 'Role of Carla Mendes' }).click();
    await page.getByRole('option', { name: 'Admin' }).click();
    await expect
      .poll(
        async () =>
          (await app.request('GET', '/api/v1/users')).body.data.find((u: any) => u.name === 'Carla Mendes')
            .role,
      )
      .toBe('admin');
    await row.getByRole('button', { name: 'Disable Carla Mendes' }).click();
    await page
      .getByRole('dialog', { name: 'Disable Carla Mendes?' })
      .getByRole('button', { name: 'Disable member' })
      .click();
    await row.getByText('Disabled').waitFor();
    await row.getByRole('button', { name: 'Enable Carla Mendes' }).waitFor();
    await expect(row.getByRole('combobox', { name: /^Role of/ }).isDisabled()).resolves.toBe(false);
    await expect(
      rowOf(page, 'data-member', app.ownerEmail)
        .getByRole('button', { name: /^Disable/ })
        .count(),
    ).resolves.toBe(0);
    await expectAccessible(page);
    await saveScreenshot(page, `settings-team-${dialect}`);
    await page.context().close();
  });

  it('changes the workspace default country and the session follows', async () => {
    const page = await openSignedIn(browser, app, '/settings/workspace');
    const country = page.getByRole('combobox', { name: 'Default country' });
    await expect(country.inputValue()).resolves.toMatch(/United States \(US\)/);
    await expectAccessible(page);
    await saveScreenshot(page, `settings-workspace-${dialect}`);
    await country.click();
    await country.fill('Brazil');
    await page.getByRole('option', { name: /^Brazil \(BR\)/ }).click();
    await page.getByRole('textbox', { name: 'Workspace name' }).fill('Acme Support');
    const noteTypes = page.getByRole('combobox', { name: 'Your note types' });
    await noteTypes.fill('renewal');
    await noteTypes.press('Enter');
    await page.getByRole('button', { name: 'Save workspace' }).click();
    await page.getByText('now read as Brazil').waitFor();
    const workspace = (await app.request('GET', '/api/v1/workspace')).body;
    expect(workspace).toMatchObject({ name: 'Acme Support', defaultCountry: 'BR' });
    expect(workspace.noteTypes).toContain('renewal');
    await page.getByLabel('Workspace', { exact: true }).filter({ hasText: 'Acme Support' }).waitFor();
    await expect(page.getByRole('button', { name: 'Save workspace' }).isDisabled()).resolves.toBe(true);
    await app.request('PATCH', '/api/v1/workspace', {
      body: { defaultCountry: 'US', name: 'Test Workspace' },
    });
    await page.context().close();
  });

  it('hides Team and API keys from agents and explains why when opened by URL', async () => {
    const created = await app.request('POST', '/api/v1/users', {
      body: { email: 'agent@example.com', name: 'Agent Smith', role: 'agent', password: 'agent password 1' },
    });
    expect(created.status).toBe(201);
    const page = await openPage(browser, app);
    await signInThroughForm(page, 'agent@example.com', 'agent password 1');
    await page.goto('/settings/tags');
    const nav = page.getByRole('navigation', { name: 'Settings' });
    await nav.getByRole('link', { name: /Tags/ }).waitFor();
    const links = await nav.getByRole('link').allTextContents();
    expect(links.join(' ')).not.toMatch(/Team|API keys/);
    await expect(page.getByRole('button', { name: 'Apply recommended tags' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Delete / }).count()).resolves.toBe(0);
    await page.goto('/settings/team');
    await page.getByText('Only admins can manage team members').waitFor();
    await expectAccessible(page);
    await page.goto('/settings/api-keys');
    await page.getByText('Only admins can manage API keys').waitFor();
    await page.goto('/settings/custom-fields');
    await page.getByText('Only admins can create, change, reorder or delete custom fields').waitFor();
    await expect(page.getByRole('button', { name: 'New field' }).count()).resolves.toBe(0);
    await page.context().close();
  });
});
