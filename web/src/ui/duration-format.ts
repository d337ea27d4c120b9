const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const unit = (count: number, singular: string, pluralForm: string) =>
  `${count} ${count === 1 ? singular : pluralForm}`;

/** A duration as people say it: "40 s", "4 min", "2 h 5 min", "3 days 4 h"; an em dash when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < MINUTE) return `${Math.round(seconds)} s`;
  if (seconds < HOUR) return `${Math.min(59, Math.round(seconds / MINUTE))} min`;
  if (seconds < DAY) {
    const minutes = Math.round(seconds / MINUTE);
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return hours >= 24 ? '1 day' : rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  const hours = Math.round(seconds / HOUR);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${unit(days, 'day', 'days')} ${rest} h` : unit(days, 'day', 'days');
}

/** A share from 0 to 1 as a whole percent ("83%"); an em dash when unknown. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${Math.round(rate * 100)}%`;
}
