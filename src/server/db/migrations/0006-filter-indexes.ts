import type { Kysely, Migration } from 'kysely';

/**
 * Indexes for filters on the conversation statistics: contacts by workspace and last inbound message, so that
 * "wrote in the last 30 days" (and the 24-hour window) reads a range instead of every contact; `id` makes the
 * index answer `contacts.id in (…)` tests alone.
 */
export function filterIndexesMigration(): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createIndex('contacts_last_inbound_idx')
        .on('contacts')
        .columns(['workspace_id', 'last_inbound_at', 'id'])
        .execute();
    },
  };
}
