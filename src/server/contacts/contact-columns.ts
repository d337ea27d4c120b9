import type { ContactsTable } from '../db/schema.js';

type Column = keyof ContactsTable;

/** Top-level API fields stored one to one in a contacts column. */
export const PROFILE_COLUMNS = {
  firstName: 'first_name',
  lastName: 'last_name',
  phone: 'phone',
  email: 'email',
  company: 'company',
  jobTitle: 'job_title',
  birthday: 'birthday',
  language: 'language',
  timezone: 'timezone',
  assigneeId: 'assignee_id',
} as const satisfies Record<string, Column>;

/** Address fields and their columns. */
export const ADDRESS_COLUMNS = {
  street: 'street',
  city: 'city',
  region: 'region',
  postalCode: 'postal_code',
  country: 'country',
} as const satisfies Record<string, Column>;

/** Social profile fields and their columns. */
export const SOCIAL_COLUMNS = {
  linkedin: 'linkedin',
  twitter: 'twitter',
  facebook: 'facebook',
  instagram: 'instagram',
  website: 'website',
} as const satisfies Record<string, Column>;

/** A contacts column an API field writes to. */
export type EditableColumn =
  | (typeof PROFILE_COLUMNS)[keyof typeof PROFILE_COLUMNS]
  | (typeof ADDRESS_COLUMNS)[keyof typeof ADDRESS_COLUMNS]
  | (typeof SOCIAL_COLUMNS)[keyof typeof SOCIAL_COLUMNS];

/** Every editable column with the API path that names it in errors and events. */
export const EDITABLE_COLUMNS: Array<{ path: string; column: EditableColumn }> = [
  ...Object.entries(PROFILE_COLUMNS).map(([key, column]) => ({
    path: key,
    column: column as EditableColumn,
  })),
  ...Object.entries(ADDRESS_COLUMNS).map(([key, column]) => ({
    path: `address.${key}`,
    column: column as EditableColumn,
  })),
  ...Object.entries(SOCIAL_COLUMNS).map(([key, column]) => ({
    path: `social.${key}`,
    column: column as EditableColumn,
  })),
];
