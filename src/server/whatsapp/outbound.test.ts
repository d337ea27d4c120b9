import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import {
  signedHeaders,
  TEST_APP_SECRET,
  textNotification,
  inboxProcessorOf,
} from '../../../test/support/whatsapp-notifications.js';
import { EMULATOR_DEFAULTS } from './emulator/emulator-defaults.js';
import { startWhatsAppEmulator, type WhatsAppEmulator } from './emulator/emulator-server.js';
import type { InboxProcessor } from './inbox-processor.js';

describeEachDialect('WhatsApp outbound through the emulator', (dialect) => {
  let t: TestApp;
  let emulator: WhatsAppEmulator;
  let processor: InboxProcessor;

  const contactByWaId = async (waId: string) => {
    const owner = await t.runtime.db.kysely
      .selectFrom('contact_identities')
      .select('contact_id')
      .where('workspace_id', '=', t.workspaceId)
      .where('kind', '=', 'whatsapp')
      .where('value', '=', waId)
      .executeTakeFirstOrThrow();
    return (await t.request('GET', `/api/v1/contacts/${owner.contact_id}`)).body;
  };
  const customerWrites = async (from: string, text: string, name = 'Customer') => {
    const result = await emulator.simulateInbound({ from, name, text });
    expect(result.status).toBe(200);
    await processor.drain();
  };
  const waitForStatus = async (contactId: string, status: string) => {
    for (let i = 0; i < 50; i++) {
      await processor.drain();
      const page = (await t.request('GET', `/api/v1/contacts/${contactId}/messages?limit=1`)).body;
      if (page.data[0]?.status === status) return page.data[0];
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`the message never reached ${status}`);
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    emulator = await startWhatsAppEmulator({
      accessToken: 'emulator-token',
      appSecret: TEST_APP_SECRET,
      phoneNumberId: EMULATOR_DEFAULTS.phoneNumberId,
      displayNumber: EMULATOR_DEFAULTS.displayNumber,
      wabaId: EMULATOR_DEFAULTS.wabaId,
      webhookUrl: `${t.baseUrl}/webhooks/whatsapp`,
      statusDelayMs: 10,
    });
    const connect = await t.request('PUT', '/api/v1/whatsapp/channel', {
      body: {
        phoneNumberId: EMULATOR_DEFAULTS.phoneNumberId,
        displayNumber: '+1 555 078 3881',
        wabaId: EMULATOR_DEFAULTS.wabaId,
        graphUrl: emulator.url,
        graphVersion: 'v21.0',
        accessToken: 'emulator-token',
        appSecret: TEST_APP_SECRET,
      },
    });
    expect(connect.status).toBe(200);
    expect(connect.body.channel).toMatchObject({
      accessTokenSet: true,
      appSecretSet: true,
      verifyTokenSet: false,
    });
    expect(JSON.stringify(connect.body)).not.toContain('emulator-token');
    processor = inboxProcessorOf(t.runtime);
  });
  afterAll(async () => {
    await emulator?.stop();
    await t?.close();
  });

  it('stores the access token sealed, never in clear', async () => {
    const row = await t.runtime.db.kysely
      .selectFrom('whatsapp_channels')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.access_token).not.toContain('emulator-token');
    expect(row.app_secret).not.toContain(TEST_APP_SECRET);
  });

  it('replies inside the window and follows the message to read', async () => {
    await customerWrites('+55 11 98765-4321', 'Olá, tudo bem?', 'Maria Souza');
    const contact = await contactByWaId('5511987654321');
    const sent = await t.request('POST', `/api/v1/contacts/${contact.id}/messages`, {
      body: { text: 'Tudo ótimo!' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ direction: 'out', body: 'Tudo ótimo!', status: 'pending' });
    expect(emulator.state.sentMessages().at(-1)).toMatchObject({ to: '5511987654321', text: 'Tudo ótimo!' });
    const read = await waitForStatus(contact.id, 'read');
    expect(read.waMessageId).toBe(sent.body.waMessageId);
    const after = await contactByWaId('5511987654321');
    expect(after).toMatchObject({ messageCount: 2, conversationCount: 1 });
    expect(after.lastOutboundAt).toBe(sent.body.sentAt);
  });

  it('refuses free text outside the window before calling WhatsApp, and sends a template instead', async () => {
    const created = await t.request('POST', '/api/v1/contacts', {
      body: { name: 'Quiet Lead', phone: '+1 415 555 0100' },
    });
    const before = emulator.state.sentMessages().length;
    const refused = await t.request('POST', `/api/v1/contacts/${created.body.id}/messages`, {
      body: { text: 'hi' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('window_closed');
    expect(emulator.state.sentMessages()).toHaveLength(before);
    const template = await t.request('POST', `/api/v1/contacts/${created.body.id}/messages`, {
      body: { template: { name: 'order_update', language: 'en_US', parameters: ['Quiet', 'A-1001'] } },
    });
    expect(template.status).toBe(201);
    expect(template.body).toMatchObject({ type: 'template', direction: 'out' });
    const contact = (await t.request('GET', `/api/v1/contacts/${created.body.id}`)).body;
    expect(contact).toMatchObject({ messageCount: 1, conversationCount: 1 });
  });

  it('says in words when WhatsApp refuses because its own window closed (131047), and stores nothing', async () => {
    const body = textNotification({
      from: '14155550111',
      id: `wamid.direct-${Date.now()}`,
      text: 'hi',
      name: 'Direct',
    });
    expect(
      (
        await t.request('POST', '/webhooks/whatsapp', {
          key: null,
          rawBody: body,
          headers: signedHeaders(body),
        })
      ).status,
    ).toBe(200);
    await processor.drain();
    const contact = await contactByWaId('14155550111');
    const refused = await t.request('POST', `/api/v1/contacts/${contact.id}/messages`, {
      body: { text: 'hello' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'window_closed', graphCode: 131047 });
    expect(refused.body.detail).toMatch(/24 hours/i);
    expect((await t.request('GET', `/api/v1/contacts/${contact.id}/messages`)).body.data).toHaveLength(1);
  });

  it('retries a throughput limit (130429) and succeeds; gives up at once on an undeliverable number (131026)', async () => {
    await customerWrites('+14155550122', 'ping', 'Retry Me');
    const contact = await contactByWaId('14155550122');
    emulator.failNext(130429, 2);
    const retried = await t.request('POST', `/api/v1/contacts/${contact.id}/messages`, {
      body: { text: 'pong' },
    });
    expect(retried.status).toBe(201);
    emulator.failNext(131026, 1);
    const before = emulator.state.sentMessages().length;
    const undeliverable = await t.request('POST', `/api/v1/contacts/${contact.id}/messages`, {
      body: { text: 'again' },
    });
    expect(undeliverable.status).toBe(502);
    expect(undeliverable.body).toMatchObject({ code: 'whatsapp_send_failed', graphCode: 131026 });
    expect(undeliverable.body.detail).not.toMatch(/^\(#/);
    expect(emulator.state.sentMessages()).toHaveLength(before);
  });

  it('names a template mistake in words (132000) and records an opt-out when WhatsApp reports one (131050)', async () => {
    await customerWrites('+14155550133', 'hello', 'Templates');
    const contact = await contactByWaId('14155550133');
    const wrong = await t.request('POST', `/api/v1/contacts/${contact.id}/messages`, {
      body: { template: { name: 'order_update', language: 'en_US', parameters: ['only one'] } },
    });
    expect(wrong.status).toBe(502);
    expect(wrong.body.graphCode).toBe(132000);
    emulator.failNext(131050, 1);
    const stopped = await t.request('POST', `/api/v1/contacts/${contact.id}/messages`, {
      body: { template: { name: 'summer_sale', language: 'en_US', parameters: ['20%'] } },
    });
    expect(stopped.status).toBe(502);
    const consent = (await t.request('GET', `/api/v1/contacts/${contact.id}/consents`)).body;
    expect(consent.history[0]).toMatchObject({
      channel: 'whatsapp',
      purpose: 'marketing',
      status: 'opted_out',
    });
  });

  it('starts a conversation with a new number in any format: the contact is created with source agent', async () => {
    const started = await t.request('POST', '/api/v1/conversations', {
      body: {
        phone: '(415) 555-0177',
        name: 'Walk In',
        template: { name: 'hello_world', language: 'en_US', parameters: [] },
      },
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      createdContact: true,
      contact: { name: 'Walk In', phone: '+14155550177', source: 'agent', messageCount: 1 },
      message: { type: 'template', direction: 'out' },
    });
    const again = await t.request('POST', '/api/v1/conversations', {
      body: {
        phone: '+1 415-555-0177',
        template: { name: 'hello_world', language: 'en_US', parameters: [] },
      },
    });
    expect(again.body).toMatchObject({ createdContact: false, contact: { id: started.body.contact.id } });
    const bad = await t.request('POST', '/api/v1/conversations', { body: { phone: '12', text: 'hi' } });
    expect(bad.status).toBe(400);
  });

  it('lists templates and pages through messages newest first', async () => {
    const templates = (await t.request('GET', '/api/v1/whatsapp/templates')).body.data;
    expect(templates.find((tpl: { name: string }) => tpl.name === 'order_update')).toMatchObject({
      parameterCount: 2,
    });
    const contact = await contactByWaId('5511987654321');
    const first = (await t.request('GET', `/api/v1/contacts/${contact.id}/messages?limit=1`)).body;
    expect(first.data[0].direction).toBe('out');
    const second = (
      await t.request(
        'GET',
        `/api/v1/contacts/${contact.id}/messages?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`,
      )
    ).body;
    expect(second.data[0]).toMatchObject({ direction: 'in', body: 'Olá, tudo bem?' });
    expect(second.nextCursor).toBeNull();
  });

  it('offers the simulator only while the emulator runs with the server', async () => {
    expect((await t.request('GET', '/api/v1/whatsapp/simulator')).body).toEqual({ available: false });
    expect(
      (
        await t.request('POST', '/api/v1/whatsapp/simulator/messages', {
          body: { from: '+14155550199', text: 'hi' },
        })
      ).status,
    ).toBe(404);
    t.runtime.services.simulator.attach(emulator);
    const played = await t.request('POST', '/api/v1/whatsapp/simulator/messages', {
      body: { from: '+14155550199', name: 'Played', text: 'hi there' },
    });
    expect(played.status).toBe(202);
    await processor.drain();
    expect(await contactByWaId('14155550199')).toMatchObject({ name: 'Played', source: 'whatsapp' });
  });
});
