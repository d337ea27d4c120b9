import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import {
  fixture,
  signedHeaders,
  statusNotification,
  TEST_APP_SECRET,
  TEST_PHONE_NUMBER_ID,
  textNotification,
  inboxProcessorOf,
} from '../../../test/support/whatsapp-notifications.js';
import type { InboxProcessor } from './inbox-processor.js';

describeEachDialect('WhatsApp webhook', (dialect) => {
  let t: TestApp;
  let processor: InboxProcessor;
  let seq = 0;
  const nextId = () => `wamid.test-${Date.now()}-${++seq}`;

  const post = (body: string, headers = signedHeaders(body)) =>
    t.request('POST', '/webhooks/whatsapp', { key: null, rawBody: body, headers });
  const deliver = async (...bodies: string[]) => {
    for (const body of bodies) expect((await post(body)).status).toBe(200);
    await processor.drain();
  };
  const inboxCount = async () =>
    Number(
      (
        await t.runtime.db.kysely
          .selectFrom('webhook_inbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const contactsWith = async (kind: string, value: string) =>
    t.runtime.db.kysely
      .selectFrom('contact_identities')
      .select('contact_id')
      .where('workspace_id', '=', t.workspaceId)
      .where('kind', '=', kind)
      .where('value', '=', value)
      .execute();
  const contactOf = async (kind: string, value: string) => {
    const [owner] = await contactsWith(kind, value);
    expect(owner, `a contact with ${kind} ${value}`).toBeDefined();
    return (await t.request('GET', `/api/v1/contacts/${owner?.contact_id}`)).body;
  };
  const messagesOf = (contactId: string) =>
    t.runtime.db.kysely
      .selectFrom('messages')
      .selectAll()
      .where('workspace_id', '=', t.workspaceId)
      .where('contact_id', '=', contactId)
      .orderBy('sent_at')
      .execute();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const connect = await t.request('PUT', '/api/v1/whatsapp/channel', {
      body: {
        phoneNumberId: TEST_PHONE_NUMBER_ID,
        displayNumber: '+1 555 078 3881',
        appSecret: TEST_APP_SECRET,
        verifyToken: 'verify-me',
        accessToken: 'token-1',
      },
    });
    expect(connect.status).toBe(200);
    processor = inboxProcessorOf(t.runtime);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await processor.drain();
  });

  it('answers the verification handshake only with the right token', async () => {
    const ok = await t.request(
      'GET',
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444',
      { key: null },
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toBe(1158201444);
    const wrong = await t.request(
      'GET',
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1',
      { key: null },
    );
    expect(wrong.status).toBe(403);
  });

  it('refuses missing and wrong signatures with 401 and keeps nothing', async () => {
    const before = await inboxCount();
    const body = fixture('inbound-text');
    expect((await post(body, { 'content-type': 'application/json' })).status).toBe(401);
    expect((await post(body, signedHeaders(body, 'another-secret'))).status).toBe(401);
    expect(
      (await post(body, { 'x-hub-signature-256': 'sha256=zz', 'content-type': 'application/json' })).status,
    ).toBe(401);
    const tampered = body.replace('Hi, I need help', 'Hi, I need money');
    expect((await post(tampered, signedHeaders(body))).status).toBe(401);
    expect(await inboxCount()).toBe(before);
  });

  it('refuses a signed body that is not JSON or not a notification with 400 and keeps nothing', async () => {
    const before = await inboxCount();
    expect((await post('{"object": "whatsapp_business_account", "entry": [')).status).toBe(400);
    expect((await post('{"hello": "world"}')).status).toBe(400);
    expect(await inboxCount()).toBe(before);
  });

  it('creates a contact on a first text with every auto-captured field', async () => {
    await deliver(fixture('inbound-text'));
    const contact = await contactOf('whatsapp', '16505551234');
    expect(contact).toMatchObject({
      name: 'Sheena Nelson',
      phone: '+16505551234',
      source: 'whatsapp',
      whatsappName: 'Sheena Nelson',
      messageCount: 1,
      conversationCount: 1,
      firstContactAt: '2025-02-12T00:43:44.000Z',
      lastInboundAt: '2025-02-12T00:43:44.000Z',
    });
    expect((await contactsWith('phone', '+16505551234'))[0]?.contact_id).toBe(contact.id);
    const [message] = await messagesOf(contact.id);
    expect(message).toMatchObject({
      direction: 'in',
      type: 'text',
      body: 'Hi, I need help',
      status: 'received',
    });
  });

  it('stores every fixture message type with its text and keeps the counters exact', async () => {
    await deliver(fixture('inbound-image'), fixture('inbound-button-reply'), fixture('inbound-reaction'));
    const contact = await contactOf('whatsapp', '16505551234');
    const messages = await messagesOf(contact.id);
    expect(messages.map((m) => [m.type, m.body])).toEqual([
      ['text', 'Hi, I need help'],
      ['image', 'receipt'],
      ['interactive', 'Cancel'],
      ['reaction', '👍'],
    ]);
    expect(JSON.parse(messages[1]?.payload ?? '{}').image.id).toBe('2754859441498128');
    expect(messages[2]?.reply_to).toMatch(/^wamid\./);
    expect(contact.messageCount).toBe(4);
    expect(contact.conversationCount).toBe(1);
  });

  it('shows the messages on the contact timeline by their time, and alone when filtered', async () => {
    const contact = await contactOf('whatsapp', '16505551234');
    const timeline = (await t.request('GET', `/api/v1/contacts/${contact.id}/timeline?limit=100`)).body.data;
    expect(timeline.map((item: { kind: string }) => item.kind)).toEqual([
      'event',
      'message',
      'message',
      'message',
      'message',
    ]);
    const messages = (await t.request('GET', `/api/v1/contacts/${contact.id}/timeline?kinds=message&limit=2`))
      .body;
    expect(messages.data.map((item: { message: { body: string } }) => item.message.body)).toEqual([
      '👍',
      'Cancel',
    ]);
    const next = (
      await t.request(
        'GET',
        `/api/v1/contacts/${contact.id}/timeline?kinds=message&limit=2&cursor=${encodeURIComponent(messages.nextCursor)}`,
      )
    ).body;
    expect(next.data.map((item: { message: { body: string } }) => item.message.body)).toEqual([
      'receipt',
      'Hi, I need help',
    ]);
  });

  it('stores a message once however often WhatsApp delivers it', async () => {
    const body = textNotification({ from: '14155550101', id: nextId(), text: 'once', name: 'Once Only' });
    await deliver(body, body, body);
    const contact = await contactOf('whatsapp', '14155550101');
    expect(contact.messageCount).toBe(1);
    expect(await messagesOf(contact.id)).toHaveLength(1);
  });

  it('matches an old 8-digit Brazilian wa_id to the contact typed with the ninth digit, and keeps the ad referral', async () => {
    const typed = await t.request('POST', '/api/v1/contacts', {
      body: { name: 'João (typed)', phone: '+55 11 98765-4321' },
    });
    expect(typed.status).toBe(201);
    await deliver(fixture('inbound-referral-brazil-8digit'));
    const contact = await contactOf('whatsapp', '551187654321');
    expect(contact.id).toBe(typed.body.id);
    expect(contact.name).toBe('João (typed)');
    expect(contact.whatsappName).toBe('João Silva');
    const [message] = await messagesOf(contact.id);
    expect(JSON.parse(message?.payload ?? '{}').referral.ctwa_clid).toBe('Aff-n8ZTODiE79d22KtAw');
  });

  it('matches a Mexican wa_id with the legacy 1 to the contact typed without it, and the other way round', async () => {
    const typed = await t.request('POST', '/api/v1/contacts', {
      body: { name: 'Lupe', phone: '+52 55 1234 5678' },
    });
    await deliver(textNotification({ from: '5215512345678', id: nextId(), text: 'hola', name: 'Lupe G' }));
    expect((await contactOf('whatsapp', '5215512345678')).id).toBe(typed.body.id);
    await deliver(textNotification({ from: '5218112345678', id: nextId(), text: 'hola', name: 'Beto' }));
    const beto = await contactOf('whatsapp', '5218112345678');
    expect(beto.phone).toBe('+528112345678');
    const matches = await t.request('GET', '/api/v1/contacts/matches?phone=%2B528112345678');
    expect(matches.body.data.map((m: { contactId: string }) => m.contactId)).toContain(beto.id);
  });

  it('creates a contact with no phone for a username-only sender', async () => {
    await deliver(fixture('inbound-bsuid-no-phone'));
    const contact = await contactOf('whatsapp_bsuid', 'US.13491208655302741918');
    expect(contact).toMatchObject({ name: 'Ana', phone: null, source: 'whatsapp', messageCount: 1 });
    expect((await contactsWith('whatsapp_username', 'ana.flores'))[0]?.contact_id).toBe(contact.id);
  });

  it('creates exactly one contact for two first messages from one new number processed side by side', async () => {
    const from = '14155550199';
    const bodies = [1, 2, 3, 4].map((n) =>
      textNotification({ from, id: nextId(), text: `hello ${n}`, name: 'Racer' }),
    );
    await Promise.all(bodies.map((body) => post(body)));
    const second = inboxProcessorOf(t.runtime);
    await Promise.all([processor.drain(), second.drain()]);
    await processor.drain();
    expect(await contactsWith('whatsapp', from)).toHaveLength(1);
    expect((await contactOf('whatsapp', from)).messageCount).toBe(4);
  });

  it('groups messages into conversations by the 24-hour window', async () => {
    const from = '14155550123';
    const start = new Date('2026-03-01T10:00:00Z');
    const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000);
    await deliver(
      textNotification({ from, id: nextId(), text: 'one', at: at(0) }),
      textNotification({ from, id: nextId(), text: 'two', at: at(23) }),
      textNotification({ from, id: nextId(), text: 'three', at: at(46) }),
      textNotification({ from, id: nextId(), text: 'four', at: at(71) }),
    );
    const contact = await contactOf('whatsapp', from);
    expect(contact.conversationCount).toBe(2);
    expect(contact.messageCount).toBe(4);
    expect(contact.lastInboundAt).toBe(at(71).toISOString());
    expect(contact.firstContactAt).toBe(at(0).toISOString());
  });

  it('records STOP as a WhatsApp marketing opt-out with the message as proof, and START as an opt-in', async () => {
    const from = '14155550144';
    await deliver(textNotification({ from, id: nextId(), text: 'Stop!', name: 'Quiet' }));
    const contact = await contactOf('whatsapp', from);
    const stopped = (await t.request('GET', `/api/v1/contacts/${contact.id}/consents`)).body;
    const marketing = stopped.current.find(
      (c: { channel: string; purpose: string }) => c.channel === 'whatsapp' && c.purpose === 'marketing',
    );
    expect(marketing.status).toBe('opted_out');
    expect(JSON.parse(stopped.history[0].proof).text).toBe('Stop!');
    await deliver(textNotification({ from, id: nextId(), text: 'please stop sending me offers' }));
    expect((await t.request('GET', `/api/v1/contacts/${contact.id}/consents`)).body.history).toHaveLength(1);
    await deliver(textNotification({ from, id: nextId(), text: 'start' }));
    const started = (await t.request('GET', `/api/v1/contacts/${contact.id}/consents`)).body;
    expect(started.history[0]).toMatchObject({ status: 'opted_in', source: 'whatsapp_keyword' });
  });

  it('refreshes the WhatsApp name, and the contact name unless an agent changed it', async () => {
    const from = '14155550166';
    await deliver(textNotification({ from, id: nextId(), text: 'hi', name: 'Kim' }));
    await deliver(textNotification({ from, id: nextId(), text: 'hi again', name: 'Kim Lee' }));
    const renamed = await contactOf('whatsapp', from);
    expect(renamed).toMatchObject({ name: 'Kim Lee', whatsappName: 'Kim Lee' });
    await t.request('PATCH', `/api/v1/contacts/${renamed.id}`, {
      body: { firstName: 'Kimberly', lastName: 'Lee', version: renamed.version },
    });
    await deliver(textNotification({ from, id: nextId(), text: 'new profile', name: 'KL' }));
    expect(await contactOf('whatsapp', from)).toMatchObject({ name: 'Kimberly Lee', whatsappName: 'KL' });
  });

  it('acknowledges a notification for an unknown number and stores nothing from it', async () => {
    const from = '14155550177';
    const body = textNotification({ from, id: nextId(), text: 'hi', phoneNumberId: '999999999' });
    await deliver(body);
    expect(await contactsWith('whatsapp', from)).toHaveLength(0);
    const row = await t.runtime.db.kysely
      .selectFrom('webhook_inbox')
      .select(['state'])
      .where('body', '=', body)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('done');
  });

  it('moves outbound statuses forward only, whatever order they arrive in, and keeps failures with their reason', async () => {
    const contact = await contactOf('whatsapp', '16505551234');
    const outbound = async (waId: string) => {
      const { fileMessage } = await import('./message-ingest.js');
      await t.runtime.services.uow.transaction(async (repos) => {
        const now = new Date().toISOString();
        await fileMessage(repos, {
          workspace_id: t.workspaceId,
          id: `${waId}-row`,
          wa_message_id: waId,
          contact_id: contact.id,
          channel_id: 'channel',
          direction: 'out',
          type: 'text',
          body: 'hello',
          payload: '{}',
          status: 'pending',
          status_at: now,
          error_code: null,
          error_title: null,
          reply_to: null,
          sent_by: null,
          sent_at: now,
          created_at: now,
        });
      });
    };
    const statusOf = async (waId: string) =>
      t.runtime.db.kysely
        .selectFrom('messages')
        .select(['status', 'error_code', 'error_title'])
        .where('wa_message_id', '=', waId)
        .executeTakeFirstOrThrow();
    await outbound('wamid.out-1');
    await deliver(
      statusNotification({ id: 'wamid.out-1', status: 'read', recipient: '16505551234' }),
      statusNotification({ id: 'wamid.out-1', status: 'sent', recipient: '16505551234' }),
      statusNotification({ id: 'wamid.out-1', status: 'delivered', recipient: '16505551234' }),
      statusNotification({ id: 'wamid.out-1', status: 'read', recipient: '16505551234' }),
    );
    expect((await statusOf('wamid.out-1')).status).toBe('read');

    await deliver(statusNotification({ id: 'wamid.out-2', status: 'delivered', recipient: '16505551234' }));
    await outbound('wamid.out-2');
    const { settleStatus } = await import('./message-ingest.js');
    await t.runtime.services.uow.transaction(async (repos) => {
      const row = await repos.messages.findByWaId(t.workspaceId, 'wamid.out-2');
      if (row) await settleStatus(repos, row);
    });
    expect((await statusOf('wamid.out-2')).status).toBe('delivered');

    await outbound('wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RkZCQjlD');
    await deliver(fixture('status-read'), fixture('status-sent'));
    expect((await statusOf('wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RkZCQjlD')).status).toBe('read');

    await outbound('wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RkZCQjlE');
    await deliver(
      fixture('status-sent').replace(
        'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RkZCQjlD',
        'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RkZCQjlE',
      ),
    );
    await deliver(fixture('status-failed-131047'));
    await deliver(
      statusNotification({
        id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RkZCQjlE',
        status: 'delivered',
        recipient: '16505551234',
      }),
    );
    expect(await statusOf('wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RkZCQjlE')).toEqual({
      status: 'failed',
      error_code: 131047,
      error_title: 'Re-engagement message',
    });
  });
});
