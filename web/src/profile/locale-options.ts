import { isCountryCode } from '../../../src/shared/country';

/** An option of a select: stored value and the label people read. */
export interface Option {
  value: string;
  label: string;
}

const COMMON_LANGUAGES = [
  'en', 'en-US', 'en-GB', 'es', 'es-MX', 'es-ES', 'pt', 'pt-BR', 'pt-PT', 'fr', 'fr-CA', 'de', 'it', 'nl',
  'pl', 'ru', 'uk', 'tr', 'ar', 'he', 'fa', 'hi', 'bn', 'ur', 'id', 'ms', 'th', 'vi', 'fil', 'zh-Hans',
  'zh-Hant', 'ja', 'ko', 'sv', 'nb', 'da', 'fi', 'el', 'cs', 'hu', 'ro', 'sw', 'af', 'zu',
]; // prettier-ignore

let countries: Option[] | null = null;

/** Every ISO 3166-1 country, named in English and sorted by name. */
export function countryOptions(): Option[] {
  if (countries) return countries;
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const list: Option[] = [];
  for (const first of letters) {
    for (const second of letters) {
      const code = `${first}${second}`;
      if (isCountryCode(code)) list.push({ value: code, label: names.of(code) ?? code });
    }
  }
  countries = list.sort((a, b) => a.label.localeCompare(b.label));
  return countries;
}

/** Common languages (and the current one, if it is not among them), as `Portuguese (Brazil) · pt-BR`. */
export function languageOptions(current: string | null): Option[] {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  const codes =
    current && !COMMON_LANGUAGES.includes(current) ? [current, ...COMMON_LANGUAGES] : COMMON_LANGUAGES;
  return codes.map((code) => {
    let name = code;
    try {
      name = names.of(code) ?? code;
    } catch {
      name = code;
    }
    return { value: code, label: `${name} · ${code}` };
  });
}

/** Every IANA time zone the browser knows (and the current one), as `America/Sao Paulo`. */
export function timeZoneOptions(current: string | null): Option[] {
  const zones = Intl.supportedValuesOf('timeZone');
  const all = current && !zones.includes(current) ? [current, ...zones] : zones;
  return all.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}
