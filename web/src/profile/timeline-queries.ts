import { useInfiniteQuery } from '@tanstack/react-query';
import { api, queryString } from '../api/api-client';
import type { Page, TimelineItem } from '../api/types';
import { queryKeys } from '../api/workspace-queries';

const PAGE_SIZE = 30;

/** A contact's timeline, newest first, fetched a page at a time. */
export function useTimeline(contactId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.timeline(contactId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<TimelineItem>>(
        `/contacts/${encodeURIComponent(contactId)}/timeline${queryString({ limit: PAGE_SIZE, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
