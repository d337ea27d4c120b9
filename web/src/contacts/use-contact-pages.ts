import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ContactSort } from '../../../src/shared/contact-schemas';
import { api, queryString } from '../api/api-client';
import type { Contact, Page } from '../api/types';
import { queryKeys } from '../api/workspace-queries';
import { useSession } from '../auth/session-context';
import { ContactPageStore, PAGE_SIZE } from './contact-page-store';

/** Lists kept after leaving them, so that coming back shows them at once, where they were scrolled to. */
const KEPT_LISTS = 4;
const stores = new Map<string, ContactPageStore>();

/** A store for one list, reading its pages and anchors through the API. */
function createStore(sort: ContactSort, q: string): ContactPageStore {
  return new ContactPageStore({
    fetchPage: (cursor, signal) =>
      api.get<Page<Contact>>(
        `/contacts${queryString({ sort, q: q || undefined, limit: PAGE_SIZE, cursor: cursor ?? undefined })}`,
        { signal },
      ),
    fetchAnchors: (every, signal) =>
      api.get<{ every: number; cursors: string[] }>(
        `/contacts/anchors${queryString({ sort, q: q || undefined, every })}`,
        { signal },
      ),
  });
}

function storeFor(scope: string, sort: ContactSort, q: string): ContactPageStore {
  const key = JSON.stringify([scope, sort, q]);
  let store = stores.get(key);
  if (store) stores.delete(key);
  else {
    // A new list starts its first page now, while the page renders, rather than once the grid has measured.
    store = createStore(sort, q);
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
export function useContactCount(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.contacts, 'count', q],
    enabled,
    queryFn: ({ signal }) =>
      api.get<{ total: number }>(`/contacts/count${queryString({ q: q || undefined })}`, { signal }),
  });
}

/** The rows of the contact list for a sort and search, as a page store that re-renders its users on change. */
export function useContactPages(sort: ContactSort, q: string) {
  const { session } = useSession();
  const scope = `${session.workspace.id}:${session.user.id}`;
  const store = useMemo(() => storeFor(scope, sort, q), [scope, sort, q]);
  useSyncExternalStore(store.subscribe, store.getVersion);
  const count = useContactCount(q, store.hasFirstPage);
  const total = count.data?.total ?? null;
  useEffect(() => store.setCount(total, count.dataUpdatedAt), [store, total, count.dataUpdatedAt]);
  return { store, count };
}
