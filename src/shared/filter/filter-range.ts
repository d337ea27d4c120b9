import { durationMs, type FilterCondition } from './filter-tree.js';

/**
 * The bounds a date or time condition compares with, as strings compared bytewise: `YYYY-MM-DD` for dates,
 * canonical ISO instants (`2026-01-31T14:00:00.000Z`) for date-times. The SQL compiler and the in-memory
 * evaluator both read them from here, so that both sides draw the same lines.
 */
export interface FilterRange {
  from?: string | undefined;
  fromInclusive: boolean;
  to?: string | undefined;
  toInclusive: boolean;
}

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const startOfDay = (date: string) => `${date}T00:00:00.000Z`;
const startOfNextDay = (date: string) => new Date(Date.parse(startOfDay(date)) + DAY_MS).toISOString();

/** The range of a condition on a `date` field (values are `YYYY-MM-DD`); `now` decides relative durations. */
export function dateRangeOf(condition: FilterCondition, now: number): FilterRange {
  const { op, value } = condition;
  const [low, high] = Array.isArray(value) ? value.map(String) : [String(value), String(value)];
  const ago = dayOf(now - (durationMs(value) ?? 0));
  switch (op) {
    case 'eq':
      return { from: low, fromInclusive: true, to: low, toInclusive: true };
    case 'before':
      return { to: low, toInclusive: false, fromInclusive: false };
    case 'after':
      return { from: low, fromInclusive: false, toInclusive: false };
    case 'between':
      return { from: low, fromInclusive: true, to: high, toInclusive: true };
    case 'within_last':
      return { from: ago, fromInclusive: true, to: dayOf(now), toInclusive: true };
    case 'more_than_ago':
      return { to: ago, toInclusive: false, fromInclusive: false };
    default:
      throw new Error(`${op} is not a date operator`);
  }
}

/**
 * The range of a condition on a `datetime` field. A date given for a date-time covers that whole UTC day:
 * `before` its start, `after` its end, `between` from the start of the first day to the end of the last.
 */
export function instantRangeOf(condition: FilterCondition, now: number): FilterRange {
  const { op, value } = condition;
  const [low = '', high = ''] = Array.isArray(value) ? value.map(String) : [String(value), String(value)];
  const ago = new Date(now - (durationMs(value) ?? 0)).toISOString();
  switch (op) {
    case 'before':
      return { to: DATE_ONLY.test(low) ? startOfDay(low) : low, toInclusive: false, fromInclusive: false };
    case 'after':
      return DATE_ONLY.test(low)
        ? { from: startOfNextDay(low), fromInclusive: true, toInclusive: false }
        : { from: low, fromInclusive: false, toInclusive: false };
    case 'between':
      return {
        from: DATE_ONLY.test(low) ? startOfDay(low) : low,
        fromInclusive: true,
        to: DATE_ONLY.test(high) ? startOfNextDay(high) : high,
        toInclusive: !DATE_ONLY.test(high),
      };
    case 'within_last':
      return { from: ago, fromInclusive: true, to: new Date(now).toISOString(), toInclusive: true };
    case 'more_than_ago':
      return { to: ago, toInclusive: false, fromInclusive: false };
    default:
      throw new Error(`${op} is not a date-time operator`);
  }
}

/** True when a stored value lies in the range (a missing value never does). */
export function inRange(value: string | null | undefined, range: FilterRange): boolean {
  if (value === null || value === undefined) return false;
  if (range.from !== undefined && (range.fromInclusive ? value < range.from : value <= range.from))
    return false;
  if (range.to !== undefined && (range.toInclusive ? value > range.to : value >= range.to)) return false;
  return true;
}
