import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Sessions, API keys and rate-limit counters: the only SQL the auth feature needs. */
export class AuthRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a new browser session. */
  async insertSession(row: Database['sessions']): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  /** The live session and its enabled user for a token hash, if any. */
  async findSession(workspaceId: string, tokenHash: string, now: string) {
    return this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', (j) =>
        j.onRef('u.workspace_id', '=', 's.workspace_id').onRef('u.id', '=', 's.user_id'),
      )
      .select(['s.user_id', 's.last_seen_at', 'u.role'])
      .where('s.workspace_id', '=', workspaceId)
      .where('s.token_hash', '=', tokenHash)
      .where('s.expires_at', '>', now)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
  }

  /** Slides a session's expiry forward. */
  async touchSession(workspaceId: string, tokenHash: string, now: string, expiresAt: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('workspace_id', '=', workspaceId)
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  /** Ends one session. */
  async deleteSession(workspaceId: string, tokenHash: string): Promise<void> {
    await this.db
      .deleteFrom('sessions')
      .where('workspace_id', '=', workspaceId)
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  /** Ends every session of a user (after a password change or when disabled). */
  async deleteUserSessions(workspaceId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom('sessions')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();
  }

  /** Stores a new API key (its hash only). */
  async insertApiKey(row: Database['api_keys']): Promise<void> {
    await this.db.insertInto('api_keys').values(row).execute();
  }

  /** The active API key with this hash, if any. */
  async findActiveApiKey(workspaceId: string, keyHash: string) {
    return this.db
      .selectFrom('api_keys')
      .select(['id', 'role', 'last_used_at'])
      .where('workspace_id', '=', workspaceId)
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  /** Records when a key was last used. */
  async touchApiKey(workspaceId: string, id: string, now: string): Promise<void> {
    await this.db
      .updateTable('api_keys')
      .set({ last_used_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Every key of a workspace, newest first, without hashes. */
  async listApiKeys(workspaceId: string) {
    return this.db
      .selectFrom('api_keys')
      .select(['id', 'name', 'role', 'prefix', 'created_by', 'created_at', 'last_used_at', 'revoked_at'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('id', 'desc')
      .execute();
  }

  /** Revokes a key; false when there is no such active key. */
  async revokeApiKey(workspaceId: string, id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Counts one hit in a fixed window and returns the count so far and when the window resets. */
  async hitRateLimit(
    bucket: string,
    now: string,
    resetAt: string,
  ): Promise<{ count: number; reset_at: string }> {
    return this.db
      .insertInto('rate_limits')
      .values({ bucket, count: 1, reset_at: resetAt })
      .onConflict((oc) =>
        oc.column('bucket').doUpdateSet((eb) => ({
          count: eb
            .case()
            .when('rate_limits.reset_at', '<=', now)
            .then(1)
            .else(eb(eb.ref('rate_limits.count'), '+', 1))
            .end(),
          reset_at: eb
            .case()
            .when('rate_limits.reset_at', '<=', now)
            .then(eb.ref('excluded.reset_at'))
            .else(eb.ref('rate_limits.reset_at'))
            .end(),
        })),
      )
      .returning(['count', 'reset_at'])
      .executeTakeFirstOrThrow();
  }

  /** Forgets sessions past their expiry and rate-limit windows that have closed. */
  async deleteExpired(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    await this.db.deleteFrom('rate_limits').where('reset_at', '<=', now).execute();
  }
}
