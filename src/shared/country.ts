const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** Region codes Intl names that are not countries: unknown region, unions, outlying Oceania, pseudo-regions, and ISO's reserved codes. */
const NOT_COUNTRIES = new Set([
  'ZZ',
  'EU',
  'EZ',
  'UN',
  'QO',
  'XA',
  'XB',
  'AC',
  'CP',
  'CQ',
  'DG',
  'EA',
  'IC',
  'TA',
]);

/** True when Intl treats the code as an old alias of another (`UK` for `GB`, `BU` for `MM`). */
const isAlias = (code: string) => Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`;

/** Codes checked so far (at most 26 × 26): asking Intl costs microseconds, and imports ask once per row. */
const checkedCodes = new Map<string, boolean>();

/** True for an ISO 3166-1 alpha-2 country code such as `BR` or `US` (upper case). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  let known = checkedCodes.get(code);
  if (known === undefined) {
    known = !NOT_COUNTRIES.has(code) && regionNames.of(code) !== undefined && !isAlias(code);
    checkedCodes.set(code, known);
  }
  return known;
}

const foldName = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

let countriesByName: Map<string, string> | null = null;

/** The country code for text that is a code (`br`, `BR`) or an English country name (`Brazil`), else null. */
export function countryCodeFromText(text: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && isCountryCode(trimmed.toUpperCase())) return trimmed.toUpperCase();
  if (!countriesByName) {
    countriesByName = new Map();
    for (let a = 65; a <= 90; a++)
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        if (isCountryCode(code)) countriesByName.set(foldName(regionNames.of(code) ?? ''), code);
      }
    countriesByName.set('usa', 'US');
    countriesByName.set('uk', 'GB');
    countriesByName.set('brasil', 'BR');
  }
  return countriesByName.get(foldName(trimmed)) ?? null;
}
