import { STANDARD_FIELDS, type StandardFieldId } from '../../../src/shared/contact-fields';
import type { CustomFieldType } from '../../../src/shared/custom-field-types';
import type { ImportTarget } from '../../../src/shared/import-schemas';
import type { CustomField } from '../api/types';
import { FIELD_TYPE_LABELS } from '../settings/custom-fields/field-type-labels';

/** A consent column's target. */
export type ConsentTarget = Extract<ImportTarget, { kind: 'consent' }>;
/** A new custom field column's target. */
export type NewFieldTarget = Extract<ImportTarget, { kind: 'newCustom' }>;

/** Channels consent is recorded for, in words. */
export const CONSENT_CHANNEL_LABELS: Record<ConsentTarget['channel'], string> = {
  whatsapp: 'WhatsApp',
  email: 'Email',
  sms: 'SMS',
};

/** Purposes consent is recorded for, in words. */
export const CONSENT_PURPOSE_LABELS: Record<ConsentTarget['purpose'], string> = {
  marketing: 'Marketing',
  utility: 'Utility',
  authentication: 'Authentication',
};

const CONSENT_PART_LABELS: Record<ConsentTarget['part'], string> = {
  status: 'Consent status',
  source: 'Consent source',
  date: 'Consent date',
};

/** The types a field created by an import can have: those whose values a file can hold without set-up. */
export const NEW_FIELD_TYPES: CustomFieldType[] = [
  'text',
  'long_text',
  'number',
  'percent',
  'date',
  'datetime',
  'boolean',
  'url',
  'email',
  'phone',
];

/** Options of the new field's type picker. */
export const NEW_FIELD_TYPE_OPTIONS = NEW_FIELD_TYPES.map((type) => ({
  value: type,
  label: FIELD_TYPE_LABELS[type],
}));

/** The fields that say who a contact is; a mapping without any of them imports nameless, unreachable rows. */
const IDENTITY_FIELDS = new Set<StandardFieldId>([
  'name',
  'firstName',
  'lastName',
  'phone',
  'whatsappId',
  'email',
]);

const NEW_FIELD_KEY = 'new';
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const MAX_LABEL = 100;

/** One option of the target picker. */
export interface TargetOption {
  value: string;
  label: string;
}

/** A group of the target picker (Standard fields, Custom fields…). */
export interface TargetGroup {
  group: string;
  items: TargetOption[];
}

/** The picker value of a target: `field:phone`, `custom:<id>`, `new`, `tags`, `consent:status`, `phoneCountry`, `ignore`. */
export function targetKey(target: ImportTarget): string {
  switch (target.kind) {
    case 'field':
      return `field:${target.field}`;
    case 'custom':
      return `custom:${target.fieldId}`;
    case 'newCustom':
      return NEW_FIELD_KEY;
    case 'consent':
      return `consent:${target.part}`;
    default:
      return target.kind;
  }
}

/** The target picker's choices, grouped: standard fields, custom fields, a new field, tags, consent, phone country, ignore. */
export function targetGroups(customFields: CustomField[]): TargetGroup[] {
  const groups: TargetGroup[] = [
    {
      group: 'Standard fields',
      items: STANDARD_FIELDS.map((field) => ({ value: `field:${field.id}`, label: field.label })),
    },
  ];
  if (customFields.length)
    groups.push({
      group: 'Custom fields',
      items: customFields.map((field) => ({ value: `custom:${field.id}`, label: field.label })),
    });
  groups.push(
    { group: 'New custom field', items: [{ value: NEW_FIELD_KEY, label: 'New custom field…' }] },
    { group: 'Tags', items: [{ value: 'tags', label: 'Tags' }] },
    {
      group: 'Consent',
      items: (Object.keys(CONSENT_PART_LABELS) as ConsentTarget['part'][]).map((part) => ({
        value: `consent:${part}`,
        label: CONSENT_PART_LABELS[part],
      })),
    },
    { group: 'Per-row phone country', items: [{ value: 'phoneCountry', label: 'Phone country of the row' }] },
    { group: 'Ignore', items: [{ value: 'ignore', label: 'Ignore this column' }] },
  );
  return groups;
}

/** The first consent target of the mapping, whose channel and purpose a new consent column starts with. */
function consentDefaults(mapping: ImportTarget[]): Pick<ConsentTarget, 'channel' | 'purpose'> {
  const other = mapping.find((target): target is ConsentTarget => target.kind === 'consent');
  return { channel: other?.channel ?? 'whatsapp', purpose: other?.purpose ?? 'marketing' };
}

/**
 * The target a picker value stands for in one column: a new field is named after the column's header, and a
 * consent column keeps its channel and purpose (or takes those of another consent column).
 */
