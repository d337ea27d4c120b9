import type { Kysely, Updateable } from 'kysely';
import { insertRows } from '../db/insert-rows.js';
import type { ContactFieldValuesTable, CustomFieldDefinitionsTable, Database } from '../db/schema.js';

/** SQL for custom field definitions and the typed values contacts hold. */
export class CustomFieldsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Definitions of a workspace in display order. */
  async listDefinitions(workspaceId: string): Promise<CustomFieldDefinitionsTable[]> {
    return this.db
      .selectFrom('custom_field_definitions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  /** One definition. */
  async findDefinition(workspaceId: string, id: string): Promise<CustomFieldDefinitionsTable | undefined> {
    return this.db
      .selectFrom('custom_field_definitions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The highest position in use, or -1. */
  async maxPosition(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('custom_field_definitions')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return row?.p ?? -1;
  }

  /** Adds a definition. */
  async insertDefinition(row: CustomFieldDefinitionsTable): Promise<void> {
    await this.db.insertInto('custom_field_definitions').values(row).execute();
  }

  /** Changes a definition. */
  async updateDefinition(
    workspaceId: string,
    id: string,
    changes: Updateable<CustomFieldDefinitionsTable>,
  ): Promise<void> {
    await this.db
      .updateTable('custom_field_definitions')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Deletes a definition and every value of it. */
  async deleteDefinition(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom('custom_field_definitions')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** How many contacts hold a value for a field. */
  async countContactsWithValue(workspaceId: string, fieldId: string): Promise<number> {
    const row = await this.db
      .selectFrom('contact_field_values')
      .select((eb) => eb.fn.count<number>('contact_id').distinct().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('field_id', '=', fieldId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Values held by these contacts. */
  async valuesForContacts(workspaceId: string, contactIds: string[]): Promise<ContactFieldValuesTable[]> {
    if (contactIds.length === 0) return [];
    return this.db
      .selectFrom('contact_field_values')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', 'in', contactIds)
      .orderBy('ordinal')
      .execute();
  }

  /** Replaces a contact's values for the given fields with new rows. */
  async replaceValues(
    workspaceId: string,
    contactId: string,
    fieldIds: string[],
    rows: ContactFieldValuesTable[],
  ): Promise<void> {
    if (fieldIds.length > 0) {
      await this.db
        .deleteFrom('contact_field_values')
        .where('workspace_id', '=', workspaceId)
        .where('contact_id', '=', contactId)
        .where('field_id', 'in', fieldIds)
        .execute();
    }
    await this.insertValues(rows);
  }

  /** Adds value rows, many per statement. */
  async insertValues(rows: ContactFieldValuesTable[]): Promise<void> {
    await insertRows(this.db, 'contact_field_values', rows);
  }

  /** Stored values of one field: all of them, or those of the first `contacts` contacts after `afterContactId`. */
  async valuesOfField(
    workspaceId: string,
    fieldId: string,
    page?: { afterContactId: string | undefined; contacts: number },
  ): Promise<ContactFieldValuesTable[]> {
    let query = this.db
      .selectFrom('contact_field_values')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('field_id', '=', fieldId);
    if (page) {
      let holders = this.db
        .selectFrom('contact_field_values')
        .select('contact_id')
        .distinct()
        .where('workspace_id', '=', workspaceId)
        .where('field_id', '=', fieldId);
      if (page.afterContactId) holders = holders.where('contact_id', '>', page.afterContactId);
      query = query.where('contact_id', 'in', holders.orderBy('contact_id').limit(page.contacts));
    }
    return query.orderBy('contact_id').orderBy('ordinal').execute();
  }
}
