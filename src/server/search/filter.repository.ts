import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../db/schema.js';

/** SQL the filter engine runs besides the contact list's own queries. */
export class FilterRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Up to `limit` ids of contacts meeting `where`, in ascending id order after `afterId`. */
  async idsPage(
    workspaceId: string,
    where: Expression<SqlBool>,
    afterId: string | null,
    limit: number,
  ): Promise<string[]> {
    let query = this.db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where(where);
    if (afterId !== null) query = query.where('id', '>', afterId);
    const rows = await query.orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  /** The folded text the basic search looks in, of one contact. */
  async searchTextOf(workspaceId: string, contactId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('contacts')
      .select('search_text')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', contactId)
      .executeTakeFirst();
    return row?.search_text;
  }
}
