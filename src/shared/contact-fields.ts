/**
 * The standard contact fields as files know them: one id and one column header each. Exports write these
 * headers and imports recognise them, so an exported file imports back unchanged.
 */
export const STANDARD_FIELDS = [
  { id: 'name', label: 'Name' },
  { id: 'firstName', label: 'First name' },
  { id: 'lastName', label: 'Last name' },
  { id: 'phone', label: 'Phone' },
  { id: 'email', label: 'Email' },
  { id: 'whatsappId', label: 'WhatsApp ID' },
  { id: 'company', label: 'Company' },
  { id: 'jobTitle', label: 'Job title' },
  { id: 'birthday', label: 'Birthday' },
  { id: 'language', label: 'Language' },
  { id: 'timezone', label: 'Time zone' },
  { id: 'street', label: 'Street' },
  { id: 'city', label: 'City' },
  { id: 'region', label: 'Region' },
  { id: 'postalCode', label: 'Postal code' },
  { id: 'country', label: 'Country' },
  { id: 'linkedin', label: 'LinkedIn' },
  { id: 'twitter', label: 'Twitter' },
  { id: 'facebook', label: 'Facebook' },
  { id: 'instagram', label: 'Instagram' },
  { id: 'website', label: 'Website' },
] as const;

/** A standard contact field id. */
export type StandardFieldId = (typeof STANDARD_FIELDS)[number]['id'];

/** Standard field ids, for schemas. */
export const STANDARD_FIELD_IDS = STANDARD_FIELDS.map((f) => f.id) as [StandardFieldId, ...StandardFieldId[]];

/** Header of the tags column in exports (tags separated by `; `). */
export const TAGS_HEADER = 'Tags';
/** Separator of tags inside one cell; imports also accept `,` and `|` when no `;` is present. */
export const TAG_SEPARATOR = '; ';
