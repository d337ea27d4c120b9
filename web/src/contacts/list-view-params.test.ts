import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS, nextSort, readListView, sortDirectionOf, writeListView } from './list-view-params';

describe('list view in the URL', () => {
  it('reads defaults from an empty URL and writes nothing back for them', () => {
    const view = readListView(new URLSearchParams());
    expect(view).toEqual({ q: '', filter: null, sort: 'name', columns: [...DEFAULT_COLUMNS] });
    expect(writeListView(view).toString()).toBe('');
  });

  it('round-trips search, sort and columns', () => {
    const view = {
      q: 'maria silva',
      filter: { and: [{ field: 'tags', op: 'has_any' as const, value: ['VIP'] }] },
      sort: '-createdAt' as const,
      columns: ['email', 'cf:plan', 'tags'],
    };
    const params = writeListView(view);
    expect(params.get('cols')).toBe('email,cf:plan,tags');
    expect(readListView(params)).toEqual(view);
  });

  it('ignores an unknown sort and repeated columns', () => {
    const view = readListView(new URLSearchParams('sort=phone&cols=email,,email,phone'));
    expect(view.sort).toBe('name');
    expect(view.columns).toEqual(['email', 'phone']);
  });

  it('keeps an empty column choice distinct from the default', () => {
    expect(readListView(writeListView({ q: '', filter: null, sort: 'name', columns: [] })).columns).toEqual(
      [],
    );
  });

  it('drops a filter parameter that is not a filter tree', () => {
    expect(readListView(new URLSearchParams('filter={oops')).filter).toBeNull();
    expect(readListView(new URLSearchParams('filter={"field":"tags"}')).filter).toBeNull();
  });
});

describe('sorting by header', () => {
  it('starts names ascending and dates newest first, then flips', () => {
    expect(nextSort('-createdAt', 'name')).toBe('name');
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('name', 'lastContactAt')).toBe('-lastContactAt');
    expect(nextSort('-lastContactAt', 'lastContactAt')).toBe('lastContactAt');
  });

  it('tells aria-sort the direction', () => {
    expect(sortDirectionOf('-createdAt', 'createdAt')).toBe('descending');
    expect(sortDirectionOf('name', 'name')).toBe('ascending');
    expect(sortDirectionOf('name', 'createdAt')).toBe('none');
  });
});
