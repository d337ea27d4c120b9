import type { FilterField } from './filter-fields.js';
import { OPERATORS_BY_KIND } from './filter-fields.js';
import {
  durationMs,
  FILTER_LIMITS,
  FILTER_OPS,
  type FilterCondition,
  type FilterNode,
  type FilterOp,
  type FilterValue,
} from './filter-tree.js';

/** One problem in a filter: where it is in the tree (`and.0.value`), the field it concerns, and what is wrong. */
export interface FilterIssue {
  path: string;
  field?: string | undefined;
  message: string;
}

/** A checked filter (values normalised: choices in their defined spelling, instants in canonical ISO), or its problems. */
export type FilterCheck = { ok: true; filter: FilterNode } | { ok: false; issues: FilterIssue[] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const MAX_TEXT = 1000;

const isRealDate = (value: string) => {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
};

/** A date-time as a canonical ISO instant (UTC when no offset is given), or null. */
function canonicalInstant(value: string): string | null {
  if (!INSTANT.test(value) || !isRealDate(value.slice(0, 10))) return null;
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  const ms = Date.parse(zoned);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString();
  return /^\d{4}-/.test(iso) ? iso : null;
}

type Checked = { value?: FilterValue } | { error: string };

const NO_VALUE_OPS = new Set<FilterOp>(['is_empty', 'is_not_empty']);

/** Checks one value of a date (or date-time, which also takes instants) field. */
function dateValue(value: unknown, instants: boolean): string | null {
  if (typeof value !== 'string') return null;
  if (DATE.test(value)) return isRealDate(value) ? value : null;
  return instants ? canonicalInstant(value) : null;
}

function pairOf<T>(value: unknown, read: (item: unknown) => T | null): [T, T] | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const low = read(value[0]);
  const high = read(value[1]);
  return low === null || high === null ? null : [low, high];
}

function choiceList(value: unknown, choices: readonly string[] | undefined, what: string): Checked {
  if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string' || !v.trim()))
    return { error: `needs a non-empty list of ${what}` };
  const picked: string[] = [];
  for (const item of value as string[]) {
    const wanted = item.trim();
    const choice = choices ? choices.find((c) => c.toLowerCase() === wanted.toLowerCase()) : wanted;
    if (choice === undefined) return { error: `"${item}" is not one of: ${choices?.join(', ') ?? ''}` };
    if (!picked.includes(choice)) picked.push(choice);
  }
  return { value: picked };
}

