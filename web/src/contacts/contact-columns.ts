import type { ContactPatchInput } from '../../../src/shared/contact-schemas';
import type { CustomValue } from '../../../src/shared/custom-field-types';
import type { Contact, CustomField } from '../api/types';
import { formatPhone } from '../ui/phone-format';
import type { DraftKind, DraftRules } from './cell-draft-check';
import { formatCustomValue, formatDate, formatNumber, type FormatContext } from './custom-value-format';

/** The fields the list can sort by (the indexed sorts). */
export type SortField = 'name' | 'createdAt' | 'lastContactAt';

/** A value a cell saves: what a checked draft holds. */
export type CellValue = string | number | boolean | null;

/** How a cell of a column is edited in place. */
export interface CellEdit {
  kind: DraftKind;
  rules: Omit<DraftRules, 'kind' | 'defaultCountry' | 'locale'>;
  /** Where the API names a problem with this value (`phone`, `address.city`, `custom.plan`). */
  path: string;
  /** The draft an editor starts from. */
  draftOf(contact: Contact): string;
  /** The PATCH body that saves a value. */
  patchOf(value: CellValue): ContactPatchInput;
  /** The contact as it looks once the value is saved (shown at once, before the server answers). */
  apply(contact: Contact, value: CellValue): Contact;
}

/** A column of the contact list. */
export interface ListColumn {
  id: string;
  label: string;
  width: number;
  /** Set on the columns the server can sort by. */
  sort?: SortField;
  align?: 'start' | 'end';
  /** How the cell shows its value: as text, or as tag chips. */
  display: 'text' | 'tags';
  text(contact: Contact, context: FormatContext): string;
  edit?: CellEdit;
  /** The group the column picker lists it under. */
  group: string;
}

const STANDARD_GROUP = 'Contact';

function textEdit(
  path: string,
  maxLength: number,
  read: (contact: Contact) => string | null,
  write: (value: string | null) => ContactPatchInput,
  apply: (contact: Contact, value: string | null) => Contact,
  kind: DraftKind = 'text',
): CellEdit {
  return {
    kind,
    rules: { maxLength },
    path,
    draftOf: (contact) => read(contact) ?? '',
    patchOf: (value) => write(value === null ? null : String(value)),
    apply: (contact, value) => apply(contact, value === null ? null : String(value)),
  };
}

