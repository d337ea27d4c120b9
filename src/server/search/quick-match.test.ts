import { describe, expect, it } from 'vitest';
import { derivedColumns } from '../contacts/contact-mapper.js';
import { compareQuickMatches, quickMatchOf } from './quick-match.js';
import { prefixUpperBound } from './quick-search.repository.js';

const row = (names: {
  first_name?: string;
  last_name?: string;
  company?: string;
  email?: string;
  phone?: string;
}) => {
  const parts = {
    first_name: names.first_name ?? null,
    last_name: names.last_name ?? null,
    company: names.company ?? null,
    email: names.email ?? null,
    phone: names.phone ?? null,
  };
  return { ...parts, ...derivedColumns(parts) };
};
const needle = (folded: string, extra: { email?: string; phoneKeys?: string[] } = {}) => ({
  folded,
  email: extra.email ?? null,
  phoneKeys: extra.phoneKeys ?? [],
});

describe('prefixUpperBound', () => {
  it('moves the last character to the next code point, so every text with the prefix sorts below it', () => {
    expect(prefixUpperBound('mar')).toBe('mas');
    expect(prefixUpperBound('张伟')).toBe('张\u{4f20}');
    expect(prefixUpperBound('a\u{d7ff}')).toBe('a\u{e000}');
    expect(prefixUpperBound('a\u{10ffff}')).toBe('b');
    expect(prefixUpperBound('\u{10ffff}')).toBeUndefined();
    for (const text of ['mar', 'mara', 'mar\u{10ffff}', 'mar zz', 'marñ'])
      expect(Buffer.compare(Buffer.from(text), Buffer.from(prefixUpperBound('mar')!))).toBe(-1);
    expect(Buffer.compare(Buffer.from('mas'), Buffer.from(prefixUpperBound('mar')!))).toBe(0);
  });
});

describe('quickMatchOf', () => {
  const jose = row({
    first_name: 'José',
    last_name: 'Silva',
    email: 'jose@acme.com',
    phone: '+5521987654321',
  });

  it('is exact for the whole name, the email or a phone key', () => {
    expect(quickMatchOf(jose, needle('jose silva'))).toBe('exact');
    expect(quickMatchOf(jose, needle('jose@acme.com', { email: 'jose@acme.com' }))).toBe('exact');
    expect(quickMatchOf(jose, needle('5521987654321', { phoneKeys: ['+5521987654321'] }))).toBe('exact');
  });

  it('is prefix for the start of the name or of any word, substring otherwise', () => {
    expect(quickMatchOf(jose, needle('jose'))).toBe('prefix');
    expect(quickMatchOf(jose, needle('silv'))).toBe('prefix');
    expect(quickMatchOf(jose, needle('55219'))).toBe('prefix');
    expect(quickMatchOf(jose, needle('ilva'))).toBe('substring');
    expect(quickMatchOf(jose, needle('4321'))).toBe('substring');
    expect(quickMatchOf(jose, needle('acme.com'))).toBe('substring');
  });

  it('orders exact before prefix before substring, then by name and id', () => {
    const items = [
      { match: 'substring' as const, sortName: 'a', id: '1' },
      { match: 'prefix' as const, sortName: 'b', id: '2' },
      { match: 'prefix' as const, sortName: 'a', id: '4' },
      { match: 'prefix' as const, sortName: 'a', id: '3' },
      { match: 'exact' as const, sortName: 'z', id: '5' },
    ];
    expect(items.sort(compareQuickMatches).map((item) => item.id)).toEqual(['5', '3', '4', '2', '1']);
  });
});
