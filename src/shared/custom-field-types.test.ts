import { afterEach, describe, expect, it } from 'vitest';
import {
  normalizeCustomValue,
  type CustomFieldOptions,
  type CustomFieldType,
  type CustomValueChecks,
} from './custom-field-types.js';

const checks: CustomValueChecks = {
  normalizePhone: (raw) => (raw.replace(/\D/g, '').endsWith('4155550132') ? '+14155550132' : null),
};

const normalize = (type: CustomFieldType, raw: unknown, options: CustomFieldOptions = {}) =>
  normalizeCustomValue({ type, options }, raw, checks);

const accepted = (type: CustomFieldType, raw: unknown, options?: CustomFieldOptions) => {
  const result = normalize(type, raw, options);
  if (!result.ok) throw new Error(`${type} refused ${JSON.stringify(raw)}: ${result.message}`);
  return result.value;
};

const refusal = (type: CustomFieldType, raw: unknown, options?: CustomFieldOptions) => {
  const result = normalize(type, raw, options);
  if (result.ok)
    throw new Error(`${type} accepted ${JSON.stringify(raw)} as ${JSON.stringify(result.value)}`);
  return result.message;
};

describe('normalizeCustomValue', () => {
  it('trims text, accepts numbers as text and bounds the length of each text type', () => {
    expect(accepted('text', '  Gold member ')).toBe('Gold member');
    expect(accepted('text', 42)).toBe('42');
    expect(refusal('text', { nested: true })).toBe('must be text');
    expect(refusal('text', 'x'.repeat(1001))).toBe('must be at most 1000 characters');
    expect(accepted('long_text', 'x'.repeat(5000))).toHaveLength(5000);
    expect(refusal('long_text', 'x'.repeat(20001))).toBe('must be at most 20000 characters');
  });

  it.each([
    ['number', 42, 42],
    ['number', '1,234', 1234],
    ['number', ' -7.5 ', -7.5],
    ['number', '1e3', 1000],
    ['number', '.5', 0.5],
    ['currency', '$1,200.50', 1200.5],
    ['currency', '€ 99', 99],
    ['currency', 'USD 1,000', 1000],
    ['currency', '-$5', -5],
    ['percent', '12.5%', 12.5],
    ['percent', 0, 0],
  ] as const)('reads the %s %j as %j', (type, raw, value) => {
    expect(accepted(type, raw)).toBe(value);
  });

  it.each([['abc'], ['$'], ['Infinity'], ['12abc'], ['0x10'], [''], ['  '], [true], [Number.NaN], [[1]]])(
    'refuses %j as a number instead of reading it as zero or guessing',
    (raw) => {
      expect(refusal('number', raw)).toBe('must be a number');
      expect(refusal('currency', raw)).toBe('must be a number');
    },
  );

  it('accepts real dates only, as YYYY-MM-DD', () => {
    expect(accepted('date', ' 2024-02-29 ')).toBe('2024-02-29');
    for (const raw of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-5', '31/01/2026', 20260131]) {
      expect(refusal('date', raw)).toBe('must be a date as YYYY-MM-DD');
    }
  });

  describe('datetime', () => {
    const zone = process.env.TZ;
    afterEach(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });

    it('normalises to ISO UTC, honouring the offset given', () => {
      expect(accepted('datetime', '2026-01-31T14:00:00+02:00')).toBe('2026-01-31T12:00:00.000Z');
      expect(accepted('datetime', '2026-01-31T14:00:00-0300')).toBe('2026-01-31T17:00:00.000Z');
      expect(accepted('datetime', '2026-01-31T14:00:00.250Z')).toBe('2026-01-31T14:00:00.250Z');
    });

    it('reads a time without an offset as UTC, whatever the server time zone', () => {
      process.env.TZ = 'America/Sao_Paulo';
      expect(accepted('datetime', '2026-01-31T14:00:00')).toBe('2026-01-31T14:00:00.000Z');
      expect(accepted('datetime', '2026-01-31T14:00')).toBe('2026-01-31T14:00:00.000Z');
    });

    it('refuses dates alone, impossible days and anything else', () => {
      for (const raw of [
        '2026-01-31',
        '2026-02-30T10:00:00Z',
        '2026-01-31T25:00:00Z',
        'tomorrow',
        1769868000000,
      ]) {
        expect(refusal('datetime', raw)).toMatch(/^must be a date and time in ISO 8601/);
      }
    });
  });

  it.each([
    [true, true],
    [false, false],
    ['yes', true],
    [' YES ', true],
    ['y', true],
    ['1', true],
    [1, true],
    ['true', true],
    ['no', false],
    ['N', false],
    [0, false],
    ['False', false],
  ])('reads the boolean %j as %j', (raw, value) => {
    expect(accepted('boolean', raw)).toBe(value);
  });

  it('refuses booleans it cannot read', () => {
    for (const raw of ['maybe', 2, '', {}]) expect(refusal('boolean', raw)).toBe('must be true or false');
  });

  it('matches a select choice ignoring case and spaces, returning the choice as defined', () => {
    const options = { choices: ['Free', 'Pro', 'Enterprise'] };
    expect(accepted('select', ' pro ', options)).toBe('Pro');
    expect(accepted('select', 'ENTERPRISE', options)).toBe('Enterprise');
    expect(refusal('select', 'Platinum', options)).toBe('must be one of: Free, Pro, Enterprise');
    expect(refusal('select', ['Pro'], options)).toBe('must be one of: Free, Pro, Enterprise');
  });

  it('takes a multi-select as a list or a comma/semicolon string, matched and deduplicated in order', () => {
    const options = { choices: ['Red', 'Green', 'Blue'] };
    expect(accepted('multi_select', ['blue', 'Red', 'BLUE'], options)).toEqual(['Blue', 'Red']);
    expect(accepted('multi_select', 'green; red ,, Green', options)).toEqual(['Green', 'Red']);
    expect(refusal('multi_select', ['Red', 'Purple'], options)).toBe(
      '"Purple" is not one of: Red, Green, Blue',
    );
    expect(refusal('multi_select', [7], options)).toBe('"7" is not one of: Red, Green, Blue');
    expect(refusal('multi_select', 7, options)).toBe('must be a list of choices');
  });

  it('accepts web addresses only, adding https to bare domains', () => {
    expect(accepted('url', 'example.com/pricing')).toBe('https://example.com/pricing');
    expect(accepted('url', ' http://shop.example.com ')).toBe('http://shop.example.com/');
    for (const raw of ['javascript:alert(1)', 'ftp://files.example.com', 'localhost', 'not a url', 12]) {
      expect(refusal('url', raw)).toBe('must be a web address (http or https)');
    }
  });

  it('lower-cases emails and refuses invalid ones', () => {
    expect(accepted('email', ' Ana@Example.COM ')).toBe('ana@example.com');
    expect(refusal('email', 'ana@')).toBe('must be a valid email address');
    expect(refusal('email', 42)).toBe('must be a valid email address');
  });

  it('normalises phones through the check it is given', () => {
    expect(accepted('phone', '(415) 555-0132')).toBe('+14155550132');
    expect(accepted('phone', 14155550132)).toBe('+14155550132');
    expect(refusal('phone', '555')).toBe('must be a valid phone number');
    expect(refusal('phone', true)).toBe('must be a valid phone number');
  });

  it('takes a user as a trimmed id (membership is checked by the caller)', () => {
    expect(accepted('user', ' 0190-user ')).toBe('0190-user');
    expect(refusal('user', '  ')).toBe('must be the id of a workspace member');
    expect(refusal('user', 7)).toBe('must be the id of a workspace member');
  });
});
