import { STANDARD_FIELDS, TAGS_HEADER, type StandardFieldId } from '../../shared/contact-fields.js';
import { CUSTOM_COLUMN_PREFIX, READ_ONLY_COLUMNS } from '../../shared/export-schemas.js';
import type { FieldDefinition } from '../custom-fields/custom-field-values.js';
import { invalid, type FieldError } from '../http/errors.js';

/** A read-only column id. */
export type ReadOnlyColumnId = (typeof READ_ONLY_COLUMNS)[number]['id'];

/** One column of an export file: what fills it, and its header. */
export type ExportColumn =
  | { kind: 'standard'; id: StandardFieldId; header: string }
  | { kind: 'tags'; id: 'tags'; header: string }
  | { kind: 'custom'; id: string; field: FieldDefinition; header: string }
  | { kind: 'readOnly'; id: ReadOnlyColumnId; header: string };

/** How to treat a custom column whose field does not exist: refuse the export, or leave the column out. */
export type MissingFieldPolicy = 'refuse' | 'omit';

const STANDARD_BY_ID = new Map<string, (typeof STANDARD_FIELDS)[number]>(
  STANDARD_FIELDS.map((f) => [f.id, f]),
);
const READ_ONLY_BY_ID = new Map<string, (typeof READ_ONLY_COLUMNS)[number]>(
  READ_ONLY_COLUMNS.map((c) => [c.id, c]),
);
const RESERVED_HEADERS = new Set(
  [...STANDARD_FIELDS.map((f) => f.label), TAGS_HEADER, ...READ_ONLY_COLUMNS.map((c) => c.label)].map((h) =>
    h.toLowerCase(),
  ),
);

/** The column ids of an export that names none: every standard field, tags, every custom field. */
export function defaultColumnIds(fields: FieldDefinition[]): string[] {
  return [
    ...STANDARD_FIELDS.map((f) => f.id),
    'tags',
    ...fields.map((f) => `${CUSTOM_COLUMN_PREFIX}${f.id}`),
  ];
}

/** A custom field's header: its label, with " (custom)" when that is a standard header, or its key when two share it. */
function customHeader(field: FieldDefinition, taken: Set<string>): string {
  let header = RESERVED_HEADERS.has(field.label.toLowerCase()) ? `${field.label} (custom)` : field.label;
  if (taken.has(header.toLowerCase())) header = `${header} (${field.key})`;
  taken.add(header.toLowerCase());
  return header;
}

/**
 * Resolves column ids to columns in the order given; `custom:` accepts a field's id or key. Unknown, repeated
 * or (under the `refuse` policy) missing custom columns fail with a 400 naming each.
 */
export function resolveExportColumns(
  requested: string[] | undefined,
  fields: FieldDefinition[],
  missing: MissingFieldPolicy,
): ExportColumn[] {
  const ids = requested ?? defaultColumnIds(fields);
  const errors: FieldError[] = [];
  const columns: ExportColumn[] = [];
  const seen = new Set<string>();
  const customHeaders = new Set<string>();
  ids.forEach((id, index) => {
    const path = `columns.${index}`;
    if (seen.has(id)) {
      errors.push({ path, message: `"${id}" is listed twice` });
      return;
    }
    seen.add(id);
    const standard = STANDARD_BY_ID.get(id);
    const readOnly = READ_ONLY_BY_ID.get(id);
    if (standard) columns.push({ kind: 'standard', id: standard.id, header: standard.label });
    else if (readOnly) columns.push({ kind: 'readOnly', id: readOnly.id, header: readOnly.label });
    else if (id === 'tags') columns.push({ kind: 'tags', id: 'tags', header: TAGS_HEADER });
    else if (id.startsWith(CUSTOM_COLUMN_PREFIX)) {
      const ref = id.slice(CUSTOM_COLUMN_PREFIX.length);
      const field = fields.find((f) => f.id === ref) ?? fields.find((f) => f.key === ref);
      if (field) columns.push({ kind: 'custom', id, field, header: customHeader(field, customHeaders) });
      else if (missing === 'refuse')
        errors.push({ path, message: `there is no custom field "${ref}" in this workspace` });
    } else errors.push({ path, message: `unknown column "${id}"` });
  });
  if (errors.length) throw invalid(errors);
  return columns;
}
