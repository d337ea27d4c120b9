import { z } from 'zod';
import { CONTACT_SORTS } from './contact-sorts.js';
import { countryCodeSchema } from './workspace-schemas.js';

import { CONTACT_SOURCES } from './contact-sources.js';

export { CONTACT_SORTS, type ContactSort } from './contact-sorts.js';
export { CONTACT_SOURCES } from './contact-sources.js';

/** Optional text: trimmed, empty becomes null, null clears the value. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

const isValidTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const isLanguageTag = (tag: string) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

const birthdaySchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD', abort: true })
  .refine((v) => {
    const date = new Date(`${v}T00:00:00Z`);
    return (
      !Number.isNaN(date.getTime()) &&
      date.toISOString().startsWith(v) &&
      date.getTime() <= Date.now() &&
      v >= '1900-01-01'
    );
  }, 'must be a real date between 1900 and today')
  .nullable()
  .optional();

const addressInputSchema = z
  .object({
    street: optionalText(300),
    city: optionalText(120),
    region: optionalText(120),
    postalCode: optionalText(20),
    country: countryCodeSchema
      .nullable()
      .optional()
      .or(z.literal('').transform(() => null)),
  })
  .strict();

const socialInputSchema = z
  .object({
    linkedin: optionalText(300),
    twitter: optionalText(300),
    facebook: optionalText(300),
    instagram: optionalText(300),
    website: optionalText(300),
  })
  .strict();

const contactFieldsSchema = z.object({
  firstName: optionalText(100),
  lastName: optionalText(100),
  phone: optionalText(40),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.email('must be a valid email address').max(254).nullable())
    .nullable()
    .optional(),
  company: optionalText(200),
  jobTitle: optionalText(200),
  birthday: birthdaySchema,
  language: z
    .string()
    .trim()
    .refine(isLanguageTag, 'must be a language tag such as en or pt-BR')
    .transform((v) => Intl.getCanonicalLocales(v)[0] ?? v)
    .nullable()
    .optional(),
  timezone: z
    .string()
    .trim()
    .refine(isValidTimeZone, 'must be an IANA time zone such as America/Sao_Paulo')
    .nullable()
    .optional(),
  address: addressInputSchema.optional(),
  social: socialInputSchema.optional(),
  assigneeId: z.string().nullable().optional(),
  custom: z.record(z.string(), z.unknown()).optional(),
});

/** Creating a contact: at least a name, a phone or an email. */
export const contactCreateSchema = contactFieldsSchema
  .extend({
    name: optionalText(200),
    source: z.enum(CONTACT_SOURCES).optional(),
    tags: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  })
  .strict();
/** Creating a contact, after parsing. */
export type ContactCreateInput = z.output<typeof contactCreateSchema>;

/** Changing a contact: only the fields given change; null clears; `version` guards against lost updates. */
export const contactPatchSchema = contactFieldsSchema
  .extend({ version: z.number().int().positive().optional() })
  .strict();
/** Changing a contact, after parsing. */
export type ContactPatchInput = z.output<typeof contactPatchSchema>;

/** A tag as shown on a contact. */
export const contactTagSchema = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string(),
  category: z.string().nullable(),
});

/** A contact as the API returns it. */
export const contactSchema = z.object({
  id: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  jobTitle: z.string().nullable(),
  birthday: z.string().nullable(),
  language: z.string().nullable(),
  timezone: z.string().nullable(),
  address: z.object({
    street: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    postalCode: z.string().nullable(),
    country: z.string().nullable(),
  }),
  social: z.object({
    linkedin: z.string().nullable(),
    twitter: z.string().nullable(),
    facebook: z.string().nullable(),
    instagram: z.string().nullable(),
    website: z.string().nullable(),
  }),
  custom: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
  tags: z.array(contactTagSchema),
  source: z.string(),
  assigneeId: z.string().nullable(),
  firstContactAt: z.string().nullable(),
  lastContactAt: z.string().nullable(),
  lastInboundAt: z.string().nullable(),
  lastOutboundAt: z.string().nullable(),
  conversationCount: z.number(),
  messageCount: z.number(),
  whatsappName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
/** A contact as the API returns it. */
export type Contact = z.infer<typeof contactSchema>;

/** Query of the contact list. */
export const contactListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  /** A filter tree as URL-encoded JSON (see docs/filters.md). */
  filter: z.string().max(20_000).optional(),
  /** A segment id: only its contacts (with `filter` too: those matching both). */
  segment: z.string().min(1).max(100).optional(),
  sort: z.enum(CONTACT_SORTS).default('name'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});
/** Query of the contact list, after parsing. */
export type ContactListQuery = z.output<typeof contactListQuerySchema>;

/** Query of the contact count: the same search and filter as the list. */
export const contactCountQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  /** A filter tree as URL-encoded JSON (see docs/filters.md). */
  filter: z.string().max(20_000).optional(),
  /** A segment id: only its contacts (with `filter` too: those matching both). */
  segment: z.string().min(1).max(100).optional(),
});

/** Query of the list anchors: cursors at every `every`-th row, for jumping deep into a sorted list. */
export const contactAnchorsQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  /** A filter tree as URL-encoded JSON (see docs/filters.md). */
  filter: z.string().max(20_000).optional(),
  /** A segment id: only its contacts (with `filter` too: those matching both). */
  segment: z.string().min(1).max(100).optional(),
  sort: z.enum(CONTACT_SORTS).default('name'),
  every: z.coerce.number().int().min(100).max(10_000).default(500),
});
/** Query of the list anchors, after parsing. */
export type ContactAnchorsQuery = z.output<typeof contactAnchorsQuerySchema>;

/** Anchors of a sorted list: `cursors[i]` continues the list at row `(i + 1) * every`. */
export const contactAnchorsSchema = z.object({ every: z.number(), cursors: z.array(z.string()) });

/** Query of the identity check before saving: which contacts already hold this phone or email. */
export const contactMatchesQuerySchema = z.object({
  phone: z.string().trim().max(40).optional(),
  email: z.string().trim().max(254).optional(),
  excludeId: z.string().max(100).optional(),
});
/** Query of the identity check, after parsing. */
export type ContactMatchesQuery = z.output<typeof contactMatchesQuerySchema>;

/** A contact that already holds a phone or email. */
export const contactMatchSchema = z.object({
  field: z.enum(['phone', 'email']),
  contactId: z.string(),
  name: z.string(),
});
/** A contact that already holds a phone or email. */
export type ContactMatch = z.infer<typeof contactMatchSchema>;
