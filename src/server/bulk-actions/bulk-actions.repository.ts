import type { Kysely, Updateable } from 'kysely';
import { insertRows } from '../db/insert-rows.js';
import type { BulkActionChangesTable, BulkActionsTable, ContactTagsTable, Database } from '../db/schema.js';

/** SQL for bulk actions: set-based reads and writes over a chunk of contacts, and the record kept for undo. */
export class BulkActionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The ids among these that are contacts of the workspace, with their display names. */
  async contactsAmong(
    workspaceId: string,
    ids: string[],
  ): Promise<Array<{ id: string; display_name: string }>> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('contacts')
      .select(['id', 'display_name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids)
      .execute();
  }

  /** The links between these contacts and these tags. */
  async linksOf(workspaceId: string, contactIds: string[], tagIds: string[]): Promise<ContactTagsTable[]> {
    if (contactIds.length === 0 || tagIds.length === 0) return [];
    return this.db
      .selectFrom('contact_tags')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', 'in', contactIds)
      .where('tag_id', 'in', tagIds)
      .execute();
  }

  /** Adds links that do not exist yet, many per statement. */
  async insertLinks(rows: ContactTagsTable[]): Promise<void> {
    await insertRows(this.db, 'contact_tags', rows);
  }

  /** Removes the links between these contacts and these tags. */
  async deleteLinks(workspaceId: string, contactIds: string[], tagIds: string[]): Promise<void> {
    if (contactIds.length === 0 || tagIds.length === 0) return;
    await this.db
      .deleteFrom('contact_tags')
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', 'in', contactIds)
      .where('tag_id', 'in', tagIds)
      .execute();
  }

  /** Deletes contacts with everything they carry. */
  async deleteContacts(workspaceId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .deleteFrom('contacts')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids)
      .execute();
  }

  /** Records a bulk action. */
  async insertAction(row: BulkActionsTable): Promise<void> {
    await this.db.insertInto('bulk_actions').values(row).execute();
  }

  /** One recorded bulk action. */
  async findAction(workspaceId: string, id: string): Promise<BulkActionsTable | undefined> {
    return this.db
      .selectFrom('bulk_actions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Moves a bulk action from one state to another; false when it was not in `from`. */
  async moveAction(
    workspaceId: string,
    id: string,
    from: string,
    changes: Updateable<BulkActionsTable>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('bulk_actions')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('state', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Stores what a bulk action changed on each contact, many per statement. */
  async insertChanges(rows: BulkActionChangesTable[]): Promise<void> {
    await insertRows(this.db, 'bulk_action_changes', rows);
  }

  /** How many contacts a bulk action changed. */
  async countChanges(workspaceId: string, bulkActionId: string): Promise<number> {
    const row = await this.db
      .selectFrom('bulk_action_changes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('bulk_action_id', '=', bulkActionId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The next page of what a bulk action changed, by contact id. */
  async changesAfter(
    workspaceId: string,
    bulkActionId: string,
    afterContactId: string,
    limit: number,
  ): Promise<BulkActionChangesTable[]> {
    return this.db
      .selectFrom('bulk_action_changes')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('bulk_action_id', '=', bulkActionId)
      .where('contact_id', '>', afterContactId)
      .orderBy('contact_id')
      .limit(limit)
      .execute();
  }
}
