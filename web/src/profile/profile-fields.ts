import type { CustomField } from '../api/types';

/** Standard profile fields by API path, with the label people see. */
export const PERSONAL_FIELDS = {
  firstName: 'First name',
  lastName: 'Last name',
  phone: 'Phone',
  email: 'Email',
  company: 'Company',
  jobTitle: 'Job title',
  birthday: 'Birthday',
  language: 'Language',
  timezone: 'Time zone',
} as const;

/** Address fields by API path. */
export const ADDRESS_FIELDS = {
  'address.street': 'Street',
  'address.city': 'City',
  'address.region': 'State / region',
  'address.postalCode': 'Postal code',
  'address.country': 'Country',
} as const;

/** Social profile fields by API path. */
export const SOCIAL_FIELDS = {
  'social.linkedin': 'LinkedIn',
  'social.twitter': 'X / Twitter',
  'social.facebook': 'Facebook',
  'social.instagram': 'Instagram',
  'social.website': 'Website',
} as const;

const STANDARD_LABELS: Record<string, string> = {
  ...PERSONAL_FIELDS,
  ...ADDRESS_FIELDS,
  ...SOCIAL_FIELDS,
  name: 'Name',
  assigneeId: 'Assignee',
  tags: 'Tags',
};

/** Every standard path the profile form edits. */
export const STANDARD_PATHS = [
  ...Object.keys(PERSONAL_FIELDS),
  ...Object.keys(ADDRESS_FIELDS),
  ...Object.keys(SOCIAL_FIELDS),
];

/** The label of a field path (`phone`, `address.city`, `custom.plan`) as people see it. */
export function fieldLabel(path: string, fields: CustomField[] = []): string {
  if (path.startsWith('custom.')) {
    const key = path.slice('custom.'.length);
    return fields.find((field) => field.key === key)?.label ?? key;
  }
  if (path.startsWith('consent.')) {
    const [, channel = '', purpose = ''] = path.split('.');
    return `${channel} ${purpose} consent`;
  }
  return STANDARD_LABELS[path] ?? path;
}
