import type { ContactsTable } from '../db/schema.js';
import type { FieldChange } from '../events/contact-events.repository.js';
import { EDITABLE_COLUMNS, type EditableColumn } from './contact-columns.js';
import { derivedColumns } from './contact-mapper.js';

/** Profile columns a contact is created with; those left out start empty. */
export type ContactProfile = Partial<Pick<ContactsTable, EditableColumn>>;

/** A new contact's row: the profile given (the rest empty), its derived name and search columns, no messages yet. */
export function newContactRow(
  workspaceId: string,
  id: string,
  profile: ContactProfile,
  source: string,
  now: string,
): ContactsTable {
  const columns = {} as Required<ContactProfile>;
  for (const { column } of EDITABLE_COLUMNS) Object.assign(columns, { [column]: profile[column] ?? null });
  return {
    workspace_id: workspaceId,
    id,
    ...columns,
    ...derivedColumns(columns),
    source,
    first_contact_at: null,
    last_contact_at: null,
    last_inbound_at: null,
    last_outbound_at: null,
    conversation_count: 0,
    message_count: 0,
    whatsapp_name: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
}

/** What a `created` event records: each field the contact was created with, from null. */
export function createdChanges(row: ContactsTable): FieldChange[] {
  return EDITABLE_COLUMNS.filter(({ column }) => row[column] !== null).map(({ path, column }) => ({
    field: path,
    before: null,
    after: row[column],
  }));
}
