const currencyNames = new Intl.DisplayNames(['en'], { type: 'currency' });
const COMMON = ['USD', 'EUR', 'GBP', 'BRL', 'MXN', 'INR', 'CAD', 'AUD', 'JPY', 'CHF'];

function allCurrencies(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const codes = supported ? supported('currency') : COMMON;
  return [...COMMON, ...codes.filter((code) => !COMMON.includes(code))];
}

/** ISO 4217 currencies for a currency field: the common ones first, then every other, as "USD · US Dollar". */
export const CURRENCY_OPTIONS = allCurrencies().map((code) => ({
  value: code,
  label: `${code} · ${currencyNames.of(code) ?? code}`,
}));
