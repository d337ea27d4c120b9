import type { CellValue } from 'exceljs';

const DAY_MS = 86_400_000;
/** Days from Excel's day 0 (1899-12-30) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;

/** A number written out in plain decimal, never with an exponent (5511987654321, 0.0000001). */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  const exponential = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exponential) return text;
  const [, sign = '', lead = '', fraction = '', exponentText = '0'] = exponential;
  const exponent = Number(exponentText);
  const digits = lead + fraction;
  if (exponent >= 0) return sign + digits + '0'.repeat(Math.max(0, exponent + 1 - digits.length));
  return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}

/** A date as `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when it has a time of day (Excel dates have no time zone). */
export function dateText(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return '';
  const iso = new Date(Math.round(time / 1000) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** True for an Excel number format that shows a date or time (the test exceljs uses). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The text of an Excel cell value: plain decimal numbers, dateText dates, `true`/`false`, the text of rich text and hyperlinks, the cached result of formulas, '' for errors. */
export function xlsxCellText(value: CellValue, numberFormat?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return excelEscapesDecoded(value);
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => excelEscapesDecoded(run.text ?? '')).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (typeof result === 'number' && isDateFormat(numberFormat))
      return dateText(new Date(Math.round((result - EXCEL_EPOCH_DAYS) * DAY_MS)));
    if (result !== null && typeof result === 'object' && 'error' in result) return '';
    return xlsxCellText(result ?? null);
  }
  if ('text' in value) return xlsxCellText(value.text);
  return '';
}

/** Excel writes some characters as `_xHHHH_` (a carriage return as `_x000D_`). */
function excelEscapesDecoded(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
