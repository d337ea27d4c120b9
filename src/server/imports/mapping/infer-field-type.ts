import type { CustomFieldType } from '../../../shared/custom-field-types.js';
import { foldText } from '../../../shared/text-fold.js';
import {
  isBinaryDigit,
  isBooleanWord,
  isDate,
  isDateTime,
  isEmail,
  isMoney,
  isNumber,
  isPercent,
  isWebAddress,
  phoneShape,
} from './value-shapes.js';

/** Share of the non-empty values that must fit a type for the column to get it. */
const FITTING_SHARE = 0.9;
/** Share of the values that must carry the mark of a type (`%`, a currency, a time, phone formatting) beyond plain numbers. */
const MARKED_SHARE = 0.5;
const LONG_TEXT_LENGTH = 200;
const SELECT_MAX_CHOICES = 12;
const SELECT_MAX_LENGTH = 40;

function isSelect(values: readonly string[]): boolean {
  const choices = new Set(values.map((value) => foldText(value)));
  return (
    choices.size <= SELECT_MAX_CHOICES &&
    choices.size * 2 <= values.length &&
    values.every((value) => value.length <= SELECT_MAX_LENGTH)
  );
}

/** The custom field type that fits sample values best (ignoring empty cells): boolean, number, currency, percent, date, datetime, email, url, phone, select (few distinct short values repeated), long_text (long or multi-line), else text. */
export function inferFieldType(values: readonly string[]): CustomFieldType {
  const filled = values.map((value) => value.trim()).filter((value) => value !== '');
  if (filled.length === 0) return 'text';
  const share = (test: (value: string) => boolean) => filled.filter(test).length / filled.length;
  const fits = (test: (value: string) => boolean) => share(test) >= FITTING_SHARE;
  const marked = (test: (value: string) => boolean) => share(test) >= MARKED_SHARE;

  if (fits((value) => isBooleanWord(value) || isBinaryDigit(value)) && filled.some(isBooleanWord))
    return 'boolean';
  if (fits((value) => isPercent(value) || isNumber(value)) && marked(isPercent)) return 'percent';
  if (fits((value) => isMoney(value) || isNumber(value)) && marked(isMoney)) return 'currency';
  if (fits((value) => isDate(value) || isDateTime(value))) return marked(isDateTime) ? 'datetime' : 'date';
  if (fits(isEmail)) return 'email';
  if (fits(isWebAddress)) return 'url';
  if (fits((value) => phoneShape(value) !== null) && marked((value) => phoneShape(value) === 'formatted'))
    return 'phone';
  if (fits(isNumber)) return 'number';
  if (filled.some((value) => value.length > LONG_TEXT_LENGTH || value.includes('\n'))) return 'long_text';
  if (isSelect(filled)) return 'select';
  return 'text';
}
