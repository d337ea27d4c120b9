import { TAG_SEPARATOR, type StandardFieldId } from '../../shared/contact-fields.js';
import type { CustomValue } from '../../shared/custom-field-types.js';
import type { FieldDefinition } from '../custom-fields/custom-field-values.js';
import type { ExportColumn, ReadOnlyColumnId } from './export-columns.js';
import type { ExportContactRow } from './export-contacts.repository.js';
import { neutralizeCell } from './neutralize-cell.js';

/** A contact with what its export row needs besides its own columns. */
export interface ExportRecord {
  contact: ExportContactRow;
  /** Tag names in name order. */
  tags: string[];
  /** Custom values by field key. */
  custom: Record<string, CustomValue>;
  whatsappId: string | null;
}

/** One cell of an export: text (already made formula-safe), a number, or empty. */
export type ExportCell = string | number | null;

/** Reads one column's cell from a record. */
export type CellReader = (record: ExportRecord) => ExportCell;

const text = (value: string | null | undefined): ExportCell => (value ? neutralizeCell(value) : null);

const STANDARD_READERS: Record<StandardFieldId, CellReader> = {
  name: ({ contact }) => text([contact.first_name, contact.last_name].filter(Boolean).join(' ')),
  firstName: ({ contact }) => text(contact.first_name),
  lastName: ({ contact }) => text(contact.last_name),
  phone: ({ contact }) => text(contact.phone),
  email: ({ contact }) => text(contact.email),
  whatsappId: ({ whatsappId }) => text(whatsappId),
  company: ({ contact }) => text(contact.company),
  jobTitle: ({ contact }) => text(contact.job_title),
  birthday: ({ contact }) => text(contact.birthday),
  language: ({ contact }) => text(contact.language),
  timezone: ({ contact }) => text(contact.timezone),
  street: ({ contact }) => text(contact.street),
  city: ({ contact }) => text(contact.city),
  region: ({ contact }) => text(contact.region),
  postalCode: ({ contact }) => text(contact.postal_code),
  country: ({ contact }) => text(contact.country),
  linkedin: ({ contact }) => text(contact.linkedin),
  twitter: ({ contact }) => text(contact.twitter),
  facebook: ({ contact }) => text(contact.facebook),
  instagram: ({ contact }) => text(contact.instagram),
  website: ({ contact }) => text(contact.website),
};

const READ_ONLY_READERS: Record<ReadOnlyColumnId, CellReader> = {
  createdAt: ({ contact }) => text(contact.created_at),
  source: ({ contact }) => text(contact.source),
  id: ({ contact }) => text(contact.id),
};

/** Numbers stay numbers, booleans become `true`/`false`, lists are joined with `; `, the rest is text. */
function customReader(field: FieldDefinition): CellReader {
  const { key } = field;
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent':
      return ({ custom }) => (custom[key] === undefined ? null : Number(custom[key]));
    case 'boolean':
      return ({ custom }) => (custom[key] === undefined ? null : String(custom[key] === true));
    case 'multi_select':
      return ({ custom }) => {
        const value = custom[key];
        return Array.isArray(value) ? text(value.join(TAG_SEPARATOR)) : null;
      };
    default:
      return ({ custom }) => (custom[key] === undefined ? null : text(String(custom[key])));
  }
}

/** One reader per column, in column order. */
export function cellReaders(columns: ExportColumn[]): CellReader[] {
  return columns.map((column) => {
    switch (column.kind) {
      case 'standard':
        return STANDARD_READERS[column.id];
      case 'readOnly':
        return READ_ONLY_READERS[column.id];
      case 'tags':
        return ({ tags }) => text(tags.join(TAG_SEPARATOR));
      case 'custom':
        return customReader(column.field);
    }
  });
}

/** The header cells of a file, made formula-safe like any text (custom labels are the workspace's own). */
export function headerCells(columns: ExportColumn[]): string[] {
  return columns.map((c) => neutralizeCell(c.header));
}
