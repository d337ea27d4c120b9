import { describe, expect, it } from 'vitest';
import { checkDraft, parseLooseNumber } from './cell-draft-check';

const rules = { defaultCountry: 'US', locale: 'en-US' };

describe('checkDraft', () => {
  it('normalises a national phone number and shows how it will be saved', () => {
    expect(checkDraft('(202) 555-0123', { ...rules, kind: 'phone' })).toEqual({
      ok: true,
      value: '+12025550123',
      hint: 'Saved as +1 202 555 0123',
    });
  });

  it('refuses an impossible phone number', () => {
    const result = checkDraft('12345', { ...rules, kind: 'phone' });
    expect(result.ok).toBe(false);
  });

  it('clears the value when the draft is empty', () => {
    expect(checkDraft('  ', { ...rules, kind: 'email' })).toEqual({ ok: true, value: null });
  });

  it('checks and lower-cases emails', () => {
    expect(checkDraft('Ana@Example.COM', { ...rules, kind: 'email' })).toEqual({
      ok: true,
      value: 'ana@example.com',
    });
    expect(checkDraft('ana@', { ...rules, kind: 'email' })).toMatchObject({ ok: false });
  });

  it('reads amounts with symbols and separators, and shows them in the field currency', () => {
    expect(checkDraft('$1,234.5', { ...rules, kind: 'currency', currency: 'USD' })).toEqual({
      ok: true,
      value: 1234.5,
      hint: 'Saved as $1,234.50',
    });
    expect(checkDraft('abc', { ...rules, kind: 'number' })).toEqual({
      ok: false,
      message: 'Must be a number',
    });
  });

  it('accepts web addresses without a scheme and refuses other schemes', () => {
    expect(checkDraft('example.com/a', { ...rules, kind: 'url' })).toMatchObject({
      ok: true,
      value: 'https://example.com/a',
    });
    expect(checkDraft('javascript:alert(1)', { ...rules, kind: 'url' })).toMatchObject({ ok: false });
  });

  it('checks dates, choices, booleans and lengths', () => {
    expect(checkDraft('2026-02-30', { ...rules, kind: 'date' })).toMatchObject({ ok: false });
    expect(checkDraft('2026-02-28', { ...rules, kind: 'date' })).toEqual({ ok: true, value: '2026-02-28' });
    expect(checkDraft('pro', { ...rules, kind: 'select', choices: ['Free', 'Pro'] })).toEqual({
      ok: true,
      value: 'Pro',
    });
    expect(checkDraft('Gold', { ...rules, kind: 'select', choices: ['Free', 'Pro'] })).toMatchObject({
      ok: false,
    });
    expect(checkDraft('false', { ...rules, kind: 'boolean' })).toEqual({ ok: true, value: false });
    expect(checkDraft('abcdef', { ...rules, kind: 'text', maxLength: 5 })).toEqual({
      ok: false,
      message: 'At most 5 characters',
    });
  });
});

describe('parseLooseNumber', () => {
  it('reads what people type', () => {
    expect(parseLooseNumber('12 %')).toBe(12);
    expect(parseLooseNumber('R$ 1,000')).toBe(1000);
    expect(parseLooseNumber('1.2.3')).toBeNull();
  });
});
