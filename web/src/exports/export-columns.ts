import { STANDARD_FIELDS } from '../../../src/shared/contact-fields';
import { CUSTOM_COLUMN_PREFIX, READ_ONLY_COLUMNS } from '../../../src/shared/export-schemas';
import type { CustomField } from '../api/types';

/** One column an export can write. */
export interface ExportColumnChoice {
  id: string;
  label: string;
}

/** A group of the column checklist, and whether its columns are ticked at first. */
export interface ExportColumnGroup {
  group: string;
  columns: ExportColumnChoice[];
  byDefault: boolean;
}

/** The columns an export offers, grouped: contact fields, tags, custom fields, then read-only ones (not ticked at first). */
export function exportColumnGroups(customFields: CustomField[]): ExportColumnGroup[] {
  const groups: ExportColumnGroup[] = [
    {
      group: 'Contact fields',
      columns: STANDARD_FIELDS.map((field) => ({ id: field.id, label: field.label })),
      byDefault: true,
    },
    { group: 'Tags', columns: [{ id: 'tags', label: 'Tags' }], byDefault: true },
  ];
  if (customFields.length)
    groups.push({
      group: 'Custom fields',
      columns: customFields.map((field) => ({
        id: `${CUSTOM_COLUMN_PREFIX}${field.id}`,
        label: field.label,
      })),
      byDefault: true,
    });
  groups.push({
    group: 'Other (not read back by imports)',
    columns: READ_ONLY_COLUMNS.map((column) => ({ id: column.id, label: column.label })),
    byDefault: false,
  });
  return groups;
}

/** The columns ticked at first: every contact field, tags and every custom field. */
export function defaultExportColumns(groups: ExportColumnGroup[]): string[] {
  return groups
    .filter((group) => group.byDefault)
    .flatMap((group) => group.columns.map((column) => column.id));
}

/** The chosen columns in the file's order (the checklist's), whatever order they were ticked in. */
export function orderedColumns(groups: ExportColumnGroup[], chosen: ReadonlySet<string>): string[] {
  return groups.flatMap((group) => group.columns.map((column) => column.id)).filter((id) => chosen.has(id));
}
