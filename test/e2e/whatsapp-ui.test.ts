import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../../src/server/whatsapp/emulator/emulator-defaults.js';
import {
  startWhatsAppEmulator,
  type WhatsAppEmulator,
} from '../../src/server/whatsapp/emulator/emulator-server.js';
import { InboxProcessor } from '../../src/server/whatsapp/inbox-processor.js';
import {
  expectAccessible,
  launchBrowser,
  openPage,
  openSignedIn,
  saveScreenshot,
  signInThroughForm,
} from '../support/browser.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';
import { describeEachDialect } from '../support/test-database.js';

const APP_SECRET = 'ui-test-app-secret';
const ACCESS_TOKEN = 'ui-test-access-token';

describeEachDialect('web app: WhatsApp conversations', (dialect) => {
  let app: TestApp;
  let browser: Browser;
  let emulator: WhatsAppEmulator;
  let inbox: InboxProcessor;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(dialect), launchBrowser()]);
    emulator = await startWhatsAppEmulator({
      accessToken: ACCESS_TOKEN,
      appSecret: APP_SECRET,
      phoneNumberId: EMULATOR_DEFAULTS.phoneNumberId,
      displayNumber: EMULATOR_DEFAULTS.displayNumber,
      wabaId: EMULATOR_DEFAULTS.wabaId,
      webhookUrl: `${app.baseUrl}/webhooks/whatsapp`,
    });
    const connect = await app.request('PUT', '/api/v1/whatsapp/channel', {
      body: {
        phoneNumberId: EMULATOR_DEFAULTS.phoneNumberId,
        displayNumber: '+1 555 078 3881',
        wabaId: EMULATOR_DEFAULTS.wabaId,
        graphUrl: emulator.url,
        graphVersion: 'v21.0',
        accessToken: ACCESS_TOKEN,
        appSecret: APP_SECRET,
        verifyToken: 'ui-test-verify',
      },
    });
    expect(connect.status).toBe(200);
    app.runtime.services.simulator.attach(emulator);
    inbox = new InboxProcessor(
      app.runtime.services.uow,
      (id) => app.runtime.services.channels.resolveByPhoneNumberId(id),
      { pollMs: 100 },
    );
    inbox.start();
  });
  afterAll(async () => {
    await inbox?.stop();
    await emulator?.stop();
    await browser?.close();
    await app?.close();
  });

  /** Waits until a contact with this name exists (the inbox processes webhooks in the background). */
  const contactNamed = async (name: string): Promise<{ id: string; source: string }> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const found = (await app.request('GET', `/api/v1/contacts?q=${encodeURIComponent(name)}`)).body.data;
      if (found.length) return found[0];
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no contact named ${name} appeared`);
  };
  const openProfile = async (page: Page, id: string) => {
    await page.goto(`/contacts/${id}`);
    await page.getByRole('button', { name: 'Save Contact' }).waitFor();
  };

  it('guides a workspace without WhatsApp: no number on the profile, the connect form, empty statistics', async () => {
    const other = await app.createWorkspace('Quiet Shop');
    const created = await app.request('POST', '/api/v1/contacts', {
      key: other.ownerKey,
      body: { firstName: 'Olga', phone: '+14155550177' },
    });
    const page = await openPage(browser, app);
    await signInThroughForm(page, other.ownerEmail);
    await openProfile(page, created.body.id);
    const conversation = page.getByRole('region', { name: 'Conversation' });
    await conversation.getByText('No WhatsApp number is connected').waitFor();
    await expectAccessible(page);
    await conversation.getByRole('link', { name: 'Settings → WhatsApp' }).click();
    await page.waitForURL('**/settings/whatsapp');
    const form = page.getByRole('form', { name: 'Connect a number' });
    await form.getByText('Not set').first().waitFor();
    await expect(form.getByLabel('Opt-out keywords').inputValue()).resolves.toContain('STOP');
    await expect(page.getByRole('button', { name: 'Disconnect number' }).count()).resolves.toBe(0);
    await form.getByRole('button', { name: 'Connect number' }).click();
    await form.getByText('The numeric phone number ID from Meta (5 to 20 digits)').waitFor();
    await page.mouse.move(0, 0);
    await expectAccessible(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click();
    await page.getByText('No conversations yet').waitFor();
    await page.getByRole('heading', { name: 'New contacts by source' }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it('plays a customer writing in: the contact appears in the list and its profile shows the bubble', async () => {
    const page = await openSignedIn(browser, app, '/settings/whatsapp');
    const card = page.getByRole('form', { name: 'Simulate a customer' });
    await card.getByLabel('From').fill('+55 11 98765-4321');
    await card.getByLabel('Name').fill('Maria Souza');
    await card.getByLabel('Text').fill('Olá! Vocês entregam no sábado? <b>urgente</b>');
    await card.getByRole('button', { name: 'Send as the customer' }).click();
    await card.getByText('Sent — the contact appears in').waitFor();
    const contact = await contactNamed('Maria Souza');
    expect(contact.source).toBe('whatsapp');

    await card.getByRole('link', { name: 'Contacts' }).click();
    await page.waitForURL('**/contacts');
    await page.reload();
    await page.getByRole('link', { name: 'Maria Souza' }).click();
    await page.waitForURL(`**/contacts/${contact.id}`);
    const timeline = page.getByRole('list', { name: 'Timeline of this contact' });
    const bubble = timeline.getByRole('article', { name: 'Message received' });
    await bubble.getByText('Olá! Vocês entregam no sábado? <b>urgente</b>').waitFor();
    await page.getByText(/^Window open until/).waitFor();
    await page.context().close();
  });

  it('replies inside the window from the profile and follows the ticks to read', async () => {
    await emulator.simulateInbound({
      from: '+5511912340001',
      name: 'Bruno Lima',
      text: 'Oi, meu pedido chegou?',
    });
    await emulator.simulateInbound({
      from: '+5511912340001',
      name: 'Bruno Lima',
      message: { type: 'image', image: { caption: 'A caixa veio amassada' } },
    });
    const contact = await contactNamed('Bruno Lima');
    const page = await openSignedIn(browser, app, '/contacts');
    await openProfile(page, contact.id);
    const conversation = page.getByRole('region', { name: 'Conversation' });
    await conversation.getByText(/^Window open until/).waitFor();
    await conversation.getByText('— you can reply freely').waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline of this contact' });
    await timeline.getByText('A caixa veio amassada').waitFor();
    await timeline.getByText(/Photo$/).waitFor();

    const box = conversation.getByLabel('Message', { exact: true });
    await box.fill('Chegou sim!');
    await box.press('Shift+Enter');
    await box.pressSequentially('Pode mandar uma foto?');
    await box.press('Enter');
    const sent = timeline.getByRole('article', { name: 'Message sent' });
    await sent.getByText('Pode mandar uma foto?', { exact: false }).waitFor();
    await expect(box.inputValue()).resolves.toBe('');
    await sent.locator('[data-status="read"]').waitFor({ timeout: 15_000 });
    await expect(sent.locator('[data-status="read"]').getAttribute('title')).resolves.toBe('Read');
    const stored = (await app.request('GET', `/api/v1/contacts/${contact.id}/messages?limit=1`)).body.data[0];
    expect(stored).toMatchObject({
      direction: 'out',
      status: 'read',
      body: 'Chegou sim!\nPode mandar uma foto?',
    });

    const stats = page.getByRole('region', { name: 'Statistics' });
    await stats.getByText('2 / 1').waitFor();
    await stats.getByText('100%').waitFor();

    const timelinePanel = page.getByRole('region', { name: 'Timeline' });
    await timelinePanel.getByText('Notes', { exact: true }).click();
    await timelinePanel.getByText('Nothing of this kind yet.').waitFor();
    await timelinePanel.getByText('Messages', { exact: true }).click();
    await timeline.getByText('Oi, meu pedido chegou?').waitFor();
    await expect(timeline.getByRole('listitem').count()).resolves.toBe(3);

    await expectAccessible(page);
    await saveScreenshot(page, `whatsapp-profile-conversation-${dialect}`);
    await page.context().close();
  });

  it('shows the server refusing a message in words and keeps the text', async () => {
    await emulator.simulateInbound({ from: '+5511912340002', name: 'Carla Dias', text: 'Bom dia' });
    const contact = await contactNamed('Carla Dias');
    const page = await openSignedIn(browser, app, '/contacts');
    await openProfile(page, contact.id);
    const conversation = page.getByRole('region', { name: 'Conversation' });
    emulator.failNext(131026);
    const box = conversation.getByLabel('Message', { exact: true });
    await box.fill('Temos novidades');
    await conversation.getByRole('button', { name: 'Send' }).click();
    const alert = conversation.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.length).toBeGreaterThan('Not sent'.length);
    await expect(box.inputValue()).resolves.toBe('Temos novidades');
    await page.context().close();
  });

  it('starts a conversation with a new number with a template and lands on the new contact', async () => {
    const page = await openSignedIn(browser, app, '/contacts');
    await page.getByRole('button', { name: 'New conversation' }).click();
    const dialog = page.getByRole('dialog', { name: 'New conversation' });
    await dialog.getByRole('textbox', { name: 'Phone number' }).fill('12');
    await dialog.getByText(/^Not a valid phone number/).waitFor();
    await dialog.getByRole('textbox', { name: 'Phone number' }).fill('(415) 555-0142');
    await dialog.getByText('+1 415 555 0142 becomes a new contact.').waitFor();
    await dialog.getByLabel('Name (optional)').fill('Nina Park');
    await dialog.getByText(/starts with an approved template/).waitFor();
    const start = dialog.getByRole('button', { name: 'Start conversation' });
    await expect(start.isDisabled()).resolves.toBe(true);

    await dialog.getByRole('combobox', { name: 'Template' }).click();
    await page.getByRole('option', { name: /^order_update/ }).click();
    await dialog.getByLabel('Value for {{1}}').fill('Nina');
    await expect(start.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('Value for {{2}}').fill('A-2040');
    await expect(dialog.getByTestId('template-preview').textContent()).resolves.toContain(
      'Hello Nina, your order A-2040 has shipped',
    );
    await expectAccessible(page);
    await saveScreenshot(page, `whatsapp-new-conversation-${dialect}`);
    await start.click();

    await page.waitForURL(/\/contacts\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: 'Nina Park' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop();
    const stored = (await app.request('GET', `/api/v1/contacts/${id}`)).body;
    expect(stored).toMatchObject({ name: 'Nina Park', phone: '+14155550142', source: 'agent' });
    const timeline = page.getByRole('list', { name: 'Timeline of this contact' });
    await timeline
      .getByRole('article', { name: 'Message sent' })
      .getByText('Template order_update')
      .waitFor();
    const conversation = page.getByRole('region', { name: 'Conversation' });
    await conversation.getByText('Window closed').waitFor();
    await conversation.getByRole('combobox', { name: 'Template' }).waitFor();
    await expect(conversation.getByLabel('Message', { exact: true }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('starts a conversation with an existing contact whose window is open, with a free text', async () => {
    const bruno = await contactNamed('Bruno Lima');
    const page = await openSignedIn(browser, app, '/contacts');
    await page.getByRole('button', { name: 'New conversation' }).click();
    const dialog = page.getByRole('dialog', { name: 'New conversation' });
    await dialog.getByText('An existing contact', { exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Contact' }).fill('Bruno');
    await page.getByRole('option', { name: /^Bruno Lima/ }).click();
    await dialog.getByText(/^Window open until/).waitFor();
    await dialog.getByText('Text', { exact: true }).click();
    await dialog.getByLabel('Message', { exact: true }).fill('Seguimos à disposição.');
    await dialog.getByRole('button', { name: 'Start conversation' }).click();
    await page.waitForURL(`**/contacts/${bruno.id}`);
    await page
      .getByRole('list', { name: 'Timeline of this contact' })
      .getByText('Seguimos à disposição.')
      .waitFor();
    await page.context().close();
  });

  it('renders the statistics page with the period’s numbers', async () => {
    const page = await openSignedIn(browser, app, '/contacts');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click();
    await page.waitForURL('**/statistics');
    await page.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
    const totals = page.getByRole('group', { name: 'Totals' });
    await totals.getByText('Messages received').waitFor();
    const stats = (await app.request('GET', '/api/v1/whatsapp/stats?days=30')).body;
    expect(stats.totals.messagesIn).toBeGreaterThanOrEqual(4);
    await expect(totals.getByRole('group', { name: 'Messages received' }).textContent()).resolves.toBe(
      `Messages received${stats.totals.messagesIn}`,
    );
    await expect(totals.getByRole('group', { name: 'New contacts' }).textContent()).resolves.toBe(
      `New contacts${stats.totals.newContacts}`,
    );
    await page.getByRole('heading', { name: 'New contacts by source' }).waitFor();
    await page.getByRole('heading', { name: 'Messages', exact: true }).waitFor();
    const table = page.getByRole('table', { name: 'Messages per day' });
    await expect(table.count()).resolves.toBe(1);
    await expectAccessible(page);
    await saveScreenshot(page, `whatsapp-statistics-${dialect}`);

    const messages = page.getByRole('region', { name: 'Messages', exact: true });
    await messages.getByRole('button', { name: 'Show as table' }).click();
    await expect(
      messages.getByRole('button', { name: 'Show as table' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.getByText('7 days', { exact: true }).click();
    await page.waitForURL('**/statistics?days=7');
    await page.getByText(/\(UTC days, today included\)/).waitFor();
    await page.context().close();
  });

  it('saves the channel settings without resending secrets, and shows them read-only to agents', async () => {
    const page = await openSignedIn(browser, app, '/settings/whatsapp');
    const form = page.getByRole('form', { name: 'Connected number' });
    await form.getByLabel('Display number').waitFor();
    await expect(page.getByTestId('webhook-url').textContent()).resolves.toBe(
      `${app.baseUrl}/webhooks/whatsapp`,
    );
    await expectAccessible(page);
    await saveScreenshot(page, `whatsapp-settings-${dialect}`);
    await form.getByLabel('Display number').fill('+1 555 078 0000');
    await form.getByLabel('Opt-out keywords').fill('STOP, PARAR\nCHEGA');
    await form.getByRole('button', { name: 'Save WhatsApp settings' }).click();
    await page.getByText('WhatsApp settings saved.').waitFor();
    const state = (await app.request('GET', '/api/v1/whatsapp/channel')).body;
    expect(state.channel).toMatchObject({
      displayNumber: '+1 555 078 0000',
      optOutKeywords: ['STOP', 'PARAR', 'CHEGA'],
      accessTokenSet: true,
      appSecretSet: true,
      verifyTokenSet: true,
    });
    await page.context().close();

    await app.runtime.services.users.createUser(app.workspaceId, {
      email: 'agent@whatsapp-ui.test',
      name: 'Agent Ana',
      role: 'agent',
      password: TEST_PASSWORD,
    });
    const agentPage = await openPage(browser, app);
    await signInThroughForm(agentPage, 'agent@whatsapp-ui.test');
    await agentPage.goto('/settings/whatsapp');
    await agentPage.getByText('Only admins can change the WhatsApp connection.').waitFor();
    await expect(agentPage.getByLabel('Display number').getAttribute('readonly')).resolves.not.toBeNull();
    await expect(agentPage.getByRole('button', { name: 'Save WhatsApp settings' }).count()).resolves.toBe(0);
    await expect(agentPage.getByRole('button', { name: 'Disconnect number' }).count()).resolves.toBe(0);
    await agentPage.context().close();
  });
});
