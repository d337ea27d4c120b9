import type { Contact } from '../contact-schemas.js';
import { searchNeedle } from '../search-needle.js';
import { tagNameKey } from '../tag-name.js';
import { asciiLower } from './ascii-lower.js';
import type { FilterField } from './filter-fields.js';
import { dateRangeOf, inRange, instantRangeOf } from './filter-range.js';
import { isCondition, POSITIVE_OF, type FilterCondition, type FilterNode } from './filter-tree.js';
import { standardValueOf, WHATSAPP_IDENTITY_KINDS, WINDOW_MS } from './standard-values.js';

/** What a filter is evaluated on: the contact as the API shows it, plus what the filter reads beside it. */
export interface FilterSubject {
  contact: Contact;
  /** Kinds of the contact's identities (`phone`, `email`, `whatsapp`, …). */
  identityKinds: readonly string[];
  /** Current consent per `channel.purpose` (the newest record's status); absent means none recorded. */
  consents: Readonly<Record<string, string>>;
  /** The folded text the basic search looks in (the contacts row's search_text). */
  searchText: string;
}

type Value = string | number | boolean | string[] | null;

/** The value a field has on the subject: null when it has none. */
function valueOf(field: FilterField, subject: FilterSubject, now: number): Value {
  const { contact } = subject;
  if (field.id.startsWith('custom.')) return contact.custom[field.id.slice('custom.'.length)] ?? null;
  if (field.id.startsWith('consent.')) return subject.consents[field.id.slice('consent.'.length)] ?? 'none';
  switch (field.id) {
    case 'tags':
      return contact.tags.map((t) => t.name);
    case 'search':
      return subject.searchText;
    case 'hasWhatsapp':
      return subject.identityKinds.some((k) => WHATSAPP_IDENTITY_KINDS.includes(k));
    case 'hasEmail':
      return Boolean(contact.email);
    case 'windowOpen':
      return (
        contact.lastInboundAt !== null && contact.lastInboundAt > new Date(now - WINDOW_MS).toISOString()
      );
    default:
      return standardValueOf(field.id, contact);
  }
}

const isEmpty = (value: Value) =>
  value === null || value === '' || (Array.isArray(value) && value.length === 0);

const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

/** The outcome of a positive operator; negative ones (neq, not_contains, none_of, has_none) are its negation. */
function test(field: FilterField, condition: FilterCondition, value: Value, now: number): boolean {
  const { op } = condition;
  const wanted = condition.value;
  if (op === 'is_empty') return isEmpty(value);
  switch (field.kind) {
    case 'text': {
      if (typeof value !== 'string') return false;
      const text = asciiLower(value);
      const needle = asciiLower(String(wanted));
      if (op === 'eq') return text === needle;
      if (op === 'contains') return text.includes(needle);
      return text.startsWith(needle);
    }
    case 'search':
      return typeof value === 'string' && value.includes(searchNeedle(String(wanted)));
    case 'number': {
      if (typeof value !== 'number') return false;
      const [n = NaN, high = NaN] = Array.isArray(wanted) ? wanted.map(Number) : [Number(wanted)];
      if (op === 'between') return value >= n && value <= high;
      return { eq: value === n, gt: value > n, gte: value >= n, lt: value < n, lte: value <= n }[
        op as 'eq' | 'gt' | 'gte' | 'lt' | 'lte'
      ];
    }
    case 'date':
      return inRange(typeof value === 'string' ? value : null, dateRangeOf(condition, now));
    case 'datetime':
      return inRange(typeof value === 'string' ? value : null, instantRangeOf(condition, now));
    case 'boolean':
      return (value === true) === wanted;
    case 'select':
    case 'user':
    case 'consent':
      return typeof value === 'string' && list(wanted).includes(value);
    case 'multi_select':
    case 'tags': {
      const key = field.kind === 'tags' ? tagNameKey : (s: string) => s;
      const held = new Set(list(value).map(key));
      const names = list(wanted).map(key);
      return op === 'has_all' ? names.every((n) => held.has(n)) : names.some((n) => held.has(n));
    }
  }
}

/**
 * Evaluates a validated filter on one contact, with the same meaning as the SQL the server compiles it to: text
 * ignores ASCII case only; `is_empty` is no value or ''; a negative operator is exactly the negation of its positive
 * one, so a contact without a value matches neq, not_contains, none_of and has_none; a boolean without a value is
 * false; relative dates count back from `now`.
 */
export function evaluateFilter(
  node: FilterNode,
  subject: FilterSubject,
  fields: ReadonlyMap<string, FilterField>,
  now: number,
): boolean {
  if ('and' in node) return node.and.every((child) => evaluateFilter(child, subject, fields, now));
  if ('or' in node) return node.or.some((child) => evaluateFilter(child, subject, fields, now));
  if (!isCondition(node)) return !evaluateFilter(node.not, subject, fields, now);
  const field = fields.get(node.field);
  if (!field) throw new Error(`unknown filter field ${node.field}`);
  const value = valueOf(field, subject, now);
  const positive = POSITIVE_OF[node.op];
  return positive ? !test(field, { ...node, op: positive }, value, now) : test(field, node, value, now);
}
