import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeCell } from './neutralize-cell.js';

describe('neutralizeCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+5511987654321', `'+5511987654321`],
    ['-2+3', `'-2+3`],
    ['@SUM(1)', `'@SUM(1)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('prefixes %j with an apostrophe', (text, expected) => {
    expect(neutralizeCell(text)).toBe(expected);
  });

  it.each(['Maria Souza', '', ' =1', "'=already quoted", 'a=b', '5511987654321', 'São Paulo', '2026-01-31'])(
    'leaves %j as it is',
    (text) => {
      expect(neutralizeCell(text)).toBe(text);
    },
  );

  it('never lets a cell start with a formula character, and only ever adds one apostrophe', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const safe = neutralizeCell(text);
        expect(safe).toMatch(/^(?![=+\-@\t\r])/);
        expect(safe === text || safe === `'${text}`).toBe(true);
      }),
    );
  });
});
