import { describe, expect, it } from 'vitest';
import { formatCustomValue } from './custom-value-format';

const context = { locale: 'en-US', memberName: (id: string) => (id === 'u1' ? 'Ana Lima' : undefined) };
const field = (type: string, options = {}) => ({ type, options }) as Parameters<typeof formatCustomValue>[0];

describe('formatCustomValue', () => {
  it('formats each type for a list cell', () => {
    expect(formatCustomValue(field('currency', { currency: 'EUR' }), 1234.5, context)).toBe('€1,234.50');
    expect(formatCustomValue(field('currency'), 3, context)).toBe('3.00');
    expect(formatCustomValue(field('percent'), 12.5, context)).toBe('12.5%');
    expect(formatCustomValue(field('number'), 1234567, context)).toBe('1,234,567');
    expect(formatCustomValue(field('boolean'), true, context)).toBe('Yes');
    expect(formatCustomValue(field('boolean'), false, context)).toBe('No');
    expect(formatCustomValue(field('date'), '2026-03-01', context)).toBe('Mar 1, 2026');
    expect(formatCustomValue(field('multi_select'), ['A', 'B'], context)).toBe('A, B');
    expect(formatCustomValue(field('phone'), '+12025550123', context)).toBe('+1 202 555 0123');
    expect(formatCustomValue(field('user'), 'u1', context)).toBe('Ana Lima');
    expect(formatCustomValue(field('user'), 'gone', context)).toBe('Former member');
    expect(formatCustomValue(field('text'), 'plain', context)).toBe('plain');
  });

  it('shows nothing for a missing value', () => {
    expect(formatCustomValue(field('text'), undefined, context)).toBe('');
    expect(formatCustomValue(field('boolean'), null, context)).toBe('');
  });
});
