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

/** True for an ISO 3166-1 alpha-2 country code such as `BR` or `US` (upper case). */
export function isCountryCode(code: string): boolean {
  return (
    /^[A-Z]{2}$/.test(code) &&
    !NOT_COUNTRIES.has(code) &&
    regionNames.of(code) !== undefined &&
    !isAlias(code)
  );
}
