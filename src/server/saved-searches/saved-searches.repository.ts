import type { Kysely, Updateable } from 'kysely';
import type { Database, SavedSearchesTable } from '../db/schema.js';

/** A saved search row, with whether the member reading it pinned it. */
export type SavedSearchRow = SavedSearchesTable & { pinned: number };

/** SQL for saved searches and their per-member pins. */
export class SavedSearchesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private visibleTo(workspaceId: string, ownerId: string) {
    return this.db
      .selectFrom('saved_searches as s')
      .leftJoin('saved_search_pins as p', (join) =>
        join
          .onRef('p.workspace_id', '=', 's.workspace_id')
          .onRef('p.saved_search_id', '=', 's.id')
          .on('p.owner_id', '=', ownerId),
      )
      .selectAll('s')
      .select((eb) => eb.case().when('p.owner_id', 'is not', null).then(1).else(0).end().as('pinned'))
      .where('s.workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('s.owner_id', '=', ownerId), eb('s.visibility', '=', 'shared')]));
  }

  /** The member's own searches and the workspace's shared ones (unordered: the service sorts them). */
  async listVisible(workspaceId: string, ownerId: string): Promise<SavedSearchRow[]> {
    return this.visibleTo(workspaceId, ownerId).execute();
  }

  /** One search the member may see: their own, or a shared one. */
  async findVisible(workspaceId: string, ownerId: string, id: string): Promise<SavedSearchRow | undefined> {
    return this.visibleTo(workspaceId, ownerId).where('s.id', '=', id).executeTakeFirst();
  }

  /** Saves a search. */
  async insert(row: SavedSearchesTable): Promise<void> {
    await this.db.insertInto('saved_searches').values(row).execute();
  }

  /** Changes a search. */
  async update(workspaceId: string, id: string, changes: Updateable<SavedSearchesTable>): Promise<void> {
    await this.db
      .updateTable('saved_searches')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Deletes a search (its pins go with it). */
  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom('saved_searches')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Pins a search for one member; pinning twice keeps the first pin. */
  async pin(workspaceId: string, ownerId: string, searchId: string, now: string): Promise<void> {
    await this.db
      .insertInto('saved_search_pins')
      .values({ workspace_id: workspaceId, owner_id: ownerId, saved_search_id: searchId, pinned_at: now })
      .onConflict((oc) => oc.columns(['workspace_id', 'owner_id', 'saved_search_id']).doNothing())
      .execute();
  }

  /** Unpins a search for one member. */
  async unpin(workspaceId: string, ownerId: string, searchId: string): Promise<void> {
    await this.db
      .deleteFrom('saved_search_pins')
      .where('workspace_id', '=', workspaceId)
      .where('owner_id', '=', ownerId)
      .where('saved_search_id', '=', searchId)
      .execute();
  }

  /** Removes everyone's pins of a search except its owner's (when it stops being shared). */
  async unpinOthers(workspaceId: string, searchId: string, ownerId: string): Promise<void> {
    await this.db
      .deleteFrom('saved_search_pins')
      .where('workspace_id', '=', workspaceId)
      .where('saved_search_id', '=', searchId)
      .where('owner_id', '!=', ownerId)
      .execute();
  }
}
