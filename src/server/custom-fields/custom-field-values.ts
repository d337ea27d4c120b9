import {
  normalizeCustomValue,
  type CustomFieldOptions,
  type CustomFieldType,
  type CustomValue,
  type CustomValueChecks,
} from '../../shared/custom-field-types.js';
import type { ContactFieldValuesTable, CustomFieldDefinitionsTable } from '../db/schema.js';
import type { FieldChange } from '../events/contact-events.repository.js';
import type { FieldError } from '../http/errors.js';

const NUMERIC_TYPES = new Set<CustomFieldType>(['number', 'currency', 'percent', 'boolean']);

/** A definition with its JSON options parsed. */
export interface FieldDefinition {
  id: string;
  key: string;
  label: string;
  type: CustomFieldType;
  options: CustomFieldOptions;
  required: boolean;
}

/** Parses a stored definition row. */
export function toFieldDefinition(row: CustomFieldDefinitionsTable): FieldDefinition {
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    type: row.type as CustomFieldType,
    options: JSON.parse(row.options) as CustomFieldOptions,
    required: row.required === 1,
  };
}

/** The typed rows that store one value (a multi-select stores one row per choice). */
export function valueToRows(
  workspaceId: string,
  contactId: string,
  field: FieldDefinition,
  value: CustomValue,
): ContactFieldValuesTable[] {
  const base = { workspace_id: workspaceId, contact_id: contactId, field_id: field.id };
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, ordinal) =>
    NUMERIC_TYPES.has(field.type)
      ? {
          ...base,
          ordinal,
          text_value: null,
          number_value: Number(item),
        }
      : { ...base, ordinal, text_value: String(item), number_value: null },
  );
}

/** Rebuilds `{key: value}` for each contact from stored rows. */
export function rowsToCustomValues(
  fieldsById: Map<string, FieldDefinition>,
  rows: ContactFieldValuesTable[],
): Map<string, Record<string, CustomValue>> {
  const byContact = new Map<string, Record<string, CustomValue>>();
  for (const row of rows) {
    const field = fieldsById.get(row.field_id);
    if (!field) continue;
    let custom = byContact.get(row.contact_id);
    if (!custom) {
      custom = {};
      byContact.set(row.contact_id, custom);
    }
    if (field.type === 'multi_select') {
      const list = (custom[field.key] as string[] | undefined) ?? [];
      list.push(row.text_value ?? '');
      custom[field.key] = list;
    } else if (field.type === 'boolean') {
      custom[field.key] = row.number_value === 1;
    } else if (NUMERIC_TYPES.has(field.type)) {
      custom[field.key] = row.number_value ?? 0;
    } else {
      custom[field.key] = row.text_value ?? '';
    }
  }
  return byContact;
}

/** The outcome of applying `custom` input to a contact: rows to write, changes to record, or errors. */
export interface CustomValuesPlan {
  fieldIds: string[];
  rows: ContactFieldValuesTable[];
  changes: FieldChange[];
  userIds: Array<{ path: string; id: string }>;
  errors: FieldError[];
}

const sameValue = (a: CustomValue | undefined, b: CustomValue | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

/** True for input that means "no value": null, blank text or an empty list. */
export function isEmptyCustomInput(raw: unknown): boolean {
  return (
    raw === undefined ||
    raw === null ||
    (typeof raw === 'string' && raw.trim() === '') ||
    (Array.isArray(raw) && raw.length === 0)
  );
}

/** Validates `custom` input against the definitions and plans the writes; empty input clears a value. */
export function planCustomValues(
  workspaceId: string,
  contactId: string,
  fields: FieldDefinition[],
  input: Record<string, unknown>,
  current: Record<string, CustomValue>,
  checks: CustomValueChecks,
  enforceRequired: boolean,
): CustomValuesPlan {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const plan: CustomValuesPlan = { fieldIds: [], rows: [], changes: [], userIds: [], errors: [] };
  for (const [key, raw] of Object.entries(input)) {
    const field = byKey.get(key);
    const path = `custom.${key}`;
    if (!field) {
      plan.errors.push({ path, message: 'is not a custom field of this workspace' });
      continue;
    }
    if (isEmptyCustomInput(raw)) {
      if (field.required && enforceRequired) plan.errors.push({ path, message: `is required` });
      else if (current[key] !== undefined) {
        plan.fieldIds.push(field.id);
        plan.changes.push({ field: path, before: current[key], after: null });
      }
      continue;
    }
    const result = normalizeCustomValue(field, raw, checks);
    if (!result.ok) {
      plan.errors.push({ path, message: result.message });
      continue;
    }
    if (sameValue(current[key], result.value)) continue;
    if (field.type === 'user') plan.userIds.push({ path, id: String(result.value) });
    plan.fieldIds.push(field.id);
    plan.rows.push(...valueToRows(workspaceId, contactId, field, result.value));
    plan.changes.push({ field: path, before: current[key] ?? null, after: result.value });
  }
  return plan;
}

/** Errors for required fields that a new contact leaves empty. */
export function missingRequiredFields(
  fields: FieldDefinition[],
  input: Record<string, unknown>,
): FieldError[] {
  return fields
    .filter((f) => f.required && isEmptyCustomInput(input[f.key]))
    .map((f) => ({ path: `custom.${f.key}`, message: 'is required' }));
}
