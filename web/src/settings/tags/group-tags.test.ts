import { describe, expect, it } from 'vitest';
import type { Tag } from '../../api/types';
import { categoriesOf, groupTagsByCategory } from './group-tags';

const tag = (name: string, category: string | null): Tag => ({
  id: name,
  name,
  color: '#000000',
  category,
  description: null,
  contactCount: 0,
  createdAt: '',
  updatedAt: '',
});

describe('grouping tags', () => {
  it('orders categories A–Z with uncategorised tags last, and tags A–Z within each', () => {
    const groups = groupTagsByCategory([
      tag('vip', 'Tier'),
      tag('Newsletter', null),
      tag('Active', 'Status'),
      tag('Basic', 'Tier'),
      tag('Archive', ' '),
    ]);
    expect(groups.map((g) => [g.category, g.tags.map((t) => t.name)])).toEqual([
      ['Status', ['Active']],
      ['Tier', ['Basic', 'vip']],
      [null, ['Archive', 'Newsletter']],
    ]);
  });

  it('lists the distinct categories for suggestions', () => {
    expect(categoriesOf([tag('a', 'Tier'), tag('b', 'Tier'), tag('c', null), tag('d', 'Region')])).toEqual([
      'Region',
      'Tier',
    ]);
  });
});
