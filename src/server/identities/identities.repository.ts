import type { Kysely } from 'kysely';
import { inChunks } from '../db/in-chunks.js';
import { insertRows } from '../db/insert-rows.js';
import type { Database } from '../db/schema.js';

/** An identity by which a contact is recognised. */
export interface IdentityKey {
  kind: string;
  value: string;
}

/** SQL for contact identities: the only way contacts are matched. */
export class IdentitiesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Who already holds these identities: one indexed lookup per kind and run of values. */
  async findOwners(
    workspaceId: string,
    keys: IdentityKey[],
  ): Promise<Array<IdentityKey & { contact_id: string }>> {
    const valuesByKind = new Map<string, Set<string>>();
    for (const key of keys)
      valuesByKind.set(key.kind, (valuesByKind.get(key.kind) ?? new Set()).add(key.value));
    const owners: Array<IdentityKey & { contact_id: string }> = [];
    for (const [kind, values] of valuesByKind)
      for (const chunk of inChunks([...values], 500))
        owners.push(
          ...(await this.db
            .selectFrom('contact_identities')
            .select(['kind', 'value', 'contact_id'])
            .where('workspace_id', '=', workspaceId)
            .where('kind', '=', kind)
            .where('value', 'in', chunk)
            .execute()),
        );
    return owners;
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

  /** Gives identities to contacts, many per statement. */
  async insert(
    workspaceId: string,
    owned: Array<{ contactId: string; keys: IdentityKey[] }>,
    now: string,
  ): Promise<void> {
    const rows = owned.flatMap(({ contactId, keys }) =>
      keys.map((k) => ({
        workspace_id: workspaceId,
        kind: k.kind,
        value: k.value,
        contact_id: contactId,
        created_at: now,
      })),
    );
    await insertRows(this.db, 'contact_identities', rows);
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
