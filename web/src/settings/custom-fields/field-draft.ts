import type { CustomField } from '../../api/types';
import type { CustomFieldOptions, CustomFieldType } from '../../../../src/shared/custom-field-types';
import { FIELD_KEY_PATTERN, keyFromLabel } from './field-key';
import { hasChoices } from './field-type-labels';

/** What the field dialog edits. */
export interface FieldDraft {
  label: string;
  key: string;
  /** True once the key was typed by hand: it then no longer follows the label. */
  keyEdited: boolean;
  type: CustomFieldType;
  group: string;
  description: string;
  required: boolean;
  choices: string[];
  currency: string;
}

/** A draft for a new field, or for editing an existing one. */
export function draftOf(field?: CustomField): FieldDraft {
  return {
    label: field?.label ?? '',
    key: field?.key ?? '',
    keyEdited: false,
    type: field?.type ?? 'text',
    group: field?.group ?? '',
    description: field?.description ?? '',
    required: field?.required ?? false,
    choices: field?.options.choices ?? [],
    currency: field?.options.currency ?? 'USD',
  };
}

/** The draft with a new label; the key follows the label until it is edited by hand. */
export function withLabel(draft: FieldDraft, label: string): FieldDraft {
  return { ...draft, label, key: draft.keyEdited ? draft.key : keyFromLabel(label) };
}

function optionsOf(draft: FieldDraft): CustomFieldOptions {
  if (hasChoices(draft.type)) return { choices: draft.choices.map((c) => c.trim()).filter(Boolean) };
  if (draft.type === 'currency') return { currency: draft.currency };
  return {};
}

/** The body of PATCH /custom-fields/:id (the key never changes). */
export function updateBodyOf(draft: FieldDraft) {
  return {
    label: draft.label.trim(),
    type: draft.type,
    options: optionsOf(draft),
    group: draft.group.trim() || null,
    description: draft.description.trim() || null,
    required: draft.required,
  };
}

/** The body of POST /custom-fields. */
export function createBodyOf(draft: FieldDraft) {
  return { ...updateBodyOf(draft), key: draft.key.trim() || undefined };
}

/** Problems found before asking the server, by field path as the API names them. */
export function draftProblems(draft: FieldDraft, creating: boolean): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.label.trim()) problems.label = 'Give the field a label';
  if (creating && draft.key && !FIELD_KEY_PATTERN.test(draft.key))
    problems.key = 'Start with a letter and use only a-z, 0-9 and _ (at most 64)';
  if (hasChoices(draft.type)) {
    const choices = draft.choices.map((c) => c.trim()).filter(Boolean);
    if (choices.length === 0) problems['options.choices'] = 'Add at least one choice';
    else if (new Set(choices.map((c) => c.toLowerCase())).size !== choices.length)
      problems['options.choices'] = 'Each choice must be different';
  }
  if (draft.type === 'currency' && !/^[A-Z]{3}$/.test(draft.currency))
    problems['options.currency'] = 'Pick a currency';
  return problems;
}