export function targetFromKey(
  key: string,
  column: { header: string; index: number; current: ImportTarget },
  mapping: ImportTarget[],
): ImportTarget {
  const colon = key.indexOf(':');
  const kind = colon < 0 ? key : key.slice(0, colon);
  const rest = colon < 0 ? '' : key.slice(colon + 1);
  switch (kind) {
    case 'field':
      return { kind: 'field', field: rest as StandardFieldId };
    case 'custom':
      return { kind: 'custom', fieldId: rest };
    case NEW_FIELD_KEY: {
      if (column.current.kind === 'newCustom') return column.current;
      const label = column.header.trim().slice(0, MAX_LABEL) || `Column ${column.index + 1}`;
      return { kind: 'newCustom', label, type: 'text' };
    }
    case 'consent': {
      const { channel, purpose } =
        column.current.kind === 'consent' ? column.current : consentDefaults(mapping);
      return { kind: 'consent', part: rest as ConsentTarget['part'], channel, purpose };
    }
    case 'tags':
      return { kind: 'tags' };
    case 'phoneCountry':
      return { kind: 'phoneCountry' };
    default:
      return { kind: 'ignore' };
  }
}

/** Says what a target fills, for messages: "Phone", "the custom field Plan", "WhatsApp marketing consent status". */
export function targetLabel(target: ImportTarget, customFields: CustomField[]): string {
  switch (target.kind) {
    case 'field':
      return STANDARD_FIELDS.find((field) => field.id === target.field)?.label ?? target.field;
    case 'custom':
      return customFields.find((field) => field.id === target.fieldId)?.label ?? 'this custom field';
    case 'newCustom':
      return `the new field “${target.label}”`;
    case 'consent':
      return `${CONSENT_CHANNEL_LABELS[target.channel]} ${CONSENT_PURPOSE_LABELS[target.purpose].toLowerCase()} ${CONSENT_PART_LABELS[target.part].toLowerCase()}`;
    case 'phoneCountry':
      return 'the phone country';
    case 'tags':
      return 'Tags';
    case 'ignore':
      return 'nothing';
  }
}

/** What a target fills, so that two columns filling the same thing are caught; null when many columns may (tags, ignore). */
function slotOf(target: ImportTarget): string | null {
  switch (target.kind) {
    case 'field':
      return `field:${target.field}`;
    case 'custom':
      return `custom:${target.fieldId}`;
    case 'newCustom':
      return `new:${target.label.trim().toLowerCase()}`;
    case 'consent':
      return `consent:${target.channel}:${target.purpose}:${target.part}`;
    case 'phoneCountry':
      return 'phoneCountry';
    default:
      return null;
  }
}

/**
 * Why each column's choice cannot be used, or null: a field (standard, custom or new) or the phone country
 * filled by an earlier column too, a new field without a name or named like an existing one.
 */
export function mappingProblems(
  mapping: ImportTarget[],
  headers: string[],
  customFields: CustomField[],
): Array<string | null> {
  const firstColumn = new Map<string, number>();
  const existingLabels = new Set(customFields.map((field) => field.label.trim().toLowerCase()));
  return mapping.map((target, index) => {
    if (target.kind === 'newCustom') {
      if (!target.label.trim()) return 'Name the new field';
      if (existingLabels.has(target.label.trim().toLowerCase()))
        return `A custom field named “${target.label.trim()}” exists: choose it under Custom fields`;
    }
    const slot = slotOf(target);
    if (slot === null) return null;
    const first = firstColumn.get(slot);
    if (first === undefined) {
      firstColumn.set(slot, index);
      return null;
    }
    const header = headers[first]?.trim() || `column ${first + 1}`;
    return `${capitalize(targetLabel(target, customFields))} is already filled from “${header}”; choose another target or Ignore`;
  });
}

/** True when some column gives a name, a phone number, a WhatsApp id or an email, so that rows say who they are. */
export function mapsIdentity(mapping: ImportTarget[]): boolean {
  return mapping.some((target) => target.kind === 'field' && IDENTITY_FIELDS.has(target.field));
}

/** The first two non-empty values of a column in the preview rows. */
export function sampleValues(preview: string[][], index: number, count = 2): string[] {
  const values: string[] = [];
  for (const row of preview) {
    const value = row[index]?.trim();
    if (value) values.push(value);
    if (values.length === count) break;
  }
  return values;
}

/** The proposed mapping fitted to the file's columns: one target per header, Ignore where none was proposed. */
export function initialMapping(proposed: ImportTarget[], headers: string[]): ImportTarget[] {
  return headers.map((_, index) => proposed[index] ?? { kind: 'ignore' });
}
