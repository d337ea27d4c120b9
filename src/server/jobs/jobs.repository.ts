import type { Kysely, Updateable } from 'kysely';
import type { SqlDialect } from '../db/dialects/dialect.js';
import type { Database, JobsTable } from '../db/schema.js';

/** SQL for the durable job queue. */
export class JobsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: SqlDialect,
  ) {}

  /** Queues a job. */
  async insert(row: JobsTable): Promise<void> {
    await this.db.insertInto('jobs').values(row).execute();
  }

  /** One job of a workspace. */
  async find(workspaceId: string, id: string): Promise<JobsTable | undefined> {
    return this.db
      .selectFrom('jobs')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The newest jobs of a workspace. */
  async listRecent(workspaceId: string, limit: number): Promise<JobsTable[]> {
    return this.db
      .selectFrom('jobs')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /**
   * Takes the next due job for this worker: a queued one whose time has come, or a running one whose
   * worker let its lease expire. Two workers never take the same job.
   */
  async claimNext(
    workerId: string,
    types: string[],
    now: string,
    leaseUntil: string,
  ): Promise<JobsTable | undefined> {
    if (types.length === 0) return undefined;
    const due = this.dialect.skipLocked(
      this.db
        .selectFrom('jobs')
        .select('id')
        .where('type', 'in', types)
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', now)]),
            eb.and([eb('state', '=', 'running'), eb('lease_until', '<', now)]),
          ]),
        )
        .orderBy('run_at')
        .limit(1),
    );
    return (
      this.db
        .updateTable('jobs')
        .set((eb) => ({
          state: 'running',
          attempts: eb(eb.ref('attempts'), '+', 1),
          lease_until: leaseUntil,
          locked_by: workerId,
          updated_at: now,
        }))
        // A scalar subquery: with IN, PostgreSQL may run the locking subquery once per row and claim them all.
        .where('id', '=', due)
        .where((eb) =>
          eb.or([
            eb('state', '=', 'queued'),
            eb.and([eb('state', '=', 'running'), eb('lease_until', '<', now)]),
          ]),
        )
        .returningAll()
        .executeTakeFirst()
    );
  }

  /** Changes a job only while this worker holds it; false when it lost the lease. */
  async updateHeld(
    workspaceId: string,
    id: string,
    workerId: string,
    changes: Updateable<JobsTable>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Cancels a queued job at once, or asks a running one to stop; false when it has finished. */
  async requestCancel(workspaceId: string, id: string, now: string): Promise<boolean> {
    const queued = await this.db
      .updateTable('jobs')
      .set({ state: 'cancelled', finished_at: now, updated_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .executeTakeFirst();
    if (Number(queued.numUpdatedRows) === 1) return true;
    const running = await this.db
      .updateTable('jobs')
      .set({ cancel_requested: 1, updated_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(running.numUpdatedRows) === 1;
  }
}
