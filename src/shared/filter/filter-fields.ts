import { CONSENT_CHANNELS, CONSENT_PURPOSES } from '../consent-kinds.js';
import { CONTACT_SOURCES } from '../contact-sources.js';
import type { CustomFieldOptions, CustomFieldType } from '../custom-field-types.js';
import type { FilterOp } from './filter-tree.js';

/** How a field compares: decides its operators and the type of its values. */
export type FilterFieldKind =
  | 'text'
  | 'number'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'select'
  | 'multi_select'
  | 'tags'
  | 'user'
  | 'consent'
  | 'search';

/** The operators of each kind. Text comparisons ignore ASCII case; `is_empty` means no value (or ''). */
export const OPERATORS_BY_KIND: Record<FilterFieldKind, readonly FilterOp[]> = {
  text: ['eq', 'neq', 'contains', 'not_contains', 'starts_with', 'is_empty', 'is_not_empty'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty', 'is_not_empty'],
  date: ['eq', 'before', 'after', 'between', 'within_last', 'more_than_ago', 'is_empty', 'is_not_empty'],
  datetime: ['before', 'after', 'between', 'within_last', 'more_than_ago', 'is_empty', 'is_not_empty'],
  boolean: ['eq'],
  select: ['any_of', 'none_of', 'is_empty', 'is_not_empty'],
  multi_select: ['has_any', 'has_all', 'has_none', 'is_empty', 'is_not_empty'],
  tags: ['has_any', 'has_all', 'has_none', 'is_empty', 'is_not_empty'],
  user: ['any_of', 'none_of', 'is_empty', 'is_not_empty'],
  consent: ['any_of', 'none_of'],
  search: ['matches'],
};

/** The states a consent condition compares with: the newest record's status, or `none` without a record. */
export const CONSENT_STATES = ['opted_in', 'opted_out', 'none'] as const;

/** A field a filter can test. */
export interface FilterField {
  /** `name`, `custom.ltv`, `consent.whatsapp.marketing`, … */
  id: string;
  label: string;
  kind: FilterFieldKind;
  /** The values of a select, multi-select or consent field. */
  choices?: readonly string[];
  /** Short name in the text form of search boxes (`tag`, `ltv`, `last_inbound`). */
  alias: string;
}

const text = (id: string, label: string, alias: string): FilterField => ({ id, label, kind: 'text', alias });
const datetime = (id: string, label: string, alias: string): FilterField => ({
  id,
  label,
  kind: 'datetime',
  alias,
});

/** The fields every workspace has, besides its custom fields and consent fields. */
export const STANDARD_FILTER_FIELDS: readonly FilterField[] = [
  { id: 'search', label: 'Name, phone, email or company', kind: 'search', alias: 'search' },
  text('name', 'Name', 'name'),
  text('firstName', 'First name', 'first_name'),
  text('lastName', 'Last name', 'last_name'),
  text('phone', 'Phone', 'phone'),
  text('email', 'Email', 'email'),
  text('company', 'Company', 'company'),
  text('jobTitle', 'Job title', 'job_title'),
  { id: 'birthday', label: 'Birthday', kind: 'date', alias: 'birthday' },
  text('language', 'Language', 'language'),
  text('timezone', 'Time zone', 'timezone'),
  text('street', 'Street', 'street'),
  text('city', 'City', 'city'),
  text('region', 'Region', 'region'),
  text('postalCode', 'Postal code', 'postal_code'),
  text('country', 'Country', 'country'),
  text('linkedin', 'LinkedIn', 'linkedin'),
  text('twitter', 'Twitter', 'twitter'),
  text('facebook', 'Facebook', 'facebook'),
  text('instagram', 'Instagram', 'instagram'),
  text('website', 'Website', 'website'),
  text('whatsappName', 'WhatsApp profile name', 'whatsapp_name'),
  { id: 'source', label: 'Source', kind: 'select', choices: CONTACT_SOURCES, alias: 'source' },
  { id: 'assignee', label: 'Assignee', kind: 'user', alias: 'assignee' },
  { id: 'tags', label: 'Tags', kind: 'tags', alias: 'tag' },
  { id: 'hasWhatsapp', label: 'Has WhatsApp', kind: 'boolean', alias: 'has_whatsapp' },
  { id: 'hasEmail', label: 'Has email', kind: 'boolean', alias: 'has_email' },
  { id: 'windowOpen', label: '24-hour window open', kind: 'boolean', alias: 'window_open' },
  datetime('firstContactAt', 'First contact', 'first_contact'),
  datetime('lastContactAt', 'Last contact', 'last_contact'),
  datetime('lastInboundAt', 'Last message received', 'last_inbound'),
  datetime('lastOutboundAt', 'Last message sent', 'last_outbound'),
  { id: 'conversationCount', label: 'Conversations', kind: 'number', alias: 'conversations' },
  { id: 'messageCount', label: 'Messages', kind: 'number', alias: 'messages' },
  datetime('createdAt', 'Created', 'created'),
  datetime('updatedAt', 'Updated', 'updated'),
];

/** One consent field per channel and purpose: `consent.whatsapp.marketing`. */
export const CONSENT_FILTER_FIELDS: readonly FilterField[] = CONSENT_CHANNELS.flatMap((channel) =>
  CONSENT_PURPOSES.map((purpose) => ({
    id: `consent.${channel}.${purpose}`,
    label: `Consent: ${channel} ${purpose}`,
    kind: 'consent' as const,
    choices: CONSENT_STATES,
    alias: `consent.${channel}.${purpose}`,
  })),
);

const KIND_OF_CUSTOM: Record<CustomFieldType, FilterFieldKind> = {
  text: 'text',
  long_text: 'text',
  url: 'text',
  email: 'text',
  phone: 'text',
  number: 'number',
  currency: 'number',
  percent: 'number',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  select: 'select',
  multi_select: 'multi_select',
  user: 'user',
};

/** What the filter needs to know of a custom field definition. */
export interface CustomFieldForFilter {
  key: string;
  label: string;
  type: CustomFieldType;
  options: CustomFieldOptions;
}

/** The filter field of a custom field: `custom.<key>`, aliased by its key in the text form. */
export function customFilterField(field: CustomFieldForFilter): FilterField {
  const kind = KIND_OF_CUSTOM[field.type];
  return {
    id: `custom.${field.key}`,
    label: field.label,
    kind,
    alias: field.key,
    ...(field.options.choices ? { choices: field.options.choices } : {}),
  };
}

/** Every field a workspace's filters can test, by id. */
export function filterFieldsOf(customFields: readonly CustomFieldForFilter[]): Map<string, FilterField> {
  const all = [...STANDARD_FILTER_FIELDS, ...CONSENT_FILTER_FIELDS, ...customFields.map(customFilterField)];
  return new Map(all.map((f) => [f.id, f]));
}
