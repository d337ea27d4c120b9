import { beforePosition } from '../db/before-position.js';
import type { Kysely } from 'kysely';
import type { ConversationsTable, Database, MessagesTable, MessageStatusesTable } from '../db/schema.js';

/** SQL for conversations, messages and their delivery statuses. */
export class MessagesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The message with this WhatsApp id. */
  async findByWaId(workspaceId: string, waMessageId: string): Promise<MessagesTable | undefined> {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('wa_message_id', '=', waMessageId)
      .executeTakeFirst();
  }

  /** A contact's messages, newest first, after a position (`sent_at`, `id`) when given. */
  async pageForContact(
    workspaceId: string,
    contactId: string,
    limit: number,
    before?: { at: string; id: string },
  ): Promise<MessagesTable[]> {
    let query = this.db
      .selectFrom('messages')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId);
    if (before) query = query.where(beforePosition('sent_at', before));
    return query.orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /** Stores a message. */
  async insert(row: MessagesTable): Promise<void> {
    await this.db.insertInto('messages').values(row).execute();
  }

  /** Moves a message's delivery status. */
  async setStatus(
    workspaceId: string,
    id: string,
    changes: Pick<MessagesTable, 'status' | 'status_at' | 'error_code' | 'error_title'>,
  ): Promise<void> {
    await this.db
      .updateTable('messages')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Records a status once per message and status; false when it was seen before. */
  async recordStatus(row: MessageStatusesTable): Promise<boolean> {
    const result = await this.db
      .insertInto('message_statuses')
      .values(row)
      .onConflict((oc) => oc.columns(['workspace_id', 'wa_message_id', 'status']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Every status seen for a message, whatever the order they came in. */
  async statusesOf(workspaceId: string, waMessageId: string): Promise<MessageStatusesTable[]> {
    return this.db
      .selectFrom('message_statuses')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('wa_message_id', '=', waMessageId)
      .execute();
  }

  /** The contact's conversation that started last at or before a time. */
  async conversationAt(
    workspaceId: string,
    contactId: string,
    at: string,
  ): Promise<ConversationsTable | undefined> {
    return this.db
      .selectFrom('conversations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId)
      .where('started_at', '<=', at)
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Starts a conversation. */
  async insertConversation(row: ConversationsTable): Promise<void> {
    await this.db.insertInto('conversations').values(row).execute();
  }

  /** Extends a conversation's window and its last message time. */
  async updateConversation(
    workspaceId: string,
    id: string,
    changes: Pick<ConversationsTable, 'expires_at' | 'last_message_at'>,
  ): Promise<void> {
    await this.db
      .updateTable('conversations')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }
}
