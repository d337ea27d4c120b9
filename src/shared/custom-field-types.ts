import { z } from 'zod';

/** Every type a custom field can have. */
export const CUSTOM_FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'currency',
  'percent',
  'date',
  'datetime',
  'boolean',
  'select',
  'multi_select',
  'url',
  'email',
  'phone',
  'user',
] as const;
/** A custom field type. */
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** Type-specific settings: the choices of a select, the currency of an amount. */
export const customFieldOptionsSchema = z
  .object({
    choices: z.array(z.string().trim().min(1).max(100)).max(500).optional(),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as USD')
      .optional(),
  })
  .strict();
/** Type-specific settings of a custom field. */
export type CustomFieldOptions = z.infer<typeof customFieldOptionsSchema>;

/** What value normalisation needs to know about a field. */
export interface CustomFieldShape {
  type: CustomFieldType;
  options: CustomFieldOptions;
}

/** Checks done outside this module: phone numbers and workspace members. */
export interface CustomValueChecks {
  normalizePhone(raw: string): string | null;
}

/** A normalised custom value: what the API returns and the store keeps. */
export type CustomValue = string | number | boolean | string[];

type Result = { ok: true; value: CustomValue } | { ok: false; message: string };

const ok = (value: CustomValue): Result => ({ ok: true, value });
const fail = (message: string): Result => ({ ok: false, message });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX_TEXT = 1000;
const MAX_LONG_TEXT = 20000;

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function toNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const cleaned = raw.replace(/[%\s,]/g, '').replace(/^([+-]?)[^\d+.-]+/, '$1');
  return DECIMAL.test(cleaned) ? Number(cleaned) : null;
}

function matchChoice(choices: string[] | undefined, raw: string): string | undefined {
  const wanted = raw.trim().toLowerCase();
  return choices?.find((c) => c.toLowerCase() === wanted);
}

/** Validates and normalises one value for a field of the given type (null values are handled by the caller). */
export function normalizeCustomValue(
  field: CustomFieldShape,
  raw: unknown,
  checks: CustomValueChecks,
): Result {
  switch (field.type) {
    case 'text':
    case 'long_text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return fail('must be text');
      const value = String(raw).trim();
      const max = field.type === 'text' ? MAX_TEXT : MAX_LONG_TEXT;
      return value.length > max ? fail(`must be at most ${max} characters`) : ok(value);
    }
    case 'number':
    case 'currency':
    case 'percent': {
      const value = toNumber(raw);
      return value === null ? fail('must be a number') : ok(value);
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return ok(raw);
      const text = String(raw).trim().toLowerCase();
      if (['true', 'yes', '1', 'y'].includes(text)) return ok(true);
      if (['false', 'no', '0', 'n'].includes(text)) return ok(false);
      return fail('must be true or false');
    }
    case 'date': {
      const value = typeof raw === 'string' ? raw.trim() : '';
      return DATE.test(value) && isRealDate(value) ? ok(value) : fail('must be a date as YYYY-MM-DD');
    }
    case 'datetime': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
      const time = DATE_TIME.test(text) && isRealDate(text.slice(0, 10)) ? Date.parse(zoned) : NaN;
      return Number.isNaN(time)
        ? fail('must be a date and time in ISO 8601, such as 2026-01-31T14:00:00Z (UTC when no offset)')
        : ok(new Date(time).toISOString());
    }
    case 'select': {
      const choice = typeof raw === 'string' ? matchChoice(field.options.choices, raw) : undefined;
      return choice ? ok(choice) : fail(`must be one of: ${(field.options.choices ?? []).join(', ')}`);
    }
    case 'multi_select': {
      const items = Array.isArray(raw)
        ? raw
        : typeof raw === 'string'
          ? raw.split(/[;,]/).filter((s) => s.trim())
          : null;
      if (!items) return fail('must be a list of choices');
      const values: string[] = [];
      for (const item of items) {
        const choice = typeof item === 'string' ? matchChoice(field.options.choices, item) : undefined;
        if (!choice)
          return fail(`"${String(item)}" is not one of: ${(field.options.choices ?? []).join(', ')}`);
        if (!values.includes(choice)) values.push(choice);
      }
      return ok(values);
    }
    case 'url': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
      try {
        const url = new URL(candidate);
        if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.'))
          return ok(url.toString());
      } catch {
        /* falls through to the error below */
      }
      return fail('must be a web address (http or https)');
    }
    case 'email': {
      const text = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
      return z.email().safeParse(text).success ? ok(text) : fail('must be a valid email address');
    }
    case 'phone': {
      const value =
        typeof raw === 'string' || typeof raw === 'number' ? checks.normalizePhone(String(raw)) : null;
      return value ? ok(value) : fail('must be a valid phone number');
    }
    case 'user':
      return typeof raw === 'string' && raw.trim()
        ? ok(raw.trim())
        : fail('must be the id of a workspace member');
  }
}
