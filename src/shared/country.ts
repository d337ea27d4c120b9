const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** Region codes Intl names that are not countries: unknown region, unions, outlying Oceania. */
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO']);

/** True for an ISO 3166-1 alpha-2 country code such as `BR` or `US` (upper case). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regionNames.of(code) !== undefined;
}
