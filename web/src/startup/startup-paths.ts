import type { ContactSort } from '../../../src/shared/contact-sorts';
import { queryString } from '../api/api-client';
import { PAGE_SIZE } from '../contacts/contact-page-store';
import { readListView } from '../contacts/list-view-params';
import { filterParam } from '../search/filter-param';

/** The API path of the signed-in session. */
export const SESSION_PATH = '/auth/session';
/** The API path of the custom field definitions. */
export const CUSTOM_FIELDS_PATH = '/custom-fields';
/** The API path of the workspace's members. */
export const MEMBERS_PATH = '/users';

/** The API path of one keyset page of the contact list. */
export function contactsPagePath(
  sort: ContactSort,
  q: string,
  filter: string | undefined,
  cursor: string | null,
  limit: number,
): string {
  return `/contacts${queryString({ sort, q: q || undefined, filter, limit, cursor: cursor ?? undefined })}`;
}

/** The contact list's first page for the view an address shows, or null when the address is another page. */
export function firstListPageOf(location: Pick<Location, 'pathname' | 'search'>): {
  sort: ContactSort;
  q: string;
  filter: string | undefined;
  path: string;
} | null {
  if (location.pathname !== '/contacts') return null;
  const { sort, q, filter: tree } = readListView(new URLSearchParams(location.search));
  const filter = filterParam(tree);
  return { sort, q, filter, path: contactsPagePath(sort, q, filter, null, PAGE_SIZE) };
}

/** Every API path the first screen of an address needs before it renders. */
export function startupPaths(location: Pick<Location, 'pathname' | 'search'>): string[] {
  const list = firstListPageOf(location);
  return [SESSION_PATH, CUSTOM_FIELDS_PATH, MEMBERS_PATH, ...(list ? [list.path] : [])];
}
