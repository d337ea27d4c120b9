import type { ContactSort } from '../../shared/contact-schemas.js';
import type { ContactSortColumn } from './contacts.repository.js';

const SORT_COLUMNS: Record<string, ContactSortColumn> = {
  name: 'sort_name',
  createdAt: 'created_at',
  lastContactAt: 'last_contact_at',
};

/** The indexed column and direction of a list sort order (`-name` → sort_name, descending). */
export function sortOrderOf(sort: ContactSort): { column: ContactSortColumn; descending: boolean } {
  return { column: SORT_COLUMNS[sort.replace(/^-/, '')] ?? 'sort_name', descending: sort.startsWith('-') };
}
