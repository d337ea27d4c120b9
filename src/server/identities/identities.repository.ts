import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** An identity by which a contact is recognised. */
export interface IdentityKey {
  kind: string;
  value: string;
}

/** SQL for contact identities: the only way contacts are matched. */
export class IdentitiesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Who already holds these identities. */
  async findOwners(
    workspaceId: string,
    keys: IdentityKey[],
  ): Promise<Array<IdentityKey & { contact_id: string }>> {
    if (keys.length === 0) return [];
    return this.db
      .selectFrom('contact_identities')
      .select(['kind', 'value', 'contact_id'])
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or(keys.map((k) => eb.and([eb('kind', '=', k.kind), eb('value', '=', k.value)]))))
      .execute();
  }

  /** Identities of one contact. */
  async listForContact(workspaceId: string, contactId: string): Promise<IdentityKey[]> {
    return this.db
      .selectFrom('contact_identities')
      .select(['kind', 'value'])
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId)
      .orderBy('kind')
      .orderBy('value')
      .execute();
  }

  /** Gives identities to a contact. */
  async insert(workspaceId: string, contactId: string, keys: IdentityKey[], now: string): Promise<void> {
    if (keys.length === 0) return;
    await this.db
      .insertInto('contact_identities')
      .values(
        keys.map((k) => ({
          workspace_id: workspaceId,
          kind: k.kind,
          value: k.value,
          contact_id: contactId,
          created_at: now,
        })),
      )
      .execute();
  }

  /** Removes identities from a contact. */
  async remove(workspaceId: string, contactId: string, keys: IdentityKey[]): Promise<void> {
    for (const k of keys) {
      await this.db
        .deleteFrom('contact_identities')
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', k.kind)
        .where('value', '=', k.value)
        .where('contact_id', '=', contactId)
        .execute();
    }
  }
}
