import type { Kysely, Migration } from 'kysely';

/** Drops an index and builds it again over more columns: the same order, now also covering the added ones. */
async function widenIndex(
  db: Kysely<unknown>,
  name: string,
  table: string,
  columns: string[],
): Promise<void> {
  await db.schema.dropIndex(name).execute();
  await db.schema.createIndex(name).on(table).columns(columns).execute();
}

/**
 * Conversation statistics read a period's rows from indexes alone: messages by workspace and time (new), and the
 * indexes of contacts by creation, conversations by start and messages by conversation widened with the columns
 * the statistics count by (source, opened_by and id, direction). The widened indexes keep their leading columns,
 * so every query that used them still does.
 */
export function whatsappStatsMigration(): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createIndex('messages_sent_idx')
        .on('messages')
        .columns(['workspace_id', 'sent_at', 'direction'])
        .execute();
      await widenIndex(db, 'contacts_created_idx', 'contacts', [
        'workspace_id',
        'created_at',
        'id',
        'source',
      ]);
      await widenIndex(db, 'conversations_started_idx', 'conversations', [
        'workspace_id',
        'started_at',
        'opened_by',
        'id',
      ]);
      await widenIndex(db, 'messages_conversation_idx', 'messages', [
        'workspace_id',
        'conversation_id',
        'sent_at',
        'direction',
      ]);
    },
  };
}
