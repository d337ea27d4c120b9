import type { Kysely } from 'kysely';
import type { Database, IdempotencyKeysTable } from '../db/schema.js';

/** SQL for stored answers to idempotent POSTs. */
export class IdempotencyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Claims a key for a request; false when the key was claimed before. */
  async claim(row: IdempotencyKeysTable): Promise<boolean> {
    const result = await this.db
      .insertInto('idempotency_keys')
      .values(row)
      .onConflict((oc) => oc.columns(['workspace_id', 'principal_id', 'key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** The stored claim for a key. */
  async find(
    workspaceId: string,
    principalId: string,
    key: string,
  ): Promise<IdempotencyKeysTable | undefined> {
    return this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('principal_id', '=', principalId)
      .where('key', '=', key)
      .executeTakeFirst();
  }

  /** Stores the answer given to the first request. */
  async complete(
    workspaceId: string,
    principalId: string,
    key: string,
    statusCode: number,
    body: string,
  ): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({ status_code: statusCode, response_body: body })
      .where('workspace_id', '=', workspaceId)
      .where('principal_id', '=', principalId)
      .where('key', '=', key)
      .execute();
  }

  /** Frees a key whose request failed, so that a retry runs again. */
  async release(workspaceId: string, principalId: string, key: string): Promise<void> {
    await this.db
      .deleteFrom('idempotency_keys')
      .where('workspace_id', '=', workspaceId)
      .where('principal_id', '=', principalId)
      .where('key', '=', key)
      .execute();
  }

  /** Forgets keys older than the given time. */
  async deleteOlderThan(before: string): Promise<void> {
    await this.db.deleteFrom('idempotency_keys').where('created_at', '<', before).execute();
  }
}
