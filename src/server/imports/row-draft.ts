import type { ConsentEntry } from '../../shared/consent-schemas.js';
import type { StandardFieldId } from '../../shared/contact-fields.js';
import { contactCreateSchema, type ContactCreateInput } from '../../shared/contact-schemas.js';
import { countryCodeFromText } from '../../shared/country.js';
import type { CustomFieldType } from '../../shared/custom-field-types.js';
import type { ImportPlan, ImportTarget } from '../../shared/import-schemas.js';
import type { IdentityKey } from '../identities/identities.repository.js';
import { identitiesOf } from '../identities/identity-keys.js';
import { normalizePhone } from '../identities/normalize-phone.js';
import { cellText, splitTags } from './cell-text.js';
import { customCellValue } from './custom-cell-value.js';

/** A consent decision read from a row. */
export interface ConsentDraft {
  channel: ConsentEntry['channel'];
  purpose: ConsentEntry['purpose'];
  status: 'opted_in' | 'opted_out';
  source: string;
  date: string | null;
}

/** A custom field as a row's values are read for it. */
export interface CustomFieldRef {
  key: string;
  type: CustomFieldType;
}

/** One row turned into what a contact would be saved with. */
export interface RowDraft {
  input: ContactCreateInput;
  /** Identities the row is matched by: phone (match key), email, WhatsApp id. */
  whatsappId: string | null;
  tags: string[];
  consents: ConsentDraft[];
  /** Set when the row's phone was invalid and the plan keeps such rows without it. */
  droppedPhone: string | null;
}

/** Everything needed to read rows the same way throughout an import. */
export interface DraftContext {
  plan: ImportPlan;
  /** Key and type of each custom field by id (for `custom` targets). */
  customFieldById: ReadonlyMap<string, CustomFieldRef>;
  /** The custom field of each column mapped to a new custom field, once created. */
  newFields: ReadonlyMap<number, CustomFieldRef>;
  defaultCountry: string;
}

/** Countries that write dates month first (3/1/2024 is March 1). */
const MONTH_FIRST = new Set(['US', 'PH', 'FM', 'PW', 'MH']);
const ADDRESS_FIELDS = new Set<StandardFieldId>(['street', 'city', 'region', 'postalCode', 'country']);
const SOCIAL_FIELDS = new Set<StandardFieldId>(['linkedin', 'twitter', 'facebook', 'instagram', 'website']);
const OPT_IN = /^(y|yes|true|1|opt(ed)?[ -_]?in|subscribed|granted|sim|s[ií]|oui|ja|accepted)$/i;
const OPT_OUT = /^(n|no|false|0|opt(ed)?[ -_]?out|unsubscribed|denied|revoked|n[aã]o|non|nein|declined)$/i;

/** A row that cannot become a contact, with the reason people read. */
export class RowRefused extends Error {}

/** The WhatsApp id (digits of the number) in a cell, or null when it has none. */
function whatsappIdOf(text: string): string | null {
  const digits = text.replace(/\D/g, '');
  return digits.length >= 8 && digits.length <= 15 ? digits : null;
}

/** Reads one row through the plan's mapping; throws RowRefused with the reason when it cannot be imported. */
export function draftFromRow(cells: readonly string[], context: DraftContext): RowDraft {
  const { plan } = context;
  const input: Record<string, unknown> = {};
  const address: Record<string, string> = {};
  const social: Record<string, string> = {};
  const custom: Record<string, string> = {};
  const consentParts = new Map<string, Partial<Record<'status' | 'source' | 'date', string>>>();
  const tags = [...plan.options.tags];
  let whatsappId: string | null = null;
  let phoneCountry: string | null = null;
  const monthFirst = MONTH_FIRST.has(context.defaultCountry);

  plan.mapping.forEach((target: ImportTarget, column) => {
    const text = cellText(cells[column]);
    if (text === '') return;
    switch (target.kind) {
      case 'field':
        if (target.field === 'whatsappId') whatsappId = whatsappIdOf(text);
        else if (ADDRESS_FIELDS.has(target.field)) address[target.field] = text;
        else if (SOCIAL_FIELDS.has(target.field)) social[target.field] = text;
        else input[target.field] = text;
        break;
      case 'phoneCountry':
        phoneCountry = countryCodeFromText(text);
        break;
      case 'custom':
      case 'newCustom': {
        const field =
          target.kind === 'custom'
            ? context.customFieldById.get(target.fieldId)
            : context.newFields.get(column);
        if (field) custom[field.key] = customCellValue(text, field.type, monthFirst);
        break;
      }
      case 'tags':
        tags.push(...splitTags(text));
        break;
      case 'consent': {
        const id = `${target.channel}:${target.purpose}`;
        consentParts.set(id, { ...consentParts.get(id), [target.part]: text });
        break;
      }
      case 'ignore':
        break;
    }
  });

  if (address.country) {
    const code = countryCodeFromText(address.country);
    if (!code) throw new RowRefused(`country "${address.country}" is not a country name or code`);
    address.country = code;
  }
  let droppedPhone: string | null = null;
  if (typeof input.phone === 'string') {
    const country = phoneCountry ?? address.country ?? context.defaultCountry;
    const phone = normalizePhone(input.phone, country);
    if (phone) input.phone = phone;
    else if (plan.options.keepRowsWithInvalidPhone) {
      droppedPhone = input.phone;
      delete input.phone;
    } else throw new RowRefused(`phone "${input.phone}" is not a valid number for ${country}`);
  }
  if (Object.keys(address).length) input.address = address;
  if (Object.keys(social).length) input.social = social;
  if (Object.keys(custom).length) input.custom = custom;

  const parsed = contactCreateSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RowRefused(`${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`);
  }
  const contact = parsed.data;
  if (!contact.name && !contact.firstName && !contact.lastName && !contact.phone && !contact.email) {
    if (!contact.company && !whatsappId)
      throw new RowRefused(droppedPhone ? 'no name, email or valid phone' : 'no name, phone or email');
  }
  if (!contact.phone && whatsappId) contact.phone = normalizePhone(`+${whatsappId}`, context.defaultCountry);

  const consents: ConsentDraft[] = [];
  for (const [id, parts] of consentParts) {
    const [channel, purpose] = id.split(':') as [ConsentDraft['channel'], ConsentDraft['purpose']];
    if (!parts.status) continue;
    const status = OPT_IN.test(parts.status) ? 'opted_in' : OPT_OUT.test(parts.status) ? 'opted_out' : null;
    if (!status) throw new RowRefused(`consent "${parts.status}" is neither an opt-in nor an opt-out`);
    consents.push({ channel, purpose, status, source: parts.source ?? 'import', date: parts.date ?? null });
  }
  return { input: contact, whatsappId, tags, consents, droppedPhone };
}

/** The extra identities a draft is matched by besides its phone and email. */
export function extraIdentitiesOf(draft: RowDraft): IdentityKey[] {
  return draft.whatsappId ? [{ kind: 'whatsapp', value: draft.whatsappId }] : [];
}

/** Every identity a draft is matched by: phone (match key), email, WhatsApp id. */
export function draftIdentities(draft: RowDraft): IdentityKey[] {
  const { phone = null, email = null } = draft.input;
  return [...identitiesOf({ phone, email }), ...extraIdentitiesOf(draft)];
}
