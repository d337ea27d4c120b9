import type { FilterField } from '../../../src/shared/filter/filter-fields';
import type { FilterOp } from '../../../src/shared/filter/filter-tree';

/** The heading a field is listed under in the field picker. */
export type FieldGroup = 'Contact' | 'Conversations' | 'Tags' | 'Consent' | 'Custom fields';

const CONVERSATION_FIELDS = new Set([
  'hasWhatsapp',
  'hasEmail',
  'windowOpen',
  'firstContactAt',
  'lastContactAt',
  'lastInboundAt',
  'lastOutboundAt',
  'conversationCount',
  'messageCount',
]);

/** Where a field is listed in the picker. */
export function fieldGroupOf(field: FilterField): FieldGroup {
  if (field.id.startsWith('custom.')) return 'Custom fields';
  if (field.kind === 'consent') return 'Consent';
  if (field.kind === 'tags') return 'Tags';
  if (CONVERSATION_FIELDS.has(field.id)) return 'Conversations';
  return 'Contact';
}

const GROUP_ORDER: FieldGroup[] = ['Contact', 'Tags', 'Conversations', 'Consent', 'Custom fields'];

/** The field picker's choices, grouped (the free-text search field is left out: it is the search box). */
export function fieldPickerData(fields: ReadonlyMap<string, FilterField>) {
  const byGroup = new Map<FieldGroup, { value: string; label: string }[]>();
  for (const field of fields.values()) {
    if (field.kind === 'search') continue;
    const group = fieldGroupOf(field);
    byGroup.set(group, [...(byGroup.get(group) ?? []), { value: field.id, label: field.label }]);
  }
  return GROUP_ORDER.filter((g) => byGroup.has(g)).map((group) => ({ group, items: byGroup.get(group)! }));
}

const OP_LABELS: Record<FilterOp, string> = {
  eq: 'is',
  neq: 'is not',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  between: 'is between',
  before: 'is before',
  after: 'is after',
  within_last: 'is within the last',
  more_than_ago: 'is more than … ago',
  any_of: 'is any of',
  none_of: 'is none of',
  has_any: 'has any of',
  has_all: 'has all of',
  has_none: 'has none of',
  matches: 'matches',
};

/** How an operator reads in the builder ("is any of"). */
export function opLabel(op: FilterOp, field?: FilterField): string {
  if (op === 'eq' && field?.kind === 'date') return 'is on';
  if (field?.kind === 'tags' && (op === 'is_empty' || op === 'is_not_empty'))
    return op === 'is_empty' ? 'has no tags' : 'has some tag';
  return OP_LABELS[op];
}

/** Consent states as people read them. */
export const CONSENT_STATE_LABELS: Record<string, string> = {
  opted_in: 'Opted in',
  opted_out: 'Opted out',
  none: 'No record',
};
