import { forbidden } from '../http/errors.js';

/** Roles from most to least powerful. */
export const ROLES = ['owner', 'admin', 'agent'] as const;
/** A member's role in a workspace. */
export type Role = (typeof ROLES)[number];

/** Who is calling: a signed-in user, an API key or Rolo itself, always inside one workspace. */
export interface Principal {
  workspaceId: string;
  kind: 'user' | 'api_key' | 'system';
  /** The user id or the API key id. */
  id: string;
  /** The user behind the call, when there is one (API keys have none). */
  userId: string | null;
  role: Role;
}

/** Who made a change, as recorded on contact events. */
export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
}

/** The actor recorded for changes made by a principal. */
export function actorOf(principal: Principal): Actor {
  return { type: principal.kind, id: principal.kind === 'system' ? null : principal.id };
}

/** Rolo itself acting in a workspace: first start, demo data, seeding, background jobs. */
export function systemPrincipal(workspaceId: string): Principal {
  return { workspaceId, kind: 'system', id: 'system', userId: null, role: 'owner' };
}

const RANK: Record<Role, number> = { owner: 3, admin: 2, agent: 1 };

/** True when `role` is at least `minimum`. */
export function hasRole(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** Throws 403 unless the principal has at least the given role. */
export function requireRole(principal: Principal, minimum: Role): void {
  if (!hasRole(principal.role, minimum)) throw forbidden(`This action needs the ${minimum} role or higher`);
}
