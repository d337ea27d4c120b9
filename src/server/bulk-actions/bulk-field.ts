import { contactPatchSchema, type ContactPatchInput } from '../../shared/contact-schemas.js';
import type { CustomValue } from '../../shared/custom-field-types.js';
import {
  ADDRESS_COLUMNS,
  PROFILE_COLUMNS,
  SOCIAL_COLUMNS,
  type EditableColumn,
} from '../contacts/contact-columns.js';
import type { ContactsTable } from '../db/schema.js';
import { invalid, invalidField } from '../http/errors.js';

/** Fields every contact would then share, which must stay unique to one contact: never set in bulk. */
const IDENTITY_FIELDS = new Set(['phone', 'email']);

const GROUPS = [
  { prefix: '', columns: PROFILE_COLUMNS },
  { prefix: 'address.', columns: ADDRESS_COLUMNS },
  { prefix: 'social.', columns: SOCIAL_COLUMNS },
] as const;

/** A field a bulk action writes: a contacts column, or a custom field by key. */
export type BulkField = { path: string; column: EditableColumn } | { path: string; customKey: string };

/** The assignee, which the assign action writes. */
export const ASSIGNEE_FIELD: BulkField = { path: 'assigneeId', column: 'assignee_id' };

/** Reads a field path (`company`, `address.city`, `custom.ltv`); 400 naming `field` when bulk actions cannot set it. */
export function bulkFieldOf(path: string): BulkField {
  if (path.startsWith('custom.') && path.length > 'custom.'.length)
    return { path, customKey: path.slice('custom.'.length) };
  if (IDENTITY_FIELDS.has(path))
    throw invalidField('field', `${path} identifies one contact and cannot be set on many at once`);
  for (const group of GROUPS) {
    if (!path.startsWith(group.prefix)) continue;
    const column = (group.columns as Record<string, EditableColumn>)[path.slice(group.prefix.length)];
    if (column) return { path, column };
  }
  throw invalidField('field', `"${path}" is not a field a bulk action can set`);
}

/** The contact patch that gives the field this value (null clears it); standard values are checked here. */
export function patchSetting(field: BulkField, value: unknown): ContactPatchInput {
  if ('customKey' in field) return { custom: { [field.customKey]: value } };
  const [group, key] = field.path.includes('.') ? field.path.split('.') : [undefined, field.path];
  const raw = group ? { [group]: { [key as string]: value } } : { [field.path]: value };
  const parsed = contactPatchSchema.safeParse(raw);
  if (!parsed.success)
    throw invalid(
      parsed.error.issues.map((issue) => ({ path: 'value', message: `${field.path}: ${issue.message}` })),
    );
  return parsed.data;
}

/** The field's current value on a contact, to restore on undo. */
export function valueOn(
  field: BulkField,
  row: ContactsTable,
  custom: Record<string, CustomValue> | undefined,
): unknown {
  if ('customKey' in field) return custom?.[field.customKey] ?? null;
  return row[field.column] ?? null;
}
