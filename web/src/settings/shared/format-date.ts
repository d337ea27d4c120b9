const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** A day in the reader's locale: "12 Mar 2026". */
export function formatDay(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** A moment in the reader's locale, for tooltips and titles. */
export function formatMoment(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** How long ago: "3 days ago", "yesterday", "just now". */
export function formatAgo(iso: string, now = Date.now()): string {
  let amount = (new Date(iso).getTime() - now) / 1000;
  if (Math.abs(amount) < 45) return 'just now';
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return formatDay(iso);
}
