import { dateFormat } from './intl-formats';
import { formatPhone } from './phone-format';

/**
 * Makes the first date formatter and reads the phone metadata now: each costs 20–40 ms the first time (the
 * browser loads its date data, the library parses its tables), time better spent while the first requests are
 * in flight than between the first rows arriving and their showing.
 */
export function warmFormatters(): void {
  dateFormat(undefined, { dateStyle: 'medium' }).format(0);
  formatPhone('+14155550123');
}
