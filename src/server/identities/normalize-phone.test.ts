import { describe, expect, it } from 'vitest';
import { normalizePhone } from './normalize-phone.js';

describe('normalizePhone', () => {
  it.each([
    ['+1 415 555 0132', 'US', '+14155550132'],
    ['(415) 555-0132', 'US', '+14155550132'],
    ['415.555.0132', 'US', '+14155550132'],
    ['1-415-555-0132', 'US', '+14155550132'],
    ['  +1 (415) 555–0132  ', 'US', '+14155550132'],
    ['tel:+14155550132', 'US', '+14155550132'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['020-7946-0958', 'GB', '+442079460958'],
    ['+44 (0) 20 7946 0958', 'US', '+442079460958'],
    ['0044 20 7946 0958', 'US', '+442079460958'],
    ['00 44 20 7946 0958', 'US', '+442079460958'],
    ['(11) 98765-4321', 'BR', '+5511987654321'],
    ['011 98765 4321', 'BR', '+5511987654321'],
    ['+55 11 98765-4321', 'US', '+5511987654321'],
    ['00.55.11.98765.4321', 'GB', '+5511987654321'],
    ['030 901820', 'DE', '+4930901820'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
  ])('reads %j with default country %s as %s', (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toBe(e164);
  });

  it('reads a number without a country code in the default country, not another one', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalizePhone('020 7946 0958', 'US')).toBeNull();
  });

  it.each([
    ['', 'US'],
    ['   ', 'US'],
    ['abc', 'US'],
    ['12', 'US'],
    ['12345', 'US'],
    ['+1 555 555 55555', 'US'],
    ['98765-4321', 'BR'],
    ['+999 1234 5678', 'US'],
  ])('refuses %j (default %s) as not a valid number', (raw, country) => {
    expect(normalizePhone(raw, country)).toBeNull();
  });
});
