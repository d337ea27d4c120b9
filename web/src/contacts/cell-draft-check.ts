import { isEmailAddress, safeWebLink } from '../custom-fields/value-checks';
import { checkPhone } from '../ui/phone-format';
import { formatCurrency, formatNumber } from './custom-value-format';

/** How a cell is edited and checked. */
export type DraftKind =
  'text' | 'phone' | 'email' | 'number' | 'currency' | 'percent' | 'url' | 'date' | 'select' | 'boolean';

/** What checking a draft needs: the workspace country for phones, limits and choices. */
export interface DraftRules {
  kind: DraftKind;
  defaultCountry: string;
  maxLength?: number;
  choices?: readonly string[];
  currency?: string;
  locale?: string;
}

/** A checked draft: the value to save (null clears) with an optional hint of how it will be stored, or why not. */
export type DraftCheck =
  { ok: true; value: string | number | boolean | null; hint?: string } | { ok: false; message: string };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a number the way the server does: spaces, thousands commas, % and a leading currency symbol are ignored. */
export function parseLooseNumber(text: string): number | null {
  const cleaned = text.replace(/[%\s,]/g, '').replace(/^([+-]?)[^\d+.-]+/, '$1');
  return DECIMAL.test(cleaned) ? Number(cleaned) : null;
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return DATE.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function checkNumber(text: string, rules: DraftRules): DraftCheck {
  const value = parseLooseNumber(text);
  if (value === null || !Number.isFinite(value)) return { ok: false, message: 'Must be a number' };
  const shown =
    rules.kind === 'currency'
      ? formatCurrency(value, rules.currency, rules.locale)
      : rules.kind === 'percent'
        ? `${formatNumber(value, rules.locale)}%`
        : formatNumber(value, rules.locale);
  return { ok: true, value, hint: shown === text ? undefined : `Saved as ${shown}` };
}

/** Checks a cell draft as it is typed, the way the server will; an empty draft clears the value. */
export function checkDraft(draft: string, rules: DraftRules): DraftCheck {
  const text = draft.trim();
  if (text === '') return { ok: true, value: null };
  switch (rules.kind) {
    case 'text':
      return rules.maxLength !== undefined && text.length > rules.maxLength
        ? { ok: false, message: `At most ${rules.maxLength} characters` }
        : { ok: true, value: text };
    case 'phone': {
      const phone = checkPhone(text, rules.defaultCountry);
      return phone.ok ? { ok: true, value: phone.e164, hint: `Saved as ${phone.display}` } : phone;
    }
    case 'email':
      return isEmailAddress(text)
        ? { ok: true, value: text.toLowerCase() }
        : { ok: false, message: 'Not a valid email address' };
    case 'number':
    case 'currency':
    case 'percent':
      return checkNumber(text, rules);
    case 'url': {
      const url = safeWebLink(text);
      if (!url) return { ok: false, message: 'Not a web address (http or https)' };
      return { ok: true, value: url, hint: url === text ? undefined : `Saved as ${url}` };
    }
    case 'date':
      return isRealDate(text)
        ? { ok: true, value: text }
        : { ok: false, message: 'Must be a date as YYYY-MM-DD' };
    case 'select': {
      const choice = rules.choices?.find((c) => c.toLowerCase() === text.toLowerCase());
      return choice
        ? { ok: true, value: choice }
        : { ok: false, message: `Must be one of: ${(rules.choices ?? []).join(', ')}` };
    }
    case 'boolean':
      if (text === 'true') return { ok: true, value: true };
      if (text === 'false') return { ok: true, value: false };
      return { ok: false, message: 'Must be Yes or No' };
  }
}
