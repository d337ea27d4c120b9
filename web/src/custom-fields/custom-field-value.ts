import type { CustomFieldType, CustomValue } from '../../../src/shared/custom-field-types';
import type { CustomField } from '../api/types';
import { checkPhone, formatPhone } from '../ui/phone-format';
import { isEmailAddress, isWebAddress } from './value-checks';

/** What a custom field input holds while being edited (number inputs hold '' when empty). */
export type CustomInputValue = string | number | boolean | string[] | null;

/** The parts of a definition that value handling needs. */
export type FieldShape = Pick<CustomField, 'type' | 'options' | 'required' | 'label'>;

const NUMERIC: CustomFieldType[] = ['number', 'currency', 'percent'];

/** The input value of an empty field of this type. */
export function emptyInputValue(type: CustomFieldType): CustomInputValue {
  if (type === 'multi_select') return [];
  if (type === 'boolean' || type === 'select' || type === 'user') return null;
  return '';
}

/** True when an input value means "no value". */
export function isEmptyInput(value: CustomInputValue | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-01-31T14:00:00.000Z` → `2026-01-31T11:00` in the browser's zone, for a datetime-local input. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local input value (browser zone) → ISO 8601 in UTC; null when it is not a date and time. */
export function localInputToIso(local: string): string | null {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The value an input shows for a stored custom value. */
export function toInputValue(
  field: Pick<CustomField, 'type'>,
  value: CustomValue | undefined,
): CustomInputValue {
  if (value === undefined) return emptyInputValue(field.type);
  if (field.type === 'datetime' && typeof value === 'string') return isoToLocalInput(value);
  if (field.type === 'multi_select') return Array.isArray(value) ? value : [String(value)];
  return value;
}

/** The value to send to the API for an input value; null clears the field. */
export function toApiValue(
  field: Pick<CustomField, 'type'>,
  input: CustomInputValue | undefined,
): CustomValue | null {
  if (input === undefined || isEmptyInput(input)) return null;
  if (NUMERIC.includes(field.type)) return typeof input === 'number' ? input : Number(input);
  if (field.type === 'datetime' && typeof input === 'string') return localInputToIso(input) ?? input;
  if (typeof input === 'string') return input.trim();
  return input;
}

/** Checks a value as it is typed, the way the server will; a message, or null when it is fine. */
export function checkCustomInput(
  field: FieldShape,
  input: CustomInputValue | undefined,
  defaultCountry: string,
): string | null {
  if (isEmptyInput(input)) return field.required ? `${field.label} is required` : null;
  const text = typeof input === 'string' ? input.trim() : '';
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent':
      return typeof input === 'number' || Number.isFinite(Number(input)) ? null : 'Must be a number';
    case 'email':
      return isEmailAddress(text) ? null : 'Not a valid email address';
    case 'url':
      return isWebAddress(text) ? null : 'Not a web address (http or https)';
    case 'phone': {
      const check = checkPhone(text, defaultCountry);
      return check.ok ? null : check.message;
    }
    case 'datetime':
      return localInputToIso(text) ? null : 'Not a date and time';
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? null : 'Not a date';
    default:
      return null;
  }
}

/** The symbol of an ISO 4217 currency in the browser's locale (`USD` → `$`, `BRL` → `R$`). */
export function currencySymbol(code: string | undefined): string {
  if (!code) return '';
  try {
    const parts = new Intl.NumberFormat(undefined, { style: 'currency', currency: code }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? code;
  } catch {
    return code;
  }
}

/** Shows a stored value as text (`$1,200.00`, `12.5%`, `Yes`, `31 Jan 2026`); '' when empty. */
export function formatCustomValue(
  field: Pick<CustomField, 'type' | 'options'>,
  value: unknown,
  memberName?: (id: string) => string | undefined,
): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'currency':
      try {
        return new Intl.NumberFormat(undefined, {
          style: 'currency',
          currency: field.options.currency ?? 'USD',
        }).format(Number(value));
      } catch {
        return String(value);
      }
    case 'number':
      return new Intl.NumberFormat().format(Number(value));
    case 'percent':
      return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 }).format(Number(value))}%`;
    case 'boolean':
      return value === true ? 'Yes' : 'No';
    case 'date': {
      const date = new Date(`${String(value)}T00:00:00Z`);
      return Number.isNaN(date.getTime())
        ? String(value)
        : date.toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
    }
    case 'datetime': {
      const date = new Date(String(value));
      return Number.isNaN(date.getTime())
        ? String(value)
        : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    }
    case 'multi_select':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'phone':
      return formatPhone(String(value));
    case 'user':
      return memberName?.(String(value)) ?? 'A former member';
    default:
      return String(value);
  }
}

/** True when two input values are the same (lists compared item by item). */
export function sameInputValue(a: CustomInputValue | undefined, b: CustomInputValue | undefined): boolean {
  if (isEmptyInput(a) && isEmptyInput(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
