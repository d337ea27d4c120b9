import { describe, expect, it } from 'vitest';
import { customCellValue, isoDateOf, plainNumberOf } from './custom-cell-value.js';

describe('customCellValue', () => {
  it.each([
    ['R$ 1.234,56', '1234.56'],
    ['$1,200.00', '1200.00'],
    ['€ 30', '30'],
    ['USD 12', '12'],
    ['1.234.567', '1234567'],
    ['2,5', '2.5'],
    ['1,234', '1234'],
    ['-3.5', '-3.5'],
    ['12%', '12'],
  ])('reads the amount %j as %s', (text, plain) => {
    expect(plainNumberOf(text)).toBe(plain);
    expect(customCellValue(text, 'currency', false)).toBe(plain);
  });

  it.each([
    ['2024-03-01', false, '2024-03-01'],
    ['01/03/2024', false, '2024-03-01'],
    ['01/03/2024', true, '2024-01-03'],
    ['25/12/2023', true, '2023-12-25'],
    ['3/1/24', true, '2024-03-01'],
    ['1 Mar 2024', false, '2024-03-01'],
    ['5 de', false, null],
  ])('reads the date %j (month first: %s) as %s', (text, monthFirst, iso) => {
    expect(isoDateOf(text, monthFirst)).toBe(iso);
  });

  it('reads yes and no in several languages, and leaves what it does not know for the field check', () => {
    expect(
      ['Sim', 'sí', 'Oui', 'ja', 'YES', 'evet'].map((w) => customCellValue(w, 'boolean', false)),
    ).toEqual(Array(6).fill('true'));
    expect(['Não', 'non', 'Nein', 'no', 'tidak'].map((w) => customCellValue(w, 'boolean', false))).toEqual(
      Array(5).fill('false'),
    );
    expect(customCellValue('maybe', 'boolean', false)).toBe('maybe');
    expect(customCellValue('soon', 'date', false)).toBe('soon');
    expect(customCellValue('as is', 'text', false)).toBe('as is');
  });
});
