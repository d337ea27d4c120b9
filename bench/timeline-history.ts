import type { Kysely } from 'kysely';
import { newId } from '../src/server/db/new-id.js';
import type {
  ContactEventsTable,
  ConversationsTable,
  Database,
  MessagesTable,
  NotesTable,
} from '../src/server/db/schema.js';

/** Where an item sits on the timeline (its time and id), as the timeline orders and pages it. */
export interface HistoryPosition {
  at: string;
  id: string;
}

/** What was written: every item's position, newest first. */
export interface History {
  positions: HistoryPosition[];
  messages: number;
  notes: number;
  events: number;
  conversations: number;
  seconds: number;
}

const DAY_MS = 86_400_000;
const ROWS_PER_INSERT = 500;

/**
 * Gives a contact a long history in one transaction, written straight to the tables: `messages` WhatsApp messages
 * in conversations of about twenty (the customer writes, the business answers) over the last 400 days, with notes
 * and recorded changes in between; the contact's counters and dates are set to match.
 */
export async function writeHistory(
  db: Kysely<Database>,
  workspaceId: string,
  contactId: string,
  counts: { messages: number; notes: number; events: number },
): Promise<History> {
  const started = performance.now();
  const channelId = newId();
  const first = Date.now() - 400 * DAY_MS;
  const step = (400 * DAY_MS) / counts.messages;
  const iso = (ms: number) => new Date(Math.floor(ms)).toISOString();
  const conversations: ConversationsTable[] = [];
  const messages: MessagesTable[] = [];
  for (let i = 0; i < counts.messages; i++) {
    const at = iso(first + i * step);
    if (i % 20 === 0)
      conversations.push({
        workspace_id: workspaceId,
        id: newId(),
        contact_id: contactId,
        channel_id: channelId,
        opened_by: 'customer',
        started_at: at,
        expires_at: iso(Date.parse(at) + DAY_MS),
        last_message_at: at,
      });
    const conversation = conversations.at(-1)!;
    conversation.last_message_at = at;
    const inbound = i % 2 === 0;
    messages.push({
      workspace_id: workspaceId,
      id: newId(),
      wa_message_id: `wamid.timeline-${i}`,
      contact_id: contactId,
      conversation_id: conversation.id,
      channel_id: channelId,
      direction: inbound ? 'in' : 'out',
      type: 'text',
      body: inbound
        ? `Question number ${i}: is my order on its way?`
        : `Answer ${i}: yes, it ships tomorrow.`,
      payload: JSON.stringify({ text: { body: `message ${i}` } }),
      status: inbound ? 'received' : 'read',
      status_at: at,
      error_code: null,
      error_title: null,
      reply_to: null,
      sent_by: null,
      sent_at: at,
      created_at: at,
    });
  }
  const spread = (n: number, i: number) => iso(first + ((i + 0.5) / n) * 400 * DAY_MS + 1234);
  const notes: NotesTable[] = Array.from({ length: counts.notes }, (_, i) => ({
    workspace_id: workspaceId,
    id: newId(),
    contact_id: contactId,
    type: 'general',
    body: `Note ${i}: prefers **afternoon** deliveries.`,
    pinned: i === 0 ? 1 : 0,
    author_id: null,
    created_at: spread(counts.notes, i),
    updated_at: spread(counts.notes, i),
    version: 1,
  }));
  const events: ContactEventsTable[] = Array.from({ length: counts.events }, (_, i) => ({
    workspace_id: workspaceId,
    id: newId(),
    contact_id: contactId,
    type: i % 3 === 0 ? 'tag_added' : 'updated',
    changes: JSON.stringify([{ field: 'jobTitle', before: `Title ${i}`, after: `Title ${i + 1}` }]),
    actor_type: 'system',
    actor_id: null,
    created_at: spread(counts.events, i),
  }));
  await db.transaction().execute(async (trx) => {
    const insertAll = async <T extends 'conversations' | 'messages' | 'notes' | 'contact_events'>(
      table: T,
      rows: Database[T][],
    ) => {
      for (let start = 0; start < rows.length; start += ROWS_PER_INSERT)
        await trx
          .insertInto(table)
          .values(rows.slice(start, start + ROWS_PER_INSERT) as never)
          .execute();
    };
    await insertAll('conversations', conversations);
    await insertAll('messages', messages);
    await insertAll('notes', notes);
    await insertAll('contact_events', events);
    const last = messages.at(-1)?.sent_at ?? null;
    await trx
      .updateTable('contacts')
      .set({
        message_count: messages.length,
        conversation_count: conversations.length,
        first_contact_at: messages[0]?.sent_at ?? null,
        last_contact_at: last,
        last_inbound_at: messages.findLast((m) => m.direction === 'in')?.sent_at ?? null,
        last_outbound_at: messages.findLast((m) => m.direction === 'out')?.sent_at ?? null,
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', contactId)
      .execute();
  });
  const positions = [
    ...messages.map((m) => ({ at: m.sent_at, id: m.id })),
    ...notes.map((n) => ({ at: n.created_at, id: n.id })),
    ...events.map((e) => ({ at: e.created_at, id: e.id })),
  ].sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : -1));
  return {
    positions,
    messages: messages.length,
    notes: notes.length,
    events: events.length,
    conversations: conversations.length,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