/** Checks the value of a condition whose field and operator are valid together. */
function checkValue(field: FilterField, op: FilterOp, value: unknown): Checked {
  if (NO_VALUE_OPS.has(op))
    return value === undefined || value === null ? {} : { error: `takes no value with ${op}` };
  const instants = field.kind === 'datetime';
  switch (field.kind) {
    case 'text':
    case 'search':
      return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_TEXT
        ? { value }
        : { error: `needs non-empty text (at most ${MAX_TEXT} characters); use is_empty for no value` };
    case 'number': {
      const isNumber = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
      if (op === 'between') {
        const pair = pairOf(value, isNumber);
        return pair ? { value: pair } : { error: 'needs [low, high] numbers with between' };
      }
      return isNumber(value) === null ? { error: 'needs a number' } : { value: value as number };
    }
    case 'date':
    case 'datetime': {
      const shape = instants ? 'a date (YYYY-MM-DD) or an ISO date-time' : 'a date as YYYY-MM-DD';
      if (op === 'within_last' || op === 'more_than_ago')
        return durationMs(value) === null
          ? { error: `needs a duration such as 30d, 12h or 2w with ${op}` }
          : { value: value as string };
      if (op === 'between') {
        const pair = pairOf(value, (v) => dateValue(v, instants));
        return pair ? { value: pair } : { error: `needs [from, to], each ${shape}, with between` };
      }
      const date = dateValue(value, instants);
      return date === null ? { error: `needs ${shape}` } : { value: date };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: 'needs true or false' };
    case 'select':
    case 'multi_select':
    case 'consent':
      return choiceList(value, field.choices ?? [], 'choices');
    case 'user':
      return choiceList(value, undefined, 'user ids');
    case 'tags':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim().length <= 100)
        ? choiceList(value, undefined, 'tag names')
        : { error: 'needs a non-empty list of tag names' };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SHAPE = 'must be a condition {field, op, value} or a group {and: [...]}, {or: [...]} or {not: {...}}';

/**
 * Checks a filter tree from outside against a workspace's fields (see `filterFieldsOf`): its shape, unknown
 * fields, operators a field does not take, values of the wrong type or shape, unknown choices, and the depth and
 * size limits. Each issue names the field and where it is in the tree.
 */
export function validateFilter(raw: unknown, fields: ReadonlyMap<string, FilterField>): FilterCheck {
  const issues: FilterIssue[] = [];
  let conditions = 0;
  const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

  const walk = (node: unknown, path: string, depth: number): FilterNode | null => {
    if (!isObject(node)) {
      issues.push({ path, message: SHAPE });
      return null;
    }
    const keys = Object.keys(node);
    if (depth > FILTER_LIMITS.depth) {
      issues.push({ path, message: `nests deeper than ${FILTER_LIMITS.depth} groups` });
      return null;
    }
    if (keys.length === 1 && (keys[0] === 'and' || keys[0] === 'or')) {
      const group = keys[0];
      const children = node[group];
      if (!Array.isArray(children)) {
        issues.push({ path: at(path, group), message: `must be a list of filters` });
        return null;
      }
      const checked = children.map((child, i) => walk(child, at(at(path, group), i), depth + 1));
      return group === 'and'
        ? { and: checked.filter((c) => c !== null) }
        : { or: checked.filter((c) => c !== null) };
    }
    if (keys.length === 1 && keys[0] === 'not') {
      const inner = walk(node.not, at(path, 'not'), depth + 1);
      return inner && { not: inner };
    }
    if (!('field' in node) || !('op' in node) || keys.some((k) => !['field', 'op', 'value'].includes(k))) {
      issues.push({ path, message: SHAPE });
      return null;
    }
    conditions++;
    return checkCondition(node, path);
  };

  const checkCondition = (node: Record<string, unknown>, path: string): FilterCondition | null => {
    const { field: id, op, value } = node;
    const field = typeof id === 'string' ? fields.get(id) : undefined;
    if (!field) {
      issues.push({
        path: at(path, 'field'),
        field: typeof id === 'string' ? id : undefined,
        message: `unknown field ${JSON.stringify(id)}`,
      });
      return null;
    }
    const allowed = OPERATORS_BY_KIND[field.kind];
    if (
      typeof op !== 'string' ||
      !(FILTER_OPS as readonly string[]).includes(op) ||
      !allowed.includes(op as FilterOp)
    ) {
      issues.push({
        path: at(path, 'op'),
        field: field.id,
        message: `${field.id}: ${JSON.stringify(op)} is not an operator of this ${field.kind} field; it takes ${allowed.join(', ')}`,
      });
      return null;
    }
    const checked = checkValue(field, op as FilterOp, value);
    if ('error' in checked) {
      issues.push({ path: at(path, 'value'), field: field.id, message: `${field.id}: ${checked.error}` });
      return null;
    }
    return {
      field: field.id,
      op: op as FilterOp,
      ...(checked.value !== undefined ? { value: checked.value } : {}),
    };
  };

  const filter = walk(raw, '', 0);
  if (conditions > FILTER_LIMITS.conditions)
    issues.push({
      path: '',
      message: `has ${conditions} conditions; at most ${FILTER_LIMITS.conditions} are allowed`,
    });
  return issues.length || !filter ? { ok: false, issues } : { ok: true, filter };
}
