import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent } from './duration-format';

describe('durations and percents in words', () => {
  it('says seconds, minutes, hours and days the way people do', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(60)).toBe('1 min');
    expect(formatDuration(4 * 60 + 10)).toBe('4 min');
    expect(formatDuration(3599)).toBe('59 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe('2 h 5 min');
    expect(formatDuration(86_399)).toBe('1 day');
    expect(formatDuration(86_400)).toBe('1 day');
    expect(formatDuration(3 * 86_400 + 4 * 3600)).toBe('3 days 4 h');
  });

  it('shows an em dash when there is nothing to measure', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
    expect(formatPercent(null)).toBe('—');
  });

  it('rounds shares to whole percents', () => {
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.834)).toBe('83%');
    expect(formatPercent(1)).toBe('100%');
  });
});
