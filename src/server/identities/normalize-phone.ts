import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { preparePhoneInput } from '../../shared/phone-input.js';

/** A Mexican mobile in the pre-2019 form WhatsApp still uses (`+52 1 …`, 13 digits): the same number without the 1. */
const MEXICAN_LEGACY_MOBILE = /^521(\d{10})$/;

/**
 * E.164 (`+5511987654321`) for any way a person writes a valid number, or null when it is not one. A number
 * that is not valid in the default country but is valid with a leading `+` (`5511987654321`, the way WhatsApp
 * and many exports write numbers) is read as international; a Mexican mobile with the old `1` after 52 is
 * read without it.
 */
export function normalizePhone(raw: string, defaultCountry: string): string | null {
  const key = raw.startsWith('+') ? raw : `${defaultCountry}|${raw}`;
  const known = recent.get(key);
  if (known !== undefined) return known;
  const e164 = parsePhone(raw, defaultCountry);
  if (recent.size >= RECENT_SIZE) recent.clear();
  recent.set(key, e164);
  // The number it gives normalises to itself: an import reads a phone, then saves the contact with it.
  if (e164) recent.set(e164, e164);
  return e164;
}

/**
 * Numbers normalised lately, by the text given (and the default country, for text without a `+`): parsing one
 * costs tens of microseconds, and an import or a burst of messages meets the same numbers again.
 */
const RECENT_SIZE = 20_000;
const recent = new Map<string, string | null>();

function parsePhone(raw: string, defaultCountry: string): string | null {
  const prepared = preparePhoneInput(raw);
  if (!/\d/.test(prepared)) return null;
  const parsed = parsePhoneNumberFromString(prepared, defaultCountry as CountryCode);
  if (parsed?.isValid()) return parsed.number;
  const digits = prepared.replace(/[\s().\-/]/g, '').replace(/^\+/, '');
  if (!/^\d{11,15}$/.test(digits)) return null;
  const mexican = MEXICAN_LEGACY_MOBILE.exec(digits);
  const international = parsePhoneNumberFromString(`+${mexican ? `52${mexican[1]}` : digits}`);
  return international?.isValid() ? international.number : null;
}
