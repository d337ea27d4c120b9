import type { z } from 'zod';
import type { User, userCreateSchema, userUpdateSchema } from '../../shared/user-schemas.js';
import { hashPassword, verifyPassword } from '../auth/password-hash.js';
import type { AuthRepository } from '../auth/auth.repository.js';
import { requireRole, type Principal, type Role } from '../auth/principal.js';
import { newSecret } from '../auth/secret-token.js';
import { nowIso } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { UsersTable } from '../db/schema.js';
import { AppError, forbidden, invalidField, notFound } from '../http/errors.js';
import type { UsersRepository } from './users.repository.js';

type UserRow = Pick<UsersTable, 'id' | 'email' | 'name' | 'role' | 'created_at' | 'disabled_at'>;

/** The API shape of a user row. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
  };
}

/** The answer when the workspace already has a member with this email. */
function emailTaken(): AppError {
  return new AppError('conflict', 409, 'A member with this email already exists', [
    { path: 'email', message: 'is already a member of this workspace' },
  ]);
}

/** Members of a workspace: who they are, their role, and whether they may sign in. */
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly auth: AuthRepository,
  ) {}

  /** Adds a member; returns the generated password once when none was given. */
  async createUser(
    workspaceId: string,
    input: z.output<typeof userCreateSchema>,
    by?: Principal,
  ): Promise<{ user: User; password?: string }> {
    if (by) {
      requireRole(by, 'admin');
      if (input.role === 'owner') requireRole(by, 'owner');
    }
    if (await this.users.findByEmail(workspaceId, input.email)) throw emailTaken();
    const generated = input.password ? undefined : newSecret().slice(0, 20);
    const now = nowIso();
    const row: UsersTable = {
      workspace_id: workspaceId,
      id: newId(),
      email: input.email,
      name: input.name,
      role: input.role,
      password_hash: await hashPassword(input.password ?? generated ?? ''),
      created_at: now,
      updated_at: now,
      disabled_at: null,
    };
    if (!(await this.users.insert(row))) throw emailTaken();
    return { user: toUser(row), ...(generated ? { password: generated } : {}) };
  }

  /** Members of the workspace. */
  async listUsers(workspaceId: string): Promise<User[]> {
    return (await this.users.list(workspaceId)).map(toUser);
  }

  /** One member, or 404. */
  async getUser(workspaceId: string, id: string): Promise<User> {
    const row = await this.users.find(workspaceId, id);
    if (!row) throw notFound('User');
    return toUser(row);
  }

  /** Changes a member; keeps at least one enabled owner and lets only owners touch owners. */
  async updateUser(by: Principal, id: string, changes: z.output<typeof userUpdateSchema>): Promise<User> {
    const isSelf = by.userId === id;
    const onlyOwnDetails = isSelf && changes.role === undefined && changes.disabled === undefined;
    if (!onlyOwnDetails) requireRole(by, 'admin');
    const current = await this.users.find(by.workspaceId, id);
    if (!current) throw notFound('User');
    if (current.role === 'owner' || changes.role === 'owner') requireRole(by, 'owner');
    const losesOwner =
      current.role === 'owner' && ((changes.role && changes.role !== 'owner') || changes.disabled === true);
    if (losesOwner && (await this.users.countOwners(by.workspaceId)) <= 1) {
      throw forbidden('A workspace needs at least one owner: make someone else owner first');
    }
    if (isSelf && changes.password !== undefined)
      await this.checkCurrentPassword(by.workspaceId, id, changes.currentPassword);
    const now = nowIso();
    await this.users.update(by.workspaceId, id, {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.disabled !== undefined ? { disabled_at: changes.disabled ? now : null } : {}),
      ...(changes.password !== undefined ? { password_hash: await hashPassword(changes.password) } : {}),
      updated_at: now,
    });
    if (changes.disabled || changes.password !== undefined)
      await this.auth.deleteUserSessions(by.workspaceId, id);
    return this.getUser(by.workspaceId, id);
  }

  private async checkCurrentPassword(
    workspaceId: string,
    id: string,
    currentPassword: string | undefined,
  ): Promise<void> {
    const stored = await this.users.findPasswordHash(workspaceId, id);
    if (!currentPassword || !stored || !(await verifyPassword(currentPassword, stored))) {
      throw invalidField('currentPassword', 'must be your current password to set a new one');
    }
  }
}
