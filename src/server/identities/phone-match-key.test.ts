import { describe, expect, it } from 'vitest';
import { phoneMatchKey } from './phone-match-key.js';

describe('phone match key', () => {
  it('gives an old 8-digit Brazilian mobile the ninth digit, and leaves the 9-digit form alone', () => {
    expect(phoneMatchKey('+552187654321')).toBe('+5521987654321');
    expect(phoneMatchKey('+5521987654321')).toBe('+5521987654321');
  });

  it('leaves Brazilian landlines (starting 2–5) as they are', () => {
    expect(phoneMatchKey('+551133334444')).toBe('+551133334444');
  });

  it('drops the legacy 1 of Mexican numbers', () => {
    expect(phoneMatchKey('+5215512345678')).toBe('+525512345678');
    expect(phoneMatchKey('+525512345678')).toBe('+525512345678');
  });

  it('matches Argentine mobiles with and without the 9', () => {
    expect(phoneMatchKey('+5491123456789')).toBe(phoneMatchKey('+541123456789'));
  });

  it('leaves other numbers as they are', () => {
    expect(phoneMatchKey('+16505551234')).toBe('+16505551234');
    expect(phoneMatchKey('+447911123456')).toBe('+447911123456');
  });
});
