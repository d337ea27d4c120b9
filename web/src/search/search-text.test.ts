import { describe, expect, it } from 'vitest';
import { filterFieldsOf } from '../../../src/shared/filter/filter-fields';
import { combinedFilter, readSearchBox, writeSearchBox } from './search-text';

const fields = filterFieldsOf([{ key: 'ltv', label: 'LTV', type: 'currency', options: {} }]);

describe('search box text', () => {
  it('splits plain words (basic search) from the filter', () => {
    expect(readSearchBox('maria tag:VIP ltv>=5000 silva', fields)).toEqual({
      ok: true,
      q: 'maria silva',
      filter: {
        and: [
          { field: 'tags', op: 'has_any', value: ['VIP'] },
          { field: 'custom.ltv', op: 'gte', value: 5000 },
        ],
      },
    });
    expect(readSearchBox('  José  ', fields)).toEqual({ ok: true, q: 'José', filter: null });
    expect(readSearchBox('', fields)).toEqual({ ok: true, q: '', filter: null });
  });

  it('keeps words inside OR groups in the filter', () => {
    const meant = readSearchBox('ana OR bia', fields);
    expect(meant).toEqual({
      ok: true,
      q: '',
      filter: {
        or: [
          { field: 'search', op: 'matches', value: 'ana' },
          { field: 'search', op: 'matches', value: 'bia' },
        ],
      },
    });
  });

  it('reports the parse error with its position', () => {
    expect(readSearchBox('tag:a nope:x', fields)).toEqual({
      ok: false,
      error: { message: 'Unknown field "nope" (put text in quotes to search for it)', position: 6 },
    });
  });

  it('writes filter then words, and reads back the same', () => {
    const filter = { field: 'city', op: 'eq' as const, value: 'São Paulo' };
    const text = writeSearchBox('maria', filter, fields);
    expect(text).toBe('city:"São Paulo" maria');
    expect(readSearchBox(text, fields)).toEqual({ ok: true, q: 'maria', filter });
    expect(writeSearchBox('a:b', null, fields)).toBe('"a:b"');
    expect(writeSearchBox('', null, fields)).toBe('');
  });

  it('combines words and filter into one tree for bulk actions', () => {
    const filter = { field: 'tags', op: 'is_empty' as const };
    expect(combinedFilter('', null)).toBeNull();
    expect(combinedFilter('ana', filter)).toEqual({
      and: [filter, { field: 'search', op: 'matches', value: 'ana' }],
    });
  });
});
