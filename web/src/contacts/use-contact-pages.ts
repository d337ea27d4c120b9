import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ContactSort } from '../../../src/shared/contact-schemas';
import { api, queryString, type ApiRequestOptions } from '../api/api-client';
import type { Contact, Page } from '../api/types';
import { queryKeys } from '../api/workspace-queries';
import { useSession } from '../auth/session-context';
import { ContactPageStore, PAGE_SIZE } from './contact-page-store';
import { contactsPagePath, firstListPageOf } from '../startup/startup-paths';

/** Lists kept after leaving them, so that coming back shows them at once, where they were scrolled to. */
const KEPT_LISTS = 4;
const stores = new Map<string, ContactPageStore>();

/** The first page of the list the address showed at start-up, asked for before the session was known. */
let startupPage: {
  sort: ContactSort;
  q: string;
  filter: string | undefined;
  page: Promise<Page<Contact>>;
  /** The page once it arrived, for a store made after that to start with it. */
  arrived?: Page<Contact>;
} | null = null;

function fetchContactsPage(
  sort: ContactSort,
  q: string,
  filter: string | undefined,
  cursor: string | null,
  limit: number,
  options: ApiRequestOptions,
) {
  return api.get<Page<Contact>>(contactsPagePath(sort, q, filter, cursor, limit), options);
}

/**
 * When the app opens on the contact list, asks for its first page at once, alongside the session; settles when
 * that page arrived or failed (at once when the address is another page).
 */
export function startListFromAddress(location: Pick<Location, 'pathname' | 'search'>): Promise<unknown> {
  const first = firstListPageOf(location);
  if (!first) return Promise.resolve();
  const { sort, q, filter } = first;
  const page = api.get<Page<Contact>>(first.path, { beforeSession: true });
  const early: NonNullable<typeof startupPage> = { sort, q, filter, page };
  startupPage = early;
  return page.then(
    (arrived) => {
      early.arrived = arrived;
    },
    () => undefined,
  );
}

/** The start-up page's rows when they arrived and are the ones this list shows (taken once). */
function arrivedStartupPage(
  sort: ContactSort,
  q: string,
  filter: string | undefined,
): Page<Contact> | undefined {
  const early = startupPage;
  if (!early?.arrived || early.sort !== sort || early.q !== q || early.filter !== filter) return undefined;
  startupPage = null;
  return early.arrived;
}

/** The start-up page when it is the one asked for (once), otherwise a new request. */
function firstPageOf(
  sort: ContactSort,
  q: string,
  filter: string | undefined,
  limit: number,
  signal: AbortSignal,
): Promise<Page<Contact>> {
  const early = startupPage;
  startupPage = null;
  if (early && early.sort === sort && early.q === q && early.filter === filter && limit === PAGE_SIZE)
    return early.page;
  return fetchContactsPage(sort, q, filter, null, limit, { signal });
}

/** A store for one list, reading its pages and anchors through the API. */
function createStore(sort: ContactSort, q: string, filter: string | undefined): ContactPageStore {
  return new ContactPageStore({
    fetchPage: (cursor, limit, signal) =>
      cursor === null
        ? firstPageOf(sort, q, filter, limit, signal)
        : fetchContactsPage(sort, q, filter, cursor, limit, { signal }),
    fetchAnchors: (every, signal) =>
      api.get<{ every: number; cursors: string[] }>(
        `/contacts/anchors${queryString({ sort, q: q || undefined, filter, every })}`,
        { signal },
      ),
  });
}

function storeFor(scope: string, sort: ContactSort, q: string, filter: string | undefined): ContactPageStore {
  const key = JSON.stringify([scope, sort, q, filter ?? null]);
  let store = stores.get(key);
  if (store) stores.delete(key);
  else {
    // A new list starts its first page now, while the page renders, rather than once the grid has measured.
    store = createStore(sort, q, filter);
    const arrived = arrivedStartupPage(sort, q, filter);
    if (arrived) store.seedFirstPage(arrived);
    store.setRange(0, 0);
  }
  stores.set(key, store);
  for (const [oldKey, old] of stores) {
    if (stores.size <= KEPT_LISTS) break;
    old.dispose();
    stores.delete(oldKey);
  }
  return store;
}

/**
 * The number of contacts matching a search, kept under the contacts key so that any change refreshes it. It is
 * asked once the first page is in (`enabled`), so that a slow count never delays the first rows.
 */
export function useContactCount(q: string, filter: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.contacts, 'count', q, filter ?? null],
    enabled,
    queryFn: ({ signal }) =>
      api.get<{ total: number }>(`/contacts/count${queryString({ q: q || undefined, filter })}`, { signal }),
  });
}

/**
 * The page store of the contact list for a sort, search and filter (`filter=` JSON, see filterParam). The caller
 * re-renders when the list's load state, counts or the rows of `watchedPage` change; the grid subscribes to every
 * change itself.
 */
export function useContactPages(sort: ContactSort, q: string, watchedPage: number, filter?: string) {
  const { session } = useSession();
  const scope = `${session.workspace.id}:${session.user.id}`;
  const store = useMemo(() => storeFor(scope, sort, q, filter), [scope, sort, q, filter]);
  useSyncExternalStore(store.subscribe, () => store.summaryOf(watchedPage));
  const count = useContactCount(q, filter, store.hasFirstPage);
  const total = count.data?.total ?? null;
  useEffect(() => store.setCount(total, count.dataUpdatedAt), [store, total, count.dataUpdatedAt]);
  return { store, count };
}
