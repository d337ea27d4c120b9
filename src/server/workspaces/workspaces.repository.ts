import type { Kysely, Updateable } from 'kysely';
import type { Database, WorkspacesTable } from '../db/schema.js';

/** SQL for workspaces. */
export class WorkspacesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a workspace. */
  async insert(row: WorkspacesTable): Promise<void> {
    await this.db.insertInto('workspaces').values(row).execute();
  }

  /** One workspace. */
  async find(id: string) {
    return this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The oldest workspace, which CLI commands use when none is named. */
  async findFirst() {
    return this.db.selectFrom('workspaces').selectAll().orderBy('id').limit(1).executeTakeFirst();
  }

  /** Changes a workspace. */
  async update(id: string, changes: Updateable<WorkspacesTable>): Promise<void> {
    await this.db.updateTable('workspaces').set(changes).where('id', '=', id).execute();
  }
}
