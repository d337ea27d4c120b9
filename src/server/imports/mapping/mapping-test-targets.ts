import { expect } from 'vitest';
import type { StandardFieldId } from '../../../shared/contact-fields.js';
import type { CustomFieldType } from '../../../shared/custom-field-types.js';
import type { ImportTarget } from '../../../shared/import-schemas.js';
import { proposeMapping, type KnownCustomField } from './propose-mapping.js';

/** A standard field target. */
export const field = (id: StandardFieldId): ImportTarget => ({ kind: 'field', field: id });
/** The ignore target. */
export const ignore: ImportTarget = { kind: 'ignore' };
/** The tags target. */
export const tags: ImportTarget = { kind: 'tags' };
/** A new custom field target. */
export const newCustom = (label: string, type: CustomFieldType): ImportTarget => ({
  kind: 'newCustom',
  label,
  type,
});

/** A sample row in header order, from the values of some columns (the others empty). */
export function row(headers: readonly string[], values: Readonly<Record<string, string>>): string[] {
  return headers.map((header) => values[header] ?? '');
}

/** Each header with the target proposed for it, for exact assertions that name the column. */
export function mapped(
  headers: readonly string[],
  rows: readonly (readonly string[])[] = [],
  customFields: readonly KnownCustomField[] = [],
): [string, ImportTarget][] {
  const targets = proposeMapping(headers, rows, customFields);
  expect(targets).toHaveLength(headers.length);
  return headers.map((header, index) => [header, targets[index] ?? ignore]);
}
