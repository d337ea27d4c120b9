/** Every operator of the filter language; which ones a field accepts depends on its kind (see filter-fields). */
export const FILTER_OPS = [
  'eq',
  'neq',
  'contains',
  'not_contains',
  'starts_with',
  'is_empty',
  'is_not_empty',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'before',
  'after',
  'within_last',
  'more_than_ago',
  'any_of',
  'none_of',
  'has_any',
  'has_all',
  'has_none',
  'matches',
] as const;
/** An operator of the filter language. */
export type FilterOp = (typeof FILTER_OPS)[number];

/** Each negative operator and the positive one it is exactly the negation of. */
export const POSITIVE_OF: Partial<Record<FilterOp, FilterOp>> = {
  neq: 'eq',
  not_contains: 'contains',
  none_of: 'any_of',
  has_none: 'has_any',
  is_not_empty: 'is_empty',
};

/** A value a condition compares with; its shape is checked against the field and operator by `validateFilter`. */
export type FilterValue = string | number | boolean | (string | number)[];

/** One test on one field, e.g. `{ field: 'custom.ltv', op: 'gte', value: 5000 }`. */
export interface FilterCondition {
  field: string;
  op: FilterOp;
  value?: FilterValue | undefined;
}

/** A filter: a condition, or AND / OR / NOT groups of filters nested to any depth. */
export type FilterNode = FilterCondition | { and: FilterNode[] } | { or: FilterNode[] } | { not: FilterNode };

/** Deepest nesting and most conditions a filter may have, so that a request cannot build a runaway query. */
export const FILTER_LIMITS = { depth: 12, conditions: 200 } as const;

const isValue = (value: unknown): boolean =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'));

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * True when a value has the shape of a filter tree (fields, operators and values are checked against a workspace
 * by `validateFilter`); for input that is only read, such as a filter in the address bar.
 */
export function isFilterNode(value: unknown, depth = 0): value is FilterNode {
  if (!isObject(value) || depth > FILTER_LIMITS.depth) return false;
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'and' || keys[0] === 'or')) {
    const children = value[keys[0]];
    return Array.isArray(children) && children.every((child) => isFilterNode(child, depth + 1));
  }
  if (keys.length === 1 && keys[0] === 'not') return isFilterNode(value.not, depth + 1);
  return (
    keys.every((key) => key === 'field' || key === 'op' || key === 'value') &&
    typeof value.field === 'string' &&
    (FILTER_OPS as readonly unknown[]).includes(value.op) &&
    (value.value === undefined || isValue(value.value))
  );
}

/** True for a leaf of the tree. */
export function isCondition(node: FilterNode): node is FilterCondition {
  return 'field' in node;
}

/** A relative duration such as `30d`: hours, days or weeks. */
export const RELATIVE_DURATION = /^(\d{1,5})([hdw])$/;

/** Milliseconds in a relative duration such as `30d`, or null when it is not one. */
export function durationMs(value: unknown): number | null {
  const match = typeof value === 'string' ? RELATIVE_DURATION.exec(value) : null;
  if (!match) return null;
  const hours = { h: 1, d: 24, w: 24 * 7 }[match[2] as 'h' | 'd' | 'w'];
  return Number(match[1]) * hours * 3_600_000;
}
