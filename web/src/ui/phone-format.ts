import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { preparePhoneInput } from '../../../src/shared/phone-input';

/** The outcome of checking a phone number as it is typed. */
export type PhoneCheck = { ok: true; e164: string; display: string } | { ok: false; message: string };

/** Validates and normalises a phone number the way the server will (numbers without + use the workspace country). */
export function checkPhone(raw: string, defaultCountry: string): PhoneCheck {
  const prepared = preparePhoneInput(raw);
  const local = parsePhoneNumberFromString(prepared, defaultCountry as CountryCode);
  const parsed =
    !local?.isValid() && /^\d{11,15}$/.test(prepared) ? parsePhoneNumberFromString(`+${prepared}`) : local;
  if (!parsed || !parsed.isValid())
    return {
      ok: false,
      message: `Not a valid phone number (numbers without a country code are read as ${defaultCountry})`,
    };
  return { ok: true, e164: parsed.number, display: parsed.formatInternational() };
}

/** Formatted numbers kept, since a scrolling list formats the same numbers again and again (each parse ~0.1 ms). */
const FORMAT_CACHE_SIZE = 2_000;
const formatted = new Map<string, string>();

/** Shows a stored E.164 number in international format (`+55 11 91234 5678`); other text as it is. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const known = formatted.get(e164);
  if (known !== undefined) return known;
  const text = parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
  if (formatted.size >= FORMAT_CACHE_SIZE) formatted.clear();
  formatted.set(e164, text);
  return text;
}
