import type { CustomFieldType } from '../../shared/custom-field-types.js';

const TRUE_WORDS = new Set([
  'true',
  'yes',
  'y',
  '1',
  'sim',
  's',
  'sí',
  'si',
  'oui',
  'ja',
  'evet',
  'ya',
  'x',
  '✓',
]);
const FALSE_WORDS = new Set([
  'false',
  'no',
  'n',
  '0',
  'não',
  'nao',
  'non',
  'nein',
  'hayır',
  'hayir',
  'tidak',
]);
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  fev: 2,
  mar: 3,
  apr: 4,
  abr: 4,
  avr: 4,
  may: 5,
  mai: 5,
  mayo: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  ago: 8,
  aoû: 8,
  sep: 9,
  set: 9,
  oct: 10,
  out: 10,
  okt: 10,
  nov: 11,
  dec: 12,
  dez: 12,
  dic: 12,
  déc: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A date written `2024-03-01`, `01/03/2024`, `3/1/2024` or `1 Mar 2024` as YYYY-MM-DD; day first unless `monthFirst`. */
export function isoDateOf(text: string, monthFirst: boolean): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (iso) return `${iso[1]}-${pad(Number(iso[2]))}-${pad(Number(iso[3]))}`;
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (numeric) {
    let [a, b] = [Number(numeric[1]), Number(numeric[2])];
    if (a > 12 || (!monthFirst && b <= 12)) [a, b] = [b, a];
    const year = numeric[3]!.length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
    return `${year}-${pad(a)}-${pad(b)}`;
  }
  const named = /^(\d{1,2})\.?\s+([\p{L}]+)\.?,?\s+(\d{4})$/u.exec(text);
  const month = named ? MONTHS[named[2]!.toLowerCase().slice(0, 3)] : undefined;
  return named && month ? `${named[3]}-${pad(month)}-${pad(Number(named[1]))}` : null;
}

/** A number written with a currency sign or code, thousands separators and a decimal comma or point, as plain digits. */
export function plainNumberOf(text: string): string {
  const bare = text.replace(/[^\d,.\-+]/g, '');
  const lastComma = bare.lastIndexOf(',');
  const lastPoint = bare.lastIndexOf('.');
  if (lastComma > lastPoint) {
    const decimals = bare.length - lastComma - 1;
    const thousands =
      decimals === 3 && lastPoint < 0 && !/,\d*,/.test(bare) && bare.indexOf(',') === lastComma;
    return thousands ? bare.replace(/,/g, '') : bare.replace(/\./g, '').replace(',', '.');
  }
  const points = bare.split('.').length - 1;
  return points > 1 ? bare.replace(/[.,]/g, '') : bare.replace(/,/g, '');
}

/**
 * A cell's text in the form the custom field type expects: booleans in several languages, numbers in local
 * formats, dates in common orders (day first unless the workspace writes month first). Text the conversion does
 * not recognise is returned as it is, for the field's own check to refuse with its message.
 */
export function customCellValue(text: string, type: CustomFieldType, monthFirst: boolean): string {
  switch (type) {
    case 'boolean': {
      const word = text.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return 'true';
      if (FALSE_WORDS.has(word)) return 'false';
      return text;
    }
    case 'number':
    case 'currency':
    case 'percent':
      return /\d/.test(text) ? plainNumberOf(text) : text;
    case 'date':
      return isoDateOf(text.trim(), monthFirst) ?? text;
    default:
      return text;
  }
}
