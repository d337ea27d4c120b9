import type { CustomField, TimelineItem } from '../api/types';
import { formatCustomValue } from '../custom-fields/custom-field-value';
import { formatPhone } from '../ui/phone-format';
import { countryOptions } from './locale-options';
import { fieldLabel } from './profile-fields';

/** A recorded change of a contact, as the timeline lists it. */
export type EventItem = Extract<TimelineItem, { kind: 'event' }>;

/** What describing events needs to know: field definitions and member names. */
export interface DescribeContext {
  fields: CustomField[];
  memberName(id: string): string | undefined;
}

/** An event in words: a headline and, for events with several changes, one line per change. */
export interface EventDescription {
  title: string;
  details: string[];
}

const MAX_VALUE = 80;

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** A stored value as people read it (`+55 11 91234 5678`, `$1,200.00`, `Brazil`). */
export function formatChangeValue(path: string, value: unknown, context: DescribeContext): string {
  if (isEmpty(value)) return 'empty';
  let text: string;
  if (path.startsWith('custom.')) {
    const field = context.fields.find((f) => `custom.${f.key}` === path);
    text = field ? formatCustomValue(field, value, context.memberName) : String(value);
  } else if (path === 'phone') text = formatPhone(String(value));
  else if (path === 'address.country')
    text = countryOptions().find((option) => option.value === value)?.label ?? String(value);
  else if (path === 'assigneeId') text = context.memberName(String(value)) ?? 'a former member';
  else text = Array.isArray(value) ? value.join(', ') : String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** One change in words: "Phone changed from A to B", "Company set to Acme", "City cleared (was Lisbon)". */
export function describeChange(change: EventItem['changes'][number], context: DescribeContext): string {
  const label = fieldLabel(change.field, context.fields);
  const before = formatChangeValue(change.field, change.before, context);
  const after = formatChangeValue(change.field, change.after, context);
  if (isEmpty(change.before)) return `${label} set to ${after}`;
  if (isEmpty(change.after)) return `${label} cleared (was ${before})`;
  return `${label} changed from ${before} to ${after}`;
}

const humanize = (type: string) => {
  const text = type.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

const CHANNELS: Record<string, string> = { whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email' };

/** Who made a change, in words: a member's name, "an API key", "Rolo". */
export function describeActor(actor: EventItem['actor'], context: DescribeContext): string {
  if (actor.type === 'user') return (actor.id && context.memberName(actor.id)) || 'a former member';
  if (actor.type === 'api_key') return 'an API key';
  if (actor.type === 'system') return 'Rolo';
  return humanize(actor.type).toLowerCase();
}

/** An event in words: "Tag VIP added", "Contact created", or each field change of an update. */
export function describeEvent(item: EventItem, context: DescribeContext): EventDescription {
  const first = item.changes[0];
  switch (item.type) {
    case 'created': {
      const source = item.changes.find((change) => change.field === 'source');
      const labels = item.changes
        .filter((change) => change !== source)
        .map((change) => fieldLabel(change.field, context.fields));
      return {
        title: source ? `Contact created by ${String(source.after)}` : 'Contact created',
        details: labels.length ? [`With ${labels.join(', ')}`] : [],
      };
    }
    case 'updated': {
      const source = item.changes.find((change) => change.field === 'source');
      const lines = item.changes
        .filter((change) => change !== source)
        .map((change) => describeChange(change, context));
      if (source) return { title: `Updated by ${String(source.after)}`, details: lines };
      if (lines.length === 1) return { title: lines[0] ?? 'Contact updated', details: [] };
      return { title: `${lines.length} fields changed`, details: lines };
    }
    case 'tag_added':
      return { title: `Tag ${String(first?.after ?? '')} added`, details: [] };
    case 'tag_removed':
      return { title: `Tag ${String(first?.before ?? '')} removed`, details: [] };
    case 'consent_recorded': {
      const [, channel = '', purpose = ''] = (first?.field ?? '').split('.');
      return {
        title: `${CHANNELS[channel] ?? humanize(channel)} ${purpose} consent: ${humanize(String(first?.after ?? 'recorded')).toLowerCase()}`,
        details: [],
      };
    }
    case 'deleted':
      return { title: 'Contact deleted', details: [] };
    default:
      return {
        title: humanize(item.type),
        details: item.changes.map((change) => describeChange(change, context)),
      };
  }
}
