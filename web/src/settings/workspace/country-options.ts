import { getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js/min';
import { isCountryCode } from '../../../../src/shared/country';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function callingCode(code: string): string {
  return isSupportedCountry(code) ? ` · +${getCountryCallingCode(code)}` : '';
}

/** Every ISO 3166-1 country as a select option, by English name: "Brazil (BR) · +55". */
export function countryOptions(): Array<{ value: string; label: string }> {
  const options: Array<{ value: string; label: string }> = [];
  for (const first of LETTERS)
    for (const second of LETTERS) {
      const code = `${first}${second}`;
      if (isCountryCode(code))
        options.push({ value: code, label: `${regionNames.of(code) ?? code} (${code})${callingCode(code)}` });
    }
  return options.sort((a, b) => a.label.localeCompare(b.label));
}

/** A country's English name: `BR` → "Brazil". */
export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}
