import { foldText } from '../../../shared/text-fold.js';

/** Yes/no words, folded like the values they are compared with. */
const BOOLEAN_WORDS = new Set(
  [
    'yes',
    'no',
    'y',
    'n',
    'true',
    'false',
    'sim',
    'nao',
    'si',
    'verdadeiro',
    'verdadero',
    'falso',
    'oui',
    'non',
    'vrai',
    'faux',
    'ja',
    'nein',
    'wahr',
    'falsch',
    'vero',
    'nee',
    'waar',
    'onwaar',
    'ya',
    'tidak',
    'benar',
    'salah',
    'evet',
    'hayır',
    'doğru',
    'yanlış',
  ].map((word) => foldText(word)),
);

/** An unsigned amount: `1200`, `12,5`, `1.234,56`, `1,200.00`, `1 234,56`. */
const AMOUNT = String.raw`(?:\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)`;
const NUMBER = new RegExp(String.raw`^[-+]?${AMOUNT}$`);
const PERCENT = new RegExp(String.raw`^[-+]?${AMOUNT}\s?%$`);
const CURRENCY_CODES =
  'USD|EUR|GBP|BRL|MXN|ARS|COP|CLP|PEN|UYU|CAD|AUD|NZD|CHF|JPY|CNY|INR|IDR|TRY|ZAR|NGN|KES|EGP|AED|SAR|ILS|PLN|SEK|NOK|DKK|CZK|HUF|RON|PHP|MYR|SGD|HKD|THB|VND|KRW';
const CURRENCY = String.raw`(?:R\$|US\$|C\$|A\$|\$|€|£|¥|₹|₺|₩|₱|₦|₫|Rp\.?|kr|zł|${CURRENCY_CODES})`;
const MONEY = new RegExp(
  String.raw`^[-+]?\s*(?:${CURRENCY}\s*[-+]?\s*${AMOUNT}|${AMOUNT}\s*${CURRENCY})$`,
  'i',
);

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const YEAR_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4})$/u;
const MONTH_DAY_YEAR = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u;
/** First letters of month names and abbreviations in the languages imports meet (folded: no accents). */
const MONTH_PREFIXES = new Set([
  'jan',
  'ene',
  'gen',
  'feb',
  'fev',
  'mar',
  'maa',
  'mrt',
  'apr',
  'abr',
  'avr',
  'may',
  'mai',
  'mei',
  'mag',
  'jun',
  'jui',
  'giu',
  'jul',
  'lug',
  'aug',
  'ago',
  'aou',
  'sep',
  'set',
  'oct',
  'out',
  'okt',
  'ott',
  'nov',
  'dec',
  'dez',
  'dic',
  'des',
]);
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2})?`;
const DATE_AND_TIME = new RegExp(String.raw`^(.+?)(?:t|\s+|,\s*)${TIME}$`, 'i');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const WEB_ADDRESS = /^(?:https?:\/\/|www\.)\S+$/i;
const BARE_DOMAIN =
  /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|app|dev|ai|me|info|biz|shop|store|online|site|br|pt|es|mx|ar|cl|pe|uy|fr|de|it|nl|be|ch|at|id|tr|uk|us|ca|au|in)(?:[/?#]\S*)?$/i;

const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/;
/** Digit strings with separators that are not phone numbers: CPF, CEP, ZIP+4, numbers grouped by thousands, date shapes. */
const NOT_PHONES = [
  /^\d{3}\.\d{3}\.\d{3}-\d{2}$/,
  /^\d{5}-\d{3}$/,
  /^\d{5}-\d{4}$/,
  /^\d{1,3}(?:[.,]\d{3})+$/,
  /^\d{4}[-.]\d{2}[-.]\d{2}$/,
  /^\d{2}[-.]\d{2}[-.]\d{4}$/,
];

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isMonthName(word: string): boolean {
  return word.length >= 3 && MONTH_PREFIXES.has(foldText(word).slice(0, 3));
}

/** Whether a value is a yes/no word in one of the languages imports meet (`1`/`0` are not: they read as numbers). */
export function isBooleanWord(value: string): boolean {
  return BOOLEAN_WORDS.has(foldText(value));
}

/** Whether a value is `1` or `0`. */
export function isBinaryDigit(value: string): boolean {
  return value === '1' || value === '0';
}

/** Whether a value is a plain number, with US or European separators (`-7.5`, `12,5`, `1.234,56`). */
export function isNumber(value: string): boolean {
  return NUMBER.test(value);
}

/** Whether a value is a percentage (`12%`, `12,5 %`). */
export function isPercent(value: string): boolean {
  return PERCENT.test(value);
}

/** Whether a value is an amount with a currency symbol or code (`R$ 1.234,56`, `$1,200.00`, `€ 30`, `USD 12`). */
export function isMoney(value: string): boolean {
  return MONEY.test(value);
}

/** Whether a value is a calendar date: ISO, day/month/year or month/day/year, or with a month name (`1 Mar 2024`). */
export function isDate(value: string): boolean {
  const yearFirst = YEAR_FIRST.exec(value);
  if (yearFirst) return isRealDate(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  const yearLast = YEAR_LAST.exec(value);
  if (yearLast) {
    const [a, b, year] = [Number(yearLast[1]), Number(yearLast[2]), Number(yearLast[3])];
    const fullYear = year < 100 ? 2000 + year : year;
    return isRealDate(fullYear, b, a) || isRealDate(fullYear, a, b);
  }
  const dayFirst = DAY_MONTH_YEAR.exec(value);
  if (dayFirst)
    return isMonthName(dayFirst[2] ?? '') && Number(dayFirst[1]) >= 1 && Number(dayFirst[1]) <= 31;
  const monthFirst = MONTH_DAY_YEAR.exec(value);
  return (
    monthFirst !== null &&
    isMonthName(monthFirst[1] ?? '') &&
    Number(monthFirst[2]) >= 1 &&
    Number(monthFirst[2]) <= 31
  );
}

/** Whether a value is a date followed by a time of day (`2024-03-01T14:30:00Z`, `3/1/2024 2:30 PM`). */
export function isDateTime(value: string): boolean {
  const match = DATE_AND_TIME.exec(value);
  return match !== null && isDate((match[1] ?? '').trim());
}

/** Whether a value is an email address. */
export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

/** Whether a value is a web address: with `http(s)://` or `www.`, or a bare domain with a common ending. */
export function isWebAddress(value: string): boolean {
  return WEB_ADDRESS.test(value) || BARE_DOMAIN.test(value);
}

/** How a value looks as a phone number of 8 to 15 digits: `formatted` (with `+`, spaces, dashes, dots or parentheses), `plain` (digits only: as likely an id), or null. */
export function phoneShape(value: string): 'formatted' | 'plain' | null {
  if (!PHONE_CHARACTERS.test(value)) return null;
  const digits = value.replace(/\D/g, '').length;
  if (digits < 8 || digits > 15) return null;
  if (/^\d+$/.test(value)) return 'plain';
  return NOT_PHONES.some((pattern) => pattern.test(value)) ? null : 'formatted';
}
