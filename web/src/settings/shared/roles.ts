import type { User } from '../../api/types';

/** A member's or API key's role. */
export type Role = User['role'];

/** How roles are named and explained. */
export const ROLE_INFO: Record<Role, { label: string; summary: string }> = {
  agent: { label: 'Agent', summary: 'Works with contacts, notes and tags' },
  admin: { label: 'Admin', summary: 'Also manages fields, tags, team, API keys and the workspace' },
  owner: { label: 'Owner', summary: 'Everything, including owners and owner keys' },
};

/** Role options a member may hand out: only owners make owners. */
export function roleOptions(canGrantOwner: boolean) {
  return (['agent', 'admin', 'owner'] as const)
    .filter((role) => canGrantOwner || role !== 'owner')
    .map((role) => ({ value: role, label: ROLE_INFO[role].label }));
}
