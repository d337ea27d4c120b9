import type { Kysely, Updateable } from 'kysely';
import type { Database, UsersTable } from '../db/schema.js';

const PUBLIC_COLUMNS = [
  'id',
  'workspace_id',
  'email',
  'name',
  'role',
  'created_at',
  'updated_at',
  'disabled_at',
] as const;

/** SQL for the users of a workspace. */
export class UsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a user; false when the workspace already has a member with this email. */
  async insert(row: UsersTable): Promise<boolean> {
    const result = await this.db
      .insertInto('users')
      .values(row)
      .onConflict((oc) => oc.columns(['workspace_id', 'email']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Users of a workspace, oldest first. */
  async list(workspaceId: string) {
    return this.db
      .selectFrom('users')
      .select(PUBLIC_COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute();
  }

  /** One user of a workspace. */
  async find(workspaceId: string, id: string) {
    return this.db
      .selectFrom('users')
      .select(PUBLIC_COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The user with an email in a workspace. */
  async findByEmail(workspaceId: string, email: string) {
    return this.db
      .selectFrom('users')
      .select(PUBLIC_COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .where('email', '=', email)
      .executeTakeFirst();
  }

  /** Enabled users with this email in any workspace, with their password hashes (for sign-in). */
  async findLoginCandidates(email: string) {
    return this.db
      .selectFrom('users')
      .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
      .select([...PUBLIC_COLUMNS.map((column) => `users.${column}` as const), 'password_hash'])
      .select('workspaces.name as workspace_name')
      .where('email', '=', email)
      .where('disabled_at', 'is', null)
      .execute();
  }

  /** The stored password hash of a member. */
  async findPasswordHash(workspaceId: string, id: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select('password_hash')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.password_hash;
  }

  /** How many enabled owners a workspace has. */
  async countOwners(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'owner')
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Changes a user. */
  async update(workspaceId: string, id: string, changes: Updateable<UsersTable>): Promise<void> {
    await this.db
      .updateTable('users')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }
}
