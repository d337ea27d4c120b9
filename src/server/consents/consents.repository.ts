import type { Kysely } from 'kysely';
import type { ConsentsTable, Database } from '../db/schema.js';

/** SQL for the append-only consent ledger. */
export class ConsentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Appends one record; records are never changed afterwards. */
  async append(row: ConsentsTable): Promise<void> {
    await this.db.insertInto('consents').values(row).execute();
  }

  /** A contact's whole ledger, newest first. */
  async listForContact(workspaceId: string, contactId: string): Promise<ConsentsTable[]> {
    return this.db
      .selectFrom('consents')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId)
      .orderBy('id', 'desc')
      .execute();
  }
}
