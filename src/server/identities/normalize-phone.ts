import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { preparePhoneInput } from '../../shared/phone-input.js';

/** E.164 (`+5511987654321`) for any way a person writes a valid number, or null when it is not one. */
export function normalizePhone(raw: string, defaultCountry: string): string | null {
  const prepared = preparePhoneInput(raw);
  if (!/\d/.test(prepared)) return null;
  const parsed = parsePhoneNumberFromString(prepared, defaultCountry as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}
