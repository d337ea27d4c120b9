import { describe, expect, it } from 'vitest';
import type { CustomField } from '../api/types';
import {
  checkCustomInput,
  formatCustomValue,
  isoToLocalInput,
  localInputToIso,
  sameInputValue,
  toApiValue,
  toInputValue,
} from './custom-field-value';

const field = (type: CustomField['type'], extra: Partial<CustomField> = {}) =>
  ({ type, options: {}, required: false, label: 'Field', ...extra }) as CustomField;

describe('custom field values', () => {
  it('turns stored values into input values and back, blanks clearing the field', () => {
    expect(toInputValue(field('multi_select'), undefined)).toEqual([]);
    expect(toInputValue(field('select'), undefined)).toBeNull();
    expect(toInputValue(field('currency'), 12.5)).toBe(12.5);
    expect(toApiValue(field('currency'), '')).toBeNull();
    expect(toApiValue(field('number'), '42')).toBe(42);
    expect(toApiValue(field('text'), '  hi  ')).toBe('hi');
    expect(toApiValue(field('multi_select'), [])).toBeNull();
    expect(toApiValue(field('boolean'), false)).toBe(false);
  });

  it('round-trips a date and time through the local datetime input', () => {
    const iso = '2026-01-31T14:05:00.000Z';
    const local = isoToLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(localInputToIso(local)).toBe(iso);
    expect(toApiValue(field('datetime'), local)).toBe(iso);
  });

  it('checks values as they are typed, like the server', () => {
    expect(checkCustomInput(field('email'), 'ana@', 'US')).toBe('Not a valid email address');
    expect(checkCustomInput(field('email'), 'ana@example.com', 'US')).toBeNull();
    expect(checkCustomInput(field('url'), 'javascript:alert(1)', 'US')).toMatch(/web address/);
    expect(checkCustomInput(field('url'), 'example.com/page', 'US')).toBeNull();
    expect(checkCustomInput(field('phone'), '123', 'US')).toMatch(/Not a valid phone number/);
    expect(checkCustomInput(field('phone'), '(415) 555-0111', 'US')).toBeNull();
    expect(checkCustomInput(field('text', { required: true, label: 'Plan' }), ' ', 'US')).toBe(
      'Plan is required',
    );
    expect(checkCustomInput(field('text'), '', 'US')).toBeNull();
  });

  it('formats stored values for reading', () => {
    expect(formatCustomValue(field('currency', { options: { currency: 'USD' } }), 1200)).toMatch(/1,200\.00/);
    expect(formatCustomValue(field('percent'), 12.5)).toBe('12.5%');
    expect(formatCustomValue(field('boolean'), false)).toBe('No');
    expect(formatCustomValue(field('multi_select'), ['A', 'B'])).toBe('A, B');
    expect(formatCustomValue(field('user'), 'u1', (id) => (id === 'u1' ? 'Ana' : undefined))).toBe('Ana');
    expect(formatCustomValue(field('text'), null)).toBe('');
  });

  it('treats every kind of blank as the same value', () => {
    expect(sameInputValue('', null)).toBe(true);
    expect(sameInputValue([], null)).toBe(true);
    expect(sameInputValue(false, null)).toBe(false);
    expect(sameInputValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameInputValue(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});
