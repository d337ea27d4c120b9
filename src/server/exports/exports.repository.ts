import type { Kysely, Updateable } from 'kysely';
import type { Database, ExportsTable } from '../db/schema.js';

/** An export row with the state and progress of the job that writes it (null before it is queued). */
export interface ExportWithJob extends ExportsTable {
  job_state: string | null;
  job_error: string | null;
  job_finished_at: string | null;
  progress_done: number | null;
  progress_total: number | null;
}

/** SQL for exports. */
export class ExportsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds an export. */
  async insert(row: ExportsTable): Promise<void> {
    await this.db.insertInto('exports').values(row).execute();
  }

  /** Changes an export. */
  async update(workspaceId: string, id: string, changes: Updateable<ExportsTable>): Promise<void> {
    await this.db
      .updateTable('exports')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** One export of a workspace, without its job. */
  async find(workspaceId: string, id: string): Promise<ExportsTable | undefined> {
    return this.db
      .selectFrom('exports')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** One export of a workspace with its job. */
  async findWithJob(workspaceId: string, id: string): Promise<ExportWithJob | undefined> {
    return this.withJob().where('e.workspace_id', '=', workspaceId).where('e.id', '=', id).executeTakeFirst();
  }

  /** The newest exports of a workspace with their jobs. */
  async listRecent(workspaceId: string, limit: number): Promise<ExportWithJob[]> {
    return this.withJob()
      .where('e.workspace_id', '=', workspaceId)
      .orderBy('e.created_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Finished exports of every workspace whose link lapsed at `now` or before and whose file is still kept. */
  async listLapsed(now: string): Promise<ExportsTable[]> {
    return this.db
      .selectFrom('exports')
      .selectAll()
      .where('state', '=', 'done')
      .where('expires_at', '<=', now)
      .execute();
  }

  private withJob() {
    return this.db
      .selectFrom('exports as e')
      .leftJoin('jobs as j', (join) =>
        join.onRef('j.workspace_id', '=', 'e.workspace_id').onRef('j.id', '=', 'e.job_id'),
      )
      .selectAll('e')
      .select([
        'j.state as job_state',
        'j.error as job_error',
        'j.finished_at as job_finished_at',
        'j.progress_done as progress_done',
        'j.progress_total as progress_total',
      ]);
  }
}
