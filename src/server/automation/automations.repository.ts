import type { Kysely, Updateable } from 'kysely';
import type { AutomationRunsTable, AutomationsTable, Database } from '../db/schema.js';

/** SQL for automation rules and the log of their runs. */
export class AutomationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every automation of a workspace, oldest first. */
  async list(workspaceId: string): Promise<AutomationsTable[]> {
    return this.db
      .selectFrom('automations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** The workspace's enabled automations. */
  async listEnabled(workspaceId: string): Promise<AutomationsTable[]> {
    return this.db
      .selectFrom('automations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('enabled', '=', 1)
      .orderBy('id')
      .execute();
  }

  /** One automation. */
  async find(workspaceId: string, id: string): Promise<AutomationsTable | undefined> {
    return this.db
      .selectFrom('automations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Adds an automation. */
  async insert(row: AutomationsTable): Promise<void> {
    await this.db.insertInto('automations').values(row).execute();
  }

  /** Changes an automation. */
  async update(workspaceId: string, id: string, changes: Updateable<AutomationsTable>): Promise<void> {
    await this.db
      .updateTable('automations')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Deletes an automation with its log; false when there was none. */
  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('automations')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** Logs a run. */
  async insertRun(row: AutomationRunsTable): Promise<void> {
    await this.db.insertInto('automation_runs').values(row).execute();
  }

  /** How many times an automation ran on a contact since a moment (for the per-contact cap). */
  async countRunsSince(
    workspaceId: string,
    automationId: string,
    contactId: string,
    since: string,
  ): Promise<number> {
    const row = await this.db
      .selectFrom('automation_runs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId)
      .where('automation_id', '=', automationId)
      .where('created_at', '>=', since)
      .where('outcome', '<>', 'rate_limited')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** An automation's newest runs, before a run id when given. */
  async listRuns(
    workspaceId: string,
    automationId: string,
    limit: number,
    beforeId?: string,
  ): Promise<AutomationRunsTable[]> {
    let query = this.db
      .selectFrom('automation_runs')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('automation_id', '=', automationId);
    if (beforeId) query = query.where('id', '<', beforeId);
    return query.orderBy('id', 'desc').limit(limit).execute();
  }
}
