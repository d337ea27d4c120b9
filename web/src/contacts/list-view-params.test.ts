import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS, nextSort, readListView, sortDirectionOf, writeListView } from './list-view-params';

describe('list view in the URL', () => {
  it('reads defaults from an empty URL and writes nothing back for them', () => {
    const view = readListView(new URLSearchParams());
    expect(view).toEqual({ q: '', sort: 'name', columns: [...DEFAULT_COLUMNS] });
    expect(writeListView(view).toString()).toBe('');
  });

  it('round-trips search, sort and columns', () => {
    const view = { q: 'maria silva', sort: '-createdAt' as const, columns: ['email', 'cf:plan', 'tags'] };
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
    expect(readListView(writeListView({ q: '', sort: 'name', columns: [] })).columns).toEqual([]);
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
