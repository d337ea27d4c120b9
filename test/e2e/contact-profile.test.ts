import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openSignedIn, saveScreenshot } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachDialect } from '../support/test-database.js';

const OWNER_NAME = 'Test Workspace owner';

describeEachDialect('web app: contact profile', (dialect) => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(dialect), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const createContact = async (body: Record<string, unknown>) => {
    const response = await app.request('POST', '/api/v1/contacts', { body });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number };
  };
  const readContact = async (id: string) => (await app.request('GET', `/api/v1/contacts/${id}`)).body;
  const openProfile = async (id: string): Promise<Page> => {
    const page = await openSignedIn(browser, app, `/contacts/${id}`);
    await page.getByRole('button', { name: 'Save Contact' }).waitFor();
    return page;
  };

  it('edits several fields, saves with Ctrl+S, and shows the changes on the timeline', async () => {
    const { id } = await createContact({
      firstName: 'Maria',
      lastName: 'Silva',
      company: 'Acme',
      phone: '+5511912345678',
      tags: ['VIP'],
    });
    const page = await openProfile(id);
    await page.getByRole('heading', { level: 1, name: 'Maria Silva' }).waitFor();
    await expect(page.getByText('+55 11 91234 5678').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('Not on WhatsApp yet').isVisible()).resolves.toBe(true);
    const saveButton = page.getByRole('button', { name: 'Save Contact' });
    await expect(saveButton.isDisabled()).resolves.toBe(true);

    await page.getByLabel('Company', { exact: true }).fill('Globex');
    await page.getByLabel('Job title', { exact: true }).fill('Buyer');
    await page.getByLabel('City', { exact: true }).fill('São Paulo');
    await page.getByRole('combobox', { name: 'Country' }).fill('Brazi');
    await page.getByRole('option', { name: 'Brazil' }).click();
    await page.getByLabel('Phone', { exact: true }).fill('(415) 555-0111');
    await page.getByText('Saved as +1 415 555 0111').waitFor();
    await page.getByText('5 unsaved changes').waitFor();
    await page.keyboard.press('Control+s');
    await page.getByText('All changes saved').waitFor();
    await expect(saveButton.isDisabled()).resolves.toBe(true);

    const stored = await readContact(id);
    expect(stored).toMatchObject({
      company: 'Globex',
      jobTitle: 'Buyer',
      phone: '+14155550111',
      address: { city: 'São Paulo', country: 'BR' },
      version: 2,
    });
    const timeline = page.getByRole('list', { name: 'Timeline of this contact' });
    await timeline.getByText('Company changed from Acme to Globex').waitFor();
    await timeline.getByText('Phone changed from +55 11 91234 5678 to +1 415 555 0111').waitFor();
    await expect(timeline.getByText(`by ${OWNER_NAME}`).first().isVisible()).resolves.toBe(true);
    await timeline.getByText('Tag VIP added').waitFor();
    await page.context().close();
  });

  it('validates as you type and shows the server refusing a taken email on the field, with a link', async () => {
    const holder = await createContact({ firstName: 'Ana', lastName: 'Souza', email: 'ana@example.com' });
    const { id } = await createContact({ firstName: 'Bruno', email: 'bruno@example.com' });
    const page = await openProfile(id);
    const email = page.getByLabel('Email', { exact: true });
    await email.fill('not-an-email');
    await page.getByText('Not a valid email address').waitFor();
    await email.fill('ana@example.com');
    await page.keyboard.press('Control+s');
    await page.getByText('This email already belongs to Ana Souza').waitFor();
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    const link = page.getByRole('link', { name: 'Open that contact' });
    await expect(link.getAttribute('href')).resolves.toBe(`/contacts/${holder.id}`);
    expect((await readContact(id)).email).toBe('bruno@example.com');
    await page.context().close();
  });

  it('sets a select and a currency custom field, grouped, and saves them', async () => {
    const plan = await app.request('POST', '/api/v1/custom-fields', {
      body: { label: 'Plan', type: 'select', options: { choices: ['Starter', 'Pro'] }, group: 'SaaS' },
    });
    const value = await app.request('POST', '/api/v1/custom-fields', {
      body: { label: 'Lifetime value', type: 'currency', options: { currency: 'USD' }, group: 'E-commerce' },
    });
    expect([plan.status, value.status]).toEqual([201, 201]);
    const { id } = await createContact({ firstName: 'Carla', lastName: 'Dias' });
    const page = await openProfile(id);
    const section = page.getByRole('region', { name: 'Custom Fields' });
    await section.getByRole('heading', { name: 'SaaS' }).waitFor();
    await section.getByRole('heading', { name: 'E-commerce' }).waitFor();
    await section.getByRole('combobox', { name: 'Plan' }).click();
    await page.getByRole('option', { name: 'Pro' }).click();
    await section.getByRole('textbox', { name: 'Lifetime value' }).fill('1200.5');
    await page.getByRole('button', { name: 'Save Contact' }).click();
    await page.getByText('All changes saved').waitFor();
    expect((await readContact(id)).custom).toEqual({ plan: 'Pro', lifetime_value: 1200.5 });
    await expect(section.getByRole('textbox', { name: 'Lifetime value' }).inputValue()).resolves.toBe(
      '1,200.5',
    );
    await page.context().close();
  });

  it('adds notes with a type, pins one to the top with its author, and edits it', async () => {
    const { id } = await createContact({ firstName: 'Diego' });
    const page = await openProfile(id);
    const notes = page.getByRole('region', { name: 'Notes' });
    await notes.getByText('No notes yet').waitFor();
    await notes.getByRole('combobox', { name: 'Note type' }).click();
    await page.getByRole('option', { name: 'Call' }).click();
    await notes.getByLabel('New note').fill('Called about the **delayed order**.');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await notes.getByRole('article', { name: `Call note by ${OWNER_NAME}` }).waitFor();
    await expect(notes.getByText('delayed order').evaluate((node) => node.tagName)).resolves.toBe('STRONG');
    await notes.getByRole('combobox', { name: 'Note type' }).click();
    await page.getByRole('option', { name: 'General' }).click();
    await notes.getByLabel('New note').fill('Prefers afternoons.');
    await notes.getByLabel('New note').press('Control+Enter');
    await notes.getByRole('article', { name: `General note by ${OWNER_NAME}` }).waitFor();
    expect(await notes.getByRole('article').first().getAttribute('aria-label')).toMatch(/^General/);

    const callNote = notes.getByRole('article', { name: /^Call note/ });
    await callNote.getByRole('button', { name: 'Pin' }).click();
    await notes.getByRole('article', { name: `Call note by ${OWNER_NAME}, pinned` }).waitFor();
    expect(await notes.getByRole('article').first().getAttribute('aria-label')).toBe(
      `Call note by ${OWNER_NAME}, pinned`,
    );
    await expect(callNote.getByText(OWNER_NAME).isVisible()).resolves.toBe(true);

    await callNote.getByRole('button', { name: 'Edit' }).click();
    await callNote.getByLabel('Edit note').fill('Called: order shipped today.');
    await callNote.getByRole('button', { name: 'Save note' }).click();
    await callNote.getByText('Called: order shipped today.').waitFor();
    await callNote.getByText('· edited').waitFor();

    const stored = (await app.request('GET', `/api/v1/contacts/${id}/notes`)).body.data;
    expect(stored[0]).toMatchObject({ type: 'call', pinned: true, body: 'Called: order shipped today.' });
    await page.context().close();
  });

  it('asks before leaving with unsaved changes', async () => {
    const { id } = await createContact({ firstName: 'Elisa', company: 'Initech' });
    const page = await openProfile(id);
    await page.getByLabel('Company', { exact: true }).fill('Initrode');
    await page.getByRole('link', { name: 'Contacts' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Stay' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/contacts/${id}`);
    await expect(page.getByLabel('Company', { exact: true }).inputValue()).resolves.toBe('Initrode');
    await page.getByRole('link', { name: 'Contacts' }).first().click();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await page.waitForURL('**/contacts');
    expect((await readContact(id)).company).toBe('Initech');
    await page.context().close();
  });

  it('says when someone else changed the contact, and reloads keeping the edits nobody else touched', async () => {
    const { id } = await createContact({ firstName: 'Fabio', company: 'Umbrella', jobTitle: 'Clerk' });
    const page = await openProfile(id);
    await page.getByLabel('Job title', { exact: true }).fill('Manager');
    const other = await app.request('PATCH', `/api/v1/contacts/${id}`, { body: { company: 'Wayne' } });
    expect(other.status).toBe(200);
    await page.keyboard.press('Control+s');
    const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed this contact' });
    await alert.waitFor();
    expect((await readContact(id)).jobTitle).toBe('Clerk');
    await alert.getByRole('button', { name: 'Reload' }).click();
    await alert.waitFor({ state: 'hidden' });
    await expect(page.getByLabel('Company', { exact: true }).inputValue()).resolves.toBe('Wayne');
    await expect(page.getByLabel('Job title', { exact: true }).inputValue()).resolves.toBe('Manager');
    await page.keyboard.press('Control+s');
    await page.getByText('All changes saved').waitFor();
    expect(await readContact(id)).toMatchObject({ company: 'Wayne', jobTitle: 'Manager' });
    await page.context().close();
  });

  it('loads older timeline entries as the timeline scrolls into view', async () => {
    const { id } = await createContact({ firstName: 'Hugo', jobTitle: 'Step 0' });
    for (let step = 1; step <= 35; step++) {
      await app.request('PATCH', `/api/v1/contacts/${id}`, { body: { jobTitle: `Step ${step}` } });
    }
    const page = await openProfile(id);
    const timeline = page.getByRole('list', { name: 'Timeline of this contact' });
    await timeline.getByText('Job title changed from Step 34 to Step 35').waitFor();
    await expect(timeline.getByRole('listitem').count()).resolves.toBe(30);
    await page.getByRole('button', { name: 'Load more' }).scrollIntoViewIfNeeded();
    await timeline.getByText('Contact created').waitFor();
    await expect(timeline.getByRole('listitem').count()).resolves.toBe(36);
    await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('is accessible, and says so when a contact does not exist', async () => {
    const { id } = await createContact({
      firstName: 'Gabriela',
      lastName: 'Rocha',
      company: 'Rocha & Filhos',
      jobTitle: 'Owner',
      email: 'gabriela@example.com',
      phone: '+5511987654321',
      social: { linkedin: 'gabriela-rocha', website: 'rocha.example.com' },
      tags: ['Customer', 'Wholesale'],
    });
    await app.request('POST', `/api/v1/contacts/${id}/notes`, {
      body: {
        type: 'meeting',
        body: 'Visited the shop. See [the catalogue](https://example.com/catalogue).',
      },
    });
    const page = await openProfile(id);
    const linkedin = page.getByRole('link', { name: 'Open LinkedIn profile' });
    await expect(linkedin.getAttribute('href')).resolves.toBe('https://www.linkedin.com/in/gabriela-rocha');
    await expect(linkedin.getAttribute('target')).resolves.toBe('_blank');
    await expect(linkedin.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    const notes = page.getByRole('region', { name: 'Notes' });
    const catalogue = notes.getByRole('link', { name: 'the catalogue' });
    await expect(catalogue.getAttribute('target')).resolves.toBe('_blank');
    await notes.getByRole('article', { name: 'Meeting note by API key' }).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, `contact-profile-${dialect}`);

    await page.goto('/contacts/00000000-0000-0000-0000-000000000000');
    await page.getByText('This contact does not exist or was deleted.').waitFor();
    await page.getByRole('link', { name: 'Back to contacts' }).waitFor();
    await page.context().close();
  });
});