const regionNames = new Map<string, Intl.DisplayNames>();
function countryName(code: string | null, locale?: string): string {
  if (!code) return '';
  const key = locale ?? '';
  let names = regionNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames(locale, { type: 'region' });
    regionNames.set(key, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The columns every workspace has, in the order the picker lists them (Name is always shown, first). */
export const STANDARD_COLUMNS: readonly ListColumn[] = [
  {
    id: 'name',
    label: 'Name',
    width: 260,
    sort: 'name',
    display: 'text',
    group: STANDARD_GROUP,
    text: (c) => c.name,
  },
  {
    id: 'phone',
    label: 'Phone',
    width: 200,
    display: 'text',
    group: STANDARD_GROUP,
    text: (c) => formatPhone(c.phone),
    edit: textEdit(
      'phone',
      40,
      (c) => formatPhone(c.phone),
      (phone) => ({ phone }),
      (c, phone) => ({ ...c, phone }),
      'phone',
    ),
  },
  {
    id: 'email',
    label: 'Email',
    width: 240,
    display: 'text',
    group: STANDARD_GROUP,
    text: (c) => c.email ?? '',
    edit: textEdit(
      'email',
      254,
      (c) => c.email,
      (email) => ({ email }),
      (c, email) => ({ ...c, email }),
      'email',
    ),
  },
  {
    id: 'company',
    label: 'Company',
    width: 190,
    display: 'text',
    group: STANDARD_GROUP,
    text: (c) => c.company ?? '',
    edit: textEdit(
      'company',
      200,
      (c) => c.company,
      (company) => ({ company }),
      (c, company) => ({ ...c, company }),
    ),
  },
  {
    id: 'jobTitle',
    label: 'Job title',
    width: 180,
    display: 'text',
    group: STANDARD_GROUP,
    text: (c) => c.jobTitle ?? '',
    edit: textEdit(
      'jobTitle',
      200,
      (c) => c.jobTitle,
      (jobTitle) => ({ jobTitle }),
      (c, jobTitle) => ({ ...c, jobTitle }),
    ),
  },
  {
    id: 'tags',
    label: 'Tags',
    width: 240,
    display: 'tags',
    group: STANDARD_GROUP,
    text: (c) => c.tags.map((t) => t.name).join(', '),
  },
  {
    id: 'city',
    label: 'City',
    width: 150,
    display: 'text',
    group: STANDARD_GROUP,
    text: (c) => c.address.city ?? '',
    edit: textEdit(
      'address.city',
      120,
      (c) => c.address.city,
      (city) => ({ address: { city } }),
      (c, city) => ({ ...c, address: { ...c.address, city } }),
    ),
  },
  {
    id: 'country',
    label: 'Country',
    width: 150,
    display: 'text',
    group: STANDARD_GROUP,
    text: (c, context) => countryName(c.address.country, context.locale),
  },
  {
    id: 'source',
    label: 'Source',
    width: 120,
    display: 'text',
    group: STANDARD_GROUP,
    text: (c) => capitalize(c.source),
  },
  {
    id: 'firstContact',
    label: 'First contact',
    width: 140,
    display: 'text',
    group: STANDARD_GROUP,
    text: (c, context) => formatDate(c.firstContactAt, context.locale),
  },
  {
    id: 'lastContact',
    label: 'Last contact',
    width: 140,
    sort: 'lastContactAt',
    display: 'text',
    group: STANDARD_GROUP,
    text: (c, context) => formatDate(c.lastContactAt, context.locale),
  },
  {
    id: 'conversations',
    label: 'Conversations',
    width: 130,
    align: 'end',
    display: 'text',
    group: STANDARD_GROUP,
    text: (c, context) => formatNumber(c.conversationCount, context.locale),
  },
  {
    id: 'messages',
    label: 'Messages',
    width: 110,
    align: 'end',
    display: 'text',
    group: STANDARD_GROUP,
    text: (c, context) => formatNumber(c.messageCount, context.locale),
  },
  {
    id: 'created',
    label: 'Created',
    width: 140,
    sort: 'createdAt',
    display: 'text',
    group: STANDARD_GROUP,
    text: (c, context) => formatDate(c.createdAt, context.locale),
  },
];

const EDIT_KINDS: Partial<Record<CustomField['type'], DraftKind>> = {
  text: 'text',
  number: 'number',
  currency: 'currency',
  percent: 'percent',
  select: 'select',
  boolean: 'boolean',
  date: 'date',
  email: 'email',
  url: 'url',
  phone: 'phone',
};

const CUSTOM_WIDTHS: Partial<Record<CustomField['type'], number>> = {
  boolean: 110,
  number: 130,
  currency: 140,
  percent: 120,
  date: 140,
  long_text: 260,
  url: 220,
  email: 220,
  multi_select: 220,
};

/** The draft an editor starts from for a stored custom value. */
function customDraft(field: CustomField, value: CustomValue | undefined): string {
  if (value === undefined) return '';
  if (field.type === 'phone' && typeof value === 'string') return formatPhone(value);
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** A column for a custom field, editable in place when its type is simple. */
export function customFieldColumn(field: CustomField): ListColumn {
  const kind = EDIT_KINDS[field.type];
  const setValue = (contact: Contact, value: CellValue): Contact => {
    const custom = { ...contact.custom };
    if (value === null) delete custom[field.key];
    else custom[field.key] = value;
    return { ...contact, custom };
  };
  return {
    id: `cf:${field.key}`,
    label: field.label,
    width: CUSTOM_WIDTHS[field.type] ?? 170,
    align: ['number', 'currency', 'percent'].includes(field.type) ? 'end' : 'start',
    display: 'text',
    group: field.group ?? 'Custom fields',
    text: (c, context) => formatCustomValue(field, c.custom[field.key], context),
    edit: kind && {
      kind,
      rules: { maxLength: 1000, choices: field.options.choices, currency: field.options.currency },
      path: `custom.${field.key}`,
      draftOf: (c) => customDraft(field, c.custom[field.key]),
      patchOf: (value) => ({ custom: { [field.key]: value } }),
      apply: setValue,
    },
  };
}

/** Every column the list can show, by id: the standard ones and one per custom field. */
export function columnsById(fields: readonly CustomField[]): Map<string, ListColumn> {
  const columns = new Map(STANDARD_COLUMNS.map((column) => [column.id, column]));
  for (const field of fields) columns.set(`cf:${field.key}`, customFieldColumn(field));
  return columns;
}

/** The columns to show: Name, then the chosen ones that exist (unknown ids, say of a deleted field, are skipped). */
export function visibleColumns(
  chosen: readonly string[],
  all: ReadonlyMap<string, ListColumn>,
): ListColumn[] {
  const name = all.get('name');
  const rest = chosen.filter((id) => id !== 'name').flatMap((id) => all.get(id) ?? []);
  return name ? [name, ...rest] : rest;
}
