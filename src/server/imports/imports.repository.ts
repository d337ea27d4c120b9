import type { Kysely, Updateable } from 'kysely';
import type { Database, ImportRowErrorsTable, ImportsTable } from '../db/schema.js';

/** SQL for imports and the rows they refused or skipped. */
export class ImportsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a new import. */
  async insert(row: ImportsTable): Promise<void> {
    await this.db.insertInto('imports').values(row).execute();
  }

  /** One import of a workspace. */
  async find(workspaceId: string, id: string): Promise<ImportsTable | undefined> {
    return this.db
      .selectFrom('imports')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The newest imports of a workspace. */
  async listRecent(workspaceId: string, limit: number): Promise<ImportsTable[]> {
    return this.db
      .selectFrom('imports')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Changes columns of an import. */
  async update(workspaceId: string, id: string, changes: Updateable<ImportsTable>): Promise<void> {
    await this.db
      .updateTable('imports')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Records refused or skipped rows. */
  async insertRowErrors(rows: ImportRowErrorsTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200)
      await this.db
        .insertInto('import_row_errors')
        .values(rows.slice(i, i + 200))
        .execute();
  }

  /** Refused or skipped rows after a row number, in order, a page at a time. */
  async rowErrorsAfter(
    workspaceId: string,
    importId: string,
    afterRow: number,
    limit: number,
  ): Promise<ImportRowErrorsTable[]> {
    return this.db
      .selectFrom('import_row_errors')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('import_id', '=', importId)
      .where('row_number', '>', afterRow)
      .orderBy('row_number')
      .limit(limit)
      .execute();
  }
}
