import { OPERATORS_BY_KIND, type FilterField } from '../../../src/shared/filter/filter-fields';
import {
  isCondition,
  type FilterNode,
  type FilterOp,
  type FilterValue,
} from '../../../src/shared/filter/filter-tree';

/** A condition row of the builder; `value` may be incomplete while being edited. */
export interface BuilderCondition {
  type: 'condition';
  key: string;
  field: string;
  op: FilterOp;
  value: FilterValue | undefined;
  negated: boolean;
}

/** A group of the builder: all (AND) or any (OR) of its items, possibly negated. */
export interface BuilderGroup {
  type: 'group';
  key: string;
  combine: 'and' | 'or';
  negated: boolean;
  items: BuilderItem[];
}

/** A row or a group of the builder. */
export type BuilderItem = BuilderCondition | BuilderGroup;

let nextKey = 0;
const newKey = () => `b${++nextKey}`;

/** The operators that take no value. */
export const VALUELESS_OPS: ReadonlySet<FilterOp> = new Set(['is_empty', 'is_not_empty']);

/** An empty AND group. */
export function emptyGroup(combine: 'and' | 'or' = 'and'): BuilderGroup {
  return { type: 'group', key: newKey(), combine, negated: false, items: [] };
}

/** A new row on a field, with its kind's first operator and a starting value. */
export function newCondition(field: FilterField): BuilderCondition {
  const op = OPERATORS_BY_KIND[field.kind][0]!;
  return {
    type: 'condition',
    key: newKey(),
    field: field.id,
    op,
    value: startValue(field, op),
    negated: false,
  };
}

/** The value a row starts with after its field or operator changed. */
export function startValue(
  field: FilterField,
  op: FilterOp,
  previous?: FilterValue,
): FilterValue | undefined {
  if (VALUELESS_OPS.has(op)) return undefined;
  if (field.kind === 'boolean') return typeof previous === 'boolean' ? previous : true;
  if (op === 'within_last' || op === 'more_than_ago') return '30d';
  if (op === 'between') return Array.isArray(previous) && previous.length === 2 ? previous : [];
  if (['any_of', 'none_of', 'has_any', 'has_all', 'has_none'].includes(op))
    return Array.isArray(previous) ? previous : [];
  if (field.kind === 'number') return typeof previous === 'number' ? previous : undefined;
  if (field.kind === 'date' || field.kind === 'datetime')
    return typeof previous === 'string' && /^\d{4}-/.test(previous) ? previous : undefined;
  return typeof previous === 'string' ? previous : '';
}

/** Reads a filter tree into the builder; the root is always a group. */
export function toBuilder(tree: FilterNode | null): BuilderGroup {
  const item = tree ? itemOf(tree, false) : emptyGroup();
  return item.type === 'group' ? item : { ...emptyGroup(), items: [item] };
}

function itemOf(node: FilterNode, negated: boolean): BuilderItem {
  if (isCondition(node))
    return { type: 'condition', key: newKey(), field: node.field, op: node.op, value: node.value, negated };
  if ('not' in node) return itemOf(node.not, !negated);
  const combine = 'and' in node ? 'and' : 'or';
  const children = 'and' in node ? node.and : node.or;
  return { type: 'group', key: newKey(), combine, negated, items: children.map((c) => itemOf(c, false)) };
}

/** True when a row says enough to filter with. */
export function isComplete(row: BuilderCondition): boolean {
  const { op, value } = row;
  if (VALUELESS_OPS.has(op)) return true;
  if (value === undefined) return false;
  if (op === 'between') return Array.isArray(value) && value.length === 2 && value.every((v) => v !== '');
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return op === 'eq' || op === 'neq' ? true : value.trim() !== '';
  return true;
}

/** The filter tree of the builder: incomplete rows and empty groups left out; null when nothing is left. */
export function toTree(group: BuilderGroup): FilterNode | null {
  return treeOf(group);
}

function treeOf(item: BuilderItem): FilterNode | null {
  let node: FilterNode | null;
  if (item.type === 'condition') {
    node = isComplete(item)
      ? item.value === undefined
        ? { field: item.field, op: item.op }
        : { field: item.field, op: item.op, value: item.value }
      : null;
  } else {
    const children = item.items.map(treeOf).filter((c): c is FilterNode => c !== null);
    if (children.length === 0) node = null;
    else if (children.length === 1) node = children[0]!;
    else node = item.combine === 'and' ? { and: children } : { or: children };
  }
  return node && item.negated ? { not: node } : node;
}

/** The number of rows in the builder, at any depth. */
export function rowCount(group: BuilderGroup): number {
  return group.items.reduce((n, item) => n + (item.type === 'condition' ? 1 : rowCount(item)), 0);
}

/** A copy of the tree with the item of this key replaced (or removed, with null). */
export function replaceItem(group: BuilderGroup, key: string, next: BuilderItem | null): BuilderGroup {
  const items: BuilderItem[] = [];
  for (const item of group.items) {
    if (item.key === key) {
      if (next) items.push(next);
    } else items.push(item.type === 'group' ? replaceItem(item, key, next) : item);
  }
  return { ...group, items };
}
