import { normalizeSocialProfile, type SocialNetwork } from '../../../src/shared/social-profile';
import type { Contact, CustomField } from '../api/types';
import {
  checkCustomInput,
  emptyInputValue,
  sameInputValue,
  toApiValue,
  toInputValue,
  type CustomInputValue,
} from '../custom-fields/custom-field-value';
import { isEmailAddress } from '../custom-fields/value-checks';
import { checkPhone, formatPhone } from '../ui/phone-format';
import { STANDARD_PATHS } from './profile-fields';

/** The profile form's values, keyed by API path (`phone`, `address.city`, `custom.plan`). */
export type FormValues = Record<string, CustomInputValue>;

const text = (value: string | null | undefined) => value ?? '';

/** The form values that show a contact as stored. */
export function toFormValues(contact: Contact, fields: CustomField[]): FormValues {
  const values: FormValues = {
    firstName: text(contact.firstName),
    lastName: text(contact.lastName),
    phone: formatPhone(contact.phone),
    email: text(contact.email),
    company: text(contact.company),
    jobTitle: text(contact.jobTitle),
    birthday: text(contact.birthday),
    language: contact.language,
    timezone: contact.timezone,
  };
  for (const [key, value] of Object.entries(contact.address)) values[`address.${key}`] = text(value);
  values['address.country'] = contact.address.country;
  for (const [key, value] of Object.entries(contact.social)) values[`social.${key}`] = text(value);
  for (const field of fields) values[`custom.${field.key}`] = toInputValue(field, contact.custom[field.key]);
  return values;
}

/** Every path the form edits for these custom fields. */
export function formPaths(fields: CustomField[]): string[] {
  return [...STANDARD_PATHS, ...fields.map((field) => `custom.${field.key}`)];
}

/** The paths whose value differs from the baseline. */
export function changedPaths(baseline: FormValues, values: FormValues, fields: CustomField[]): string[] {
  return formPaths(fields).filter((path) => !sameInputValue(baseline[path], values[path]));
}

const fieldOf = (path: string, fields: CustomField[]) =>
  path.startsWith('custom.') ? fields.find((field) => `custom.${field.key}` === path) : undefined;

const orNull = (value: CustomInputValue | undefined) =>
  typeof value === 'string' ? value.trim() || null : (value ?? null);

/** The PATCH body for the changed paths: nested like the API wants, blanks as null, with the version. */
export function buildPatch(
  paths: string[],
  values: FormValues,
  fields: CustomField[],
  version: number,
): Record<string, unknown> {
  const patch: Record<string, unknown> = { version };
  const nested = (group: string) => (patch[group] ??= {}) as Record<string, unknown>;
  for (const path of paths) {
    const [head = '', tail] = path.split('.', 2);
    if (head === 'custom' && tail) {
      const field = fieldOf(path, fields);
      if (field) nested('custom')[tail] = toApiValue(field, values[path]);
    } else if (tail) nested(head)[tail] = orNull(values[path]);
    else patch[head] = orNull(values[path]);
  }
  return patch;
}

const today = () => new Date().toISOString().slice(0, 10);

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** Checks one field as it is typed; a message, or null when it is fine (blank is always fine for standard fields). */
export function checkFormField(
  path: string,
  value: CustomInputValue | undefined,
  fields: CustomField[],
  defaultCountry: string,
): string | null {
  const field = fieldOf(path, fields);
  if (field) return checkCustomInput(field, value, defaultCountry);
  const raw = typeof value === 'string' ? value.trim() : '';
  if (!raw) return null;
  if (path === 'phone') {
    const check = checkPhone(raw, defaultCountry);
    return check.ok ? null : check.message;
  }
  if (path === 'email') return isEmailAddress(raw) ? null : 'Not a valid email address';
  if (path === 'birthday') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return 'Not a date';
    return raw >= '1900-01-01' && raw <= today() ? null : 'Must be a date between 1900 and today';
  }
  if (path === 'language') return isLanguageTag(raw) ? null : 'Not a language code such as en or pt-BR';
  if (path.startsWith('social.')) {
    const network = path.slice('social.'.length) as SocialNetwork;
    return normalizeSocialProfile(network, raw) ? null : 'Not a profile link or handle';
  }
  return null;
}

/** Client-side errors of the changed paths, by path. */
export function checkChanged(
  paths: string[],
  values: FormValues,
  fields: CustomField[],
  defaultCountry: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const path of paths) {
    const message = checkFormField(path, values[path], fields, defaultCountry);
    if (message) errors[path] = message;
  }
  return errors;
}

/**
 * Moves unsaved edits onto a newer stored version: an edit survives when nobody else changed that field;
 * when someone did, their value wins and the path is reported, so nothing is overwritten silently.
 */
export function rebaseEdits(
  oldBaseline: FormValues,
  newBaseline: FormValues,
  values: FormValues,
  fields: CustomField[],
): { values: FormValues; replaced: string[]; kept: string[] } {
  const next: FormValues = { ...newBaseline };
  const replaced: string[] = [];
  const kept: string[] = [];
  for (const path of changedPaths(oldBaseline, values, fields)) {
    if (sameInputValue(oldBaseline[path], newBaseline[path])) {
      next[path] = values[path] ?? null;
      kept.push(path);
    } else if (!sameInputValue(values[path], newBaseline[path])) replaced.push(path);
  }
  return { values: next, replaced, kept };
}

/** The value a field shows, falling back to its type's empty value for fields added since the form opened. */
export function valueAt(values: FormValues, path: string, fields: CustomField[]): CustomInputValue {
  const value = values[path];
  if (value !== undefined) return value;
  const field = fieldOf(path, fields);
  return field ? emptyInputValue(field.type) : '';
}
