import type { CustomValue } from '../../../src/shared/custom-field-types';
import type { CustomField } from '../api/types';
import { dateFormat, numberFormat } from '../ui/intl-formats';
import { formatPhone } from '../ui/phone-format';

/** What formatting needs besides the value: the locale and the workspace's members (for user fields). */
export interface FormatContext {
  locale?: string;
  memberName(id: string): string | undefined;
}

/** A date-only value (`2026-03-01`) as a short date, read in UTC so it never shifts by a day. */
export function formatDateOnly(value: string, locale?: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A timestamp as a short date in the browser's zone. */
export function formatDate(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** A timestamp as date and time in the browser's zone. */
export function formatDateTime(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** An amount with its currency symbol (`$1,234.50`); a plain number when the currency code is unknown. */
export function formatCurrency(amount: number, currency: string | undefined, locale?: string): string {
  if (currency) {
    try {
      return numberFormat(locale, { style: 'currency', currency }).format(amount);
    } catch {
      return `${numberFormat(locale).format(amount)} ${currency}`;
    }
  }
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

/** A number as people read it (`12,345.5`). */
export function formatNumber(value: number, locale?: string): string {
  return numberFormat(locale, { maximumFractionDigits: 6 }).format(value);
}

/** A custom value as text for a list cell; '' when there is none. */
export function formatCustomValue(
  field: Pick<CustomField, 'type' | 'options'>,
  value: CustomValue | null | undefined,
  context: FormatContext,
): string {
  if (value === null || value === undefined || value === '') return '';
  const { locale } = context;
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? formatNumber(value, locale) : String(value);
    case 'currency':
      return typeof value === 'number'
        ? formatCurrency(value, field.options.currency, locale)
        : String(value);
    case 'percent':
      return typeof value === 'number' ? `${formatNumber(value, locale)}%` : String(value);
    case 'boolean':
      return value === true ? 'Yes' : value === false ? 'No' : String(value);
    case 'date':
      return typeof value === 'string' ? formatDateOnly(value, locale) : String(value);
    case 'datetime':
      return typeof value === 'string' ? formatDateTime(value, locale) : String(value);
    case 'multi_select':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'phone':
      return typeof value === 'string' ? formatPhone(value) : String(value);
    case 'user':
      return typeof value === 'string' ? (context.memberName(value) ?? 'Former member') : String(value);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}
