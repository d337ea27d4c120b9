import { dateFormat } from '../ui/intl-formats';

/** When the 24-hour window closes, short: "14:32" today, "Tue 09:10" on another day. */
export function windowEndText(iso: string, now: Date = new Date()): string {
  const end = new Date(iso);
  if (Number.isNaN(end.getTime())) return iso;
  const time = dateFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(end);
  if (end.toDateString() === now.toDateString()) return time;
  return `${dateFormat(undefined, { weekday: 'short' }).format(end)} ${time}`;
}
