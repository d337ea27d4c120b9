import { describe, expect, it } from 'vitest';
import { filterFieldsOf } from './filter-fields.js';
import { FILTER_LIMITS } from './filter-tree.js';
import { validateFilter } from './validate-filter.js';

const fields = filterFieldsOf([
  { key: 'ltv', label: 'Lifetime value', type: 'currency', options: { currency: 'USD' } },
  { key: 'plan', label: 'Plan', type: 'select', options: { choices: ['Free', 'Pro'] } },
  { key: 'topics', label: 'Topics', type: 'multi_select', options: { choices: ['Shoes', 'Bags'] } },
  { key: 'renewal', label: 'Renewal', type: 'date', options: {} },
  { key: 'vip', label: 'VIP', type: 'boolean', options: {} },
]);

const issuesOf = (raw: unknown) => {
  const check = validateFilter(raw, fields);
  return check.ok ? [] : check.issues;
};

describe('validateFilter', () => {
  it('accepts a nested tree and normalises choices and instants', () => {
    const check = validateFilter(
      {
        and: [
          { field: 'tags', op: 'has_any', value: ['VIP'] },
          {
            or: [
              { field: 'custom.ltv', op: 'between', value: [10, 20] },
              { field: 'custom.plan', op: 'any_of', value: ['pro'] },
              { field: 'lastInboundAt', op: 'after', value: '2026-01-31T14:00:00+02:00' },
            ],
          },
          { not: { field: 'consent.whatsapp.marketing', op: 'any_of', value: ['OPTED_OUT'] } },
          { field: 'email', op: 'is_empty' },
        ],
      },
      fields,
    );
    expect(check).toEqual({
      ok: true,
      filter: {
        and: [
          { field: 'tags', op: 'has_any', value: ['VIP'] },
          {
            or: [
              { field: 'custom.ltv', op: 'between', value: [10, 20] },
              { field: 'custom.plan', op: 'any_of', value: ['Pro'] },
              { field: 'lastInboundAt', op: 'after', value: '2026-01-31T12:00:00.000Z' },
            ],
          },
          { not: { field: 'consent.whatsapp.marketing', op: 'any_of', value: ['opted_out'] } },
          { field: 'email', op: 'is_empty' },
        ],
      },
    });
  });

  it.each([
    ['an unknown field', { field: 'ltv', op: 'gte', value: 1 }, 'field', 'ltv'],
    ['an operator the kind lacks', { field: 'custom.ltv', op: 'contains', value: '1' }, 'op', 'custom.ltv'],
    ['an operator that does not exist', { field: 'city', op: 'like', value: 'x' }, 'op', 'city'],
    ['text for a number', { field: 'custom.ltv', op: 'gte', value: '5000' }, 'value', 'custom.ltv'],
    [
      'a single number for between',
      { field: 'messageCount', op: 'between', value: 3 },
      'value',
      'messageCount',
    ],
    [
      'an impossible date',
      { field: 'custom.renewal', op: 'before', value: '2026-02-30' },
      'value',
      'custom.renewal',
    ],
    [
      'an instant for a date',
      { field: 'birthday', op: 'after', value: '2026-01-01T00:00:00Z' },
      'value',
      'birthday',
    ],
    [
      'a duration without unit',
      { field: 'lastInboundAt', op: 'within_last', value: '30' },
      'value',
      'lastInboundAt',
    ],
    ['an unknown choice', { field: 'custom.plan', op: 'any_of', value: ['Gold'] }, 'value', 'custom.plan'],
    ['an empty choice list', { field: 'source', op: 'any_of', value: [] }, 'value', 'source'],
    [
      'a multi-select choice not defined',
      { field: 'custom.topics', op: 'has_all', value: ['Hats'] },
      'value',
      'custom.topics',
    ],
    ['a string for a boolean', { field: 'custom.vip', op: 'eq', value: 'true' }, 'value', 'custom.vip'],
    ['a value with is_empty', { field: 'city', op: 'is_empty', value: 'x' }, 'value', 'city'],
    ['empty text', { field: 'city', op: 'eq', value: '  ' }, 'value', 'city'],
    [
      'a consent state that does not exist',
      { field: 'consent.sms.utility', op: 'any_of', value: ['maybe'] },
      'value',
      'consent.sms.utility',
    ],
    ['tags given as text', { field: 'tags', op: 'has_any', value: 'VIP' }, 'value', 'tags'],
  ])('refuses %s, naming the field', (_, condition, where, field) => {
    const issues = issuesOf({ or: [{ field: 'city', op: 'eq', value: 'Rio' }, condition] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: `or.1.${where}` });
    expect(issues[0]?.message).toContain(field);
  });

  it.each([
    ['a list', [{ field: 'city', op: 'eq', value: 'x' }]],
    ['two groups in one node', { and: [], or: [] }],
    ['a group that is not a list', { and: { field: 'city', op: 'eq', value: 'x' } }],
    ['an extra key', { field: 'city', op: 'eq', value: 'x', label: 'City' }],
    ['null', null],
  ])('refuses %s as a node', (_, raw) => {
    expect(issuesOf(raw).length).toBeGreaterThan(0);
  });

  it('refuses trees deeper or larger than the limits', () => {
    let deep: unknown = { field: 'city', op: 'eq', value: 'x' };
    for (let i = 0; i <= FILTER_LIMITS.depth; i++) deep = { not: deep };
    expect(issuesOf(deep)[0]?.message).toContain('deeper');
    const wide = {
      or: Array.from({ length: FILTER_LIMITS.conditions + 1 }, () => ({ field: 'city', op: 'is_empty' })),
    };
    expect(issuesOf(wide)[0]?.message).toContain('conditions');
  });

  it('accepts exactly the limits', () => {
    let deep: unknown = { field: 'city', op: 'eq', value: 'x' };
    for (let i = 0; i < FILTER_LIMITS.depth; i++) deep = { not: deep };
    expect(validateFilter(deep, fields).ok).toBe(true);
  });
});
