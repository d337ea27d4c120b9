/** Sort orders of the contact list; a leading `-` sorts descending. */
export const CONTACT_SORTS = [
  'name',
  '-name',
  'createdAt',
  '-createdAt',
  'lastContactAt',
  '-lastContactAt',
] as const;
/** A sort order of the contact list. */
export type ContactSort = (typeof CONTACT_SORTS)[number];
