import { describe, expect, it } from 'vitest';
import { filterFieldsOf } from '../../../src/shared/filter/filter-fields';
import type { FilterNode } from '../../../src/shared/filter/filter-tree';
import { emptyGroup, isComplete, newCondition, rowCount, toBuilder, toTree } from './builder-model';

const fields = filterFieldsOf([{ key: 'ltv', label: 'LTV', type: 'currency', options: {} }]);

describe('builder model', () => {
  it('reads a tree and writes it back, NOT as a flag on rows and groups', () => {
    const tree: FilterNode = {
      and: [
        { field: 'tags', op: 'has_any', value: ['VIP'] },
        {
          not: {
            or: [
              { field: 'city', op: 'eq', value: 'Lima' },
              { field: 'custom.ltv', op: 'gte', value: 5 },
            ],
          },
        },
        { not: { field: 'email', op: 'is_empty' } },
      ],
    };
    const group = toBuilder(tree);
    expect(group.items[1]).toMatchObject({ type: 'group', combine: 'or', negated: true });
    expect(group.items[2]).toMatchObject({ type: 'condition', field: 'email', negated: true });
    expect(toTree(group)).toEqual(tree);
    expect(rowCount(group)).toBe(4);
  });

  it('wraps a single condition in a root group and unwraps it again', () => {
    const tree: FilterNode = { field: 'hasWhatsapp', op: 'eq', value: true };
    const group = toBuilder(tree);
    expect(group.type).toBe('group');
    expect(toTree(group)).toEqual(tree);
  });

  it('leaves out incomplete rows and empty groups; nothing left is null', () => {
    const incomplete = newCondition(fields.get('tags')!);
    expect(isComplete(incomplete)).toBe(false);
    const group = { ...emptyGroup(), items: [incomplete, emptyGroup('or')] };
    expect(toTree(group)).toBeNull();
    const ltv = { ...newCondition(fields.get('custom.ltv')!), op: 'between' as const, value: [1, ''] };
    expect(isComplete(ltv)).toBe(false);
    expect(toTree({ ...group, items: [...group.items, { ...ltv, value: [1, 9] }] })).toEqual({
      field: 'custom.ltv',
      op: 'between',
      value: [1, 9],
    });
  });

  it('keeps an "is" with an empty text (it means equal to nothing) but not a "contains" of nothing', () => {
    const row = newCondition(fields.get('name')!);
    expect(row).toMatchObject({ op: 'eq', value: '' });
    expect(isComplete(row)).toBe(true);
    expect(isComplete({ ...row, op: 'contains' })).toBe(false);
  });
});
