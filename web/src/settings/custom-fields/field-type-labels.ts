import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../../../../src/shared/custom-field-types';

/** How each field type is named in the interface. */
export const FIELD_TYPE_LABELS: Record<CustomFieldType, string> = {
  text: 'Text',
  long_text: 'Long text',
  number: 'Number',
  currency: 'Currency',
  percent: 'Percent',
  date: 'Date',
  datetime: 'Date and time',
  boolean: 'Yes / no',
  select: 'Select (one choice)',
  multi_select: 'Multi-select (several choices)',
  url: 'Web address',
  email: 'Email',
  phone: 'Phone',
  user: 'Team member',
};

/** Options of the type select, in the order the API lists the types. */
export const FIELD_TYPE_OPTIONS = CUSTOM_FIELD_TYPES.map((type) => ({
  value: type,
  label: FIELD_TYPE_LABELS[type],
}));

/** True for the types whose values are picked from a list of choices. */
export function hasChoices(type: CustomFieldType): boolean {
  return type === 'select' || type === 'multi_select';
}
