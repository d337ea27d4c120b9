import { beforePosition } from '../db/before-position.js';
import type { TimelinePosition } from '../events/timeline-position.js';
import type { Kysely, Updateable } from 'kysely';
import type { Database, NoteRevisionsTable, NotesTable } from '../db/schema.js';

/** SQL for notes and their edit history. */
export class NotesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a note. */
  async insert(row: NotesTable): Promise<void> {
    await this.db.insertInto('notes').values(row).execute();
  }

  /** One note. */
  async find(workspaceId: string, id: string): Promise<NotesTable | undefined> {
    return this.db
      .selectFrom('notes')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** A contact's notes, pinned first, then newest first. */
  async listForContact(workspaceId: string, contactId: string): Promise<NotesTable[]> {
    return this.db
      .selectFrom('notes')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId)
      .orderBy('pinned', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** A contact's notes newest first, before a timeline position. */
  async pageForContact(
    workspaceId: string,
    contactId: string,
    limit: number,
    before?: TimelinePosition,
  ): Promise<NotesTable[]> {
    let query = this.db
      .selectFrom('notes')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId);
    if (before) query = query.where(beforePosition('created_at', before));
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /** Changes a note if it still has the expected version; false when it does not. */
  async update(
    workspaceId: string,
    id: string,
    expectedVersion: number,
    changes: Updateable<NotesTable>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('notes')
      .set({ ...changes, version: expectedVersion + 1 })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Pins or unpins a note; pinning is not an edit, so the version and history stay as they are. */
  async setPinned(workspaceId: string, id: string, pinned: boolean): Promise<void> {
    await this.db
      .updateTable('notes')
      .set({ pinned: pinned ? 1 : 0 })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Deletes a note and its history. */
  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db.deleteFrom('notes').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  }

  /** Keeps the state of a note before an edit. */
  async insertRevision(row: NoteRevisionsTable): Promise<void> {
    await this.db.insertInto('note_revisions').values(row).execute();
  }

  /** Earlier states of a note, newest first. */
  async listRevisions(workspaceId: string, noteId: string): Promise<NoteRevisionsTable[]> {
    return this.db
      .selectFrom('note_revisions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('note_id', '=', noteId)
      .orderBy('id', 'desc')
      .execute();
  }
}
