import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import {
  signedHeaders,
  TEST_APP_SECRET,
  TEST_PHONE_NUMBER_ID,
  textNotification,
  inboxProcessorOf,
} from '../../../test/support/whatsapp-notifications.js';
import type { InboxProcessor } from './inbox-processor.js';
import { fileMessage } from './message-ingest.js';

const DAY_MS = 86_400_000;
const now = new Date();
/** Midnight UTC today: every timestamp of the history is a fixed offset from it. */
const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
/** `hh:mm:ss` UTC on the day `dayOffset` days from today. */
const at = (dayOffset: number, time: string) => {
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  return new Date(today + dayOffset * DAY_MS + ((h * 60 + m) * 60 + s) * 1000);
};
const day = (dayOffset: number) => new Date(today + dayOffset * DAY_MS).toISOString().slice(0, 10);
/** A customer message of today, an hour ago (or at midnight when the day is younger), whole seconds. */
const recent = new Date(Math.floor(Math.max(today, now.getTime() - 3_600_000) / 1000) * 1000);

/** Seconds the business took to answer each of eight customers who wrote two days ago. */
const RUSH_ANSWERS = [30, 45, 60, 90, 150, 240, 300, 900];

describeEachDialect('conversation statistics API', (dialect) => {
  let t: TestApp;
  let processor: InboxProcessor;
  let channelId: string;
  let seq = 0;
  const contactIds: Record<string, string> = {};

  const contactIdOf = async (from: string) => {
    const owner = await t.runtime.db.kysely
      .selectFrom('contact_identities')
      .select('contact_id')
      .where('workspace_id', '=', t.workspaceId)
      .where('kind', '=', 'whatsapp')
      .where('value', '=', from)
      .executeTakeFirstOrThrow();
    return owner.contact_id;
  };
  /** A customer writes: a signed notification through the webhook, processed by the inbox processor. */
  const customerWrites = async (name: string, from: string, when: Date) => {
    const body = textNotification({ from, id: `wamid.stats-${++seq}`, text: `hello ${seq}`, name, at: when });
    const response = await t.request('POST', '/webhooks/whatsapp', {
      key: null,
      rawBody: body,
      headers: signedHeaders(body),
    });
    expect(response.status).toBe(200);
    expect(await processor.drain()).toBe(1);
    contactIds[name] ??= await contactIdOf(from);
  };
  /** The business answers (or sends a template): an outbound message filed as the sender files it. */
  const businessWrites = async (name: string, when: Date) => {
    const contactId = contactIds[name];
    if (!contactId) throw new Error(`no contact ${name} yet`);
    const sentAt = when.toISOString();
    await t.runtime.services.uow.transaction((repos) =>
      fileMessage(repos, {
        workspace_id: t.workspaceId,
        id: `out-${++seq}`,
        wa_message_id: `wamid.stats-out-${seq}`,
        contact_id: contactId,
        channel_id: channelId,
        direction: 'out',
        type: 'text',
        body: 'answer',
        payload: '{}',
        status: 'sent',
        status_at: sentAt,
        error_code: null,
        error_title: null,
        reply_to: null,
        sent_by: null,
        sent_at: sentAt,
        created_at: sentAt,
      }),
    );
  };
  const createdOn = async (name: string, when: Date) => {
    await t.runtime.db.kysely
      .updateTable('contacts')
      .set({ created_at: when.toISOString() })
      .where('workspace_id', '=', t.workspaceId)
      .where('id', '=', contactIds[name] ?? '')
      .execute();
  };
  const stats = async (days?: number) => {
    const response = await t.request('GET', `/api/v1/whatsapp/stats${days ? `?days=${days}` : ''}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const contactStats = async (name: string) => {
    const response = await t.request('GET', `/api/v1/contacts/${contactIds[name]}/conversation-stats`);
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const connect = await t.request('PUT', '/api/v1/whatsapp/channel', {
      body: {
        phoneNumberId: TEST_PHONE_NUMBER_ID,
        displayNumber: '+1 555 078 3881',
        appSecret: TEST_APP_SECRET,
      },
    });
    expect(connect.status).toBe(200);
    channelId = connect.body.channel.id;
    processor = inboxProcessorOf(t.runtime);

    // In time order, since where a message is filed depends on the conversation open at its time.
    await customerWrites('Ana', '14155550301', at(-40, '09:00:00'));
    await businessWrites('Ana', at(-40, '09:00:05'));
    await customerWrites('Ana', '14155550301', at(-5, '09:00:00'));
    await businessWrites('Ana', at(-5, '09:02:00'));
    await customerWrites('Ana', '14155550301', at(-5, '09:10:00'));
    await businessWrites('Ana', at(-5, '09:15:00'));
    await customerWrites('Ben', '14155550302', at(-5, '15:00:00'));
    await businessWrites('Ben', at(-5, '16:00:00'));
    await customerWrites('Cleo', '14155550303', at(-4, '11:00:00'));
    await businessWrites('Cleo', at(-4, '11:10:00'));
    await customerWrites('Ana', '14155550301', at(-3, '10:00:00'));
    await customerWrites('Ana', '14155550301', at(-3, '10:05:00'));
    for (const [i, seconds] of RUSH_ANSWERS.entries()) {
      const opened = at(-2, `${String(i).padStart(2, '0')}:00:00`);
      await customerWrites(`Rush ${i}`, `1415555041${i}`, opened);
      await businessWrites(`Rush ${i}`, new Date(opened.getTime() + seconds * 1000));
    }
    await businessWrites('Ana', at(-2, '12:00:00'));
    await customerWrites('Ana', '14155550301', at(-2, '12:30:00'));
    await customerWrites('Ben', '14155550302', at(-1, '08:00:00'));
    await businessWrites('Ben', at(-1, '08:00:10'));

    const created = async (name: string, source: string) => {
      const response = await t.request('POST', '/api/v1/contacts', { body: { name, source } });
      expect(response.status).toBe(201);
      contactIds[name] = response.body.id;
    };
    await created('Dora', 'import');
    await created('Eli', 'manual');
    await businessWrites('Eli', at(-1, '18:00:00'));
    await customerWrites('Cleo', '14155550303', recent);

    // Contacts are created when their first message is processed; date them back to that message.
    await createdOn('Ana', at(-40, '09:00:00'));
    await createdOn('Ben', at(-5, '15:00:00'));
    await createdOn('Cleo', at(-4, '11:00:00'));

    const other = await t.createWorkspace('Other Business');
    const outsider = await t.request('POST', '/api/v1/contacts', {
      key: other.ownerKey,
      body: { name: 'Outsider', source: 'manual' },
    });
    expect(outsider.status).toBe(201);
    contactIds.Outsider = outsider.body.id;
  });
  afterAll(async () => t.close());

  it('counts conversations, messages and first responses of a contact, and sees its window closed a day after its last message', async () => {
    expect(await contactStats('Ana')).toEqual({
      firstContactAt: at(-40, '09:00:00').toISOString(),
      lastInboundAt: at(-2, '12:30:00').toISOString(),
      lastOutboundAt: at(-2, '12:00:00').toISOString(),
      conversationCount: 4,
      messagesIn: 6,
      messagesOut: 4,
      medianFirstResponseSeconds: 62.5,
      responseRate: 2 / 3,
      window: { open: false, expiresAt: at(-1, '12:30:00').toISOString() },
    });
  });

  it('sees the window open for 24 hours after the latest customer message', async () => {
    const cleo = await contactStats('Cleo');
    expect(cleo).toMatchObject({
      conversationCount: 2,
      messagesIn: 2,
      messagesOut: 1,
      medianFirstResponseSeconds: 600,
      responseRate: 0.5,
      lastInboundAt: recent.toISOString(),
      window: { open: true, expiresAt: new Date(recent.getTime() + DAY_MS).toISOString() },
    });
  });

  it('has no response time, rate or window for a contact the business wrote to first, or never wrote to', async () => {
    expect(await contactStats('Eli')).toEqual({
      firstContactAt: at(-1, '18:00:00').toISOString(),
      lastInboundAt: null,
      lastOutboundAt: at(-1, '18:00:00').toISOString(),
      conversationCount: 1,
      messagesIn: 0,
      messagesOut: 1,
      medianFirstResponseSeconds: null,
      responseRate: null,
      window: { open: false, expiresAt: null },
    });
    expect(await contactStats('Dora')).toMatchObject({
      conversationCount: 0,
      messagesIn: 0,
      messagesOut: 0,
      firstContactAt: null,
      window: { open: false, expiresAt: null },
    });
  });

  it("answers 404 for an unknown contact and for another workspace's contact", async () => {
    const unknown = await t.request('GET', '/api/v1/contacts/no-such-contact/conversation-stats');
    expect(unknown.status).toBe(404);
    const foreign = await t.request('GET', `/api/v1/contacts/${contactIds.Outsider}/conversation-stats`);
    expect(foreign.status).toBe(404);
  });

  it('counts the last seven days day by day: new contacts by source, conversations, messages, response times', async () => {
    expect(await stats(7)).toEqual({
      from: day(-6),
      to: day(0),
      newContactsPerDay: [
        { day: day(-5), source: 'whatsapp', count: 1 },
        { day: day(-4), source: 'whatsapp', count: 1 },
        { day: day(0), source: 'import', count: 1 },
        { day: day(0), source: 'manual', count: 1 },
        { day: day(0), source: 'whatsapp', count: 8 },
      ],
      conversationsPerDay: [
        { day: day(-6), count: 0 },
        { day: day(-5), count: 2 },
        { day: day(-4), count: 1 },
        { day: day(-3), count: 1 },
        { day: day(-2), count: 9 },
        { day: day(-1), count: 2 },
        { day: day(0), count: 1 },
      ],
      messagesPerDay: [
        { day: day(-6), inbound: 0, outbound: 0 },
        { day: day(-5), inbound: 3, outbound: 3 },
        { day: day(-4), inbound: 1, outbound: 1 },
        { day: day(-3), inbound: 2, outbound: 0 },
        { day: day(-2), inbound: 9, outbound: 9 },
        { day: day(-1), inbound: 1, outbound: 2 },
        { day: day(0), inbound: 1, outbound: 0 },
      ],
      responseTimes: { medianFirstResponseSeconds: 135, p90FirstResponseSeconds: 900, responseRate: 12 / 14 },
      totals: { newContacts: 12, conversations: 16, messagesIn: 17, messagesOut: 15 },
    });
  });

  it('counts only what happened inside the period asked for', async () => {
    const lastTwoDays = await stats(2);
    expect(lastTwoDays).toMatchObject({
      from: day(-1),
      to: day(0),
      conversationsPerDay: [
        { day: day(-1), count: 2 },
        { day: day(0), count: 1 },
      ],
      responseTimes: { medianFirstResponseSeconds: 10, p90FirstResponseSeconds: 10, responseRate: 0.5 },
      totals: { newContacts: 10, conversations: 3, messagesIn: 2, messagesOut: 2 },
    });
    expect((await stats(1)).responseTimes).toEqual({
      medianFirstResponseSeconds: null,
      p90FirstResponseSeconds: null,
      responseRate: 0,
    });
    const year = await stats(365);
    expect(year.newContactsPerDay[0]).toEqual({ day: day(-40), source: 'whatsapp', count: 1 });
    expect(year.conversationsPerDay).toHaveLength(365);
    expect(year.responseTimes).toEqual({
      medianFirstResponseSeconds: 120,
      p90FirstResponseSeconds: 900,
      responseRate: 13 / 15,
    });
    expect(year.totals).toEqual({ newContacts: 13, conversations: 17, messagesIn: 18, messagesOut: 16 });
  });

  it('covers the last 30 days by default and refuses a period out of 1–365 days', async () => {
    const byDefault = await stats();
    expect(byDefault.from).toBe(day(-29));
    expect(byDefault.messagesPerDay).toHaveLength(30);
    expect(byDefault.totals).toEqual({ newContacts: 12, conversations: 16, messagesIn: 17, messagesOut: 15 });
    for (const days of ['0', '366', '2.5', 'week']) {
      const refused = await t.request('GET', `/api/v1/whatsapp/stats?days=${days}`);
      expect(refused.status, `days=${days}`).toBe(400);
    }
  });
});
