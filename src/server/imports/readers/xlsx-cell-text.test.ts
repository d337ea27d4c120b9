import { describe, expect, it } from 'vitest';
import { dateText, isDateFormat, plainNumber, xlsxCellText } from './xlsx-cell-text.js';

describe('xlsxCellText', () => {
  it('writes numbers in plain decimal, never with an exponent', () => {
    expect(plainNumber(5511987654321)).toBe('5511987654321');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(-1.5e22)).toBe('-15000000000000000000000');
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(-2.5e-8)).toBe('-0.000000025');
    expect(plainNumber(12.75)).toBe('12.75');
    expect(plainNumber(Number.NaN)).toBe('');
  });

  it('writes dates as YYYY-MM-DD, with the time of day only when there is one', () => {
    expect(dateText(new Date(Date.UTC(1990, 4, 17)))).toBe('1990-05-17');
    expect(dateText(new Date(Date.UTC(1990, 4, 17, 0, 0, 0, 400)))).toBe('1990-05-17');
    expect(dateText(new Date(Date.UTC(2024, 2, 5, 14, 29, 59, 700)))).toBe('2024-03-05T14:30:00');
    expect(dateText(new Date(Number.NaN))).toBe('');
  });

  it('tells date formats from number formats', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[$-409]h:mm AM/PM')).toBe(true);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('"Day" 0')).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });

  it('turns every kind of cell value into text', () => {
    expect(xlsxCellText(null)).toBe('');
    expect(xlsxCellText('a_x000D_b')).toBe('a\rb');
    expect(xlsxCellText(true)).toBe('true');
    expect(xlsxCellText(false)).toBe('false');
    expect(xlsxCellText({ richText: [{ text: 'Bold' }, { text: ' plain' }] })).toBe('Bold plain');
    expect(xlsxCellText({ text: 'site', hyperlink: 'https://x.example' })).toBe('site');
    expect(xlsxCellText({ error: '#DIV/0!' })).toBe('');
    expect(xlsxCellText({ formula: 'A1&B1', result: 'ab' })).toBe('ab');
    expect(xlsxCellText({ formula: '1/0', result: { error: '#DIV/0!' } })).toBe('');
    expect(xlsxCellText({ formula: 'NOW()' })).toBe('');
    expect(xlsxCellText({ sharedFormula: 'A1', result: 5511987654321 })).toBe('5511987654321');
    expect(xlsxCellText({ formula: 'DATE(2020,1,2)', result: 43832 }, 'dd/mm/yyyy')).toBe('2020-01-02');
    expect(xlsxCellText({ formula: 'A1+1', result: 43832 }, 'General')).toBe('43832');
  });
});
