import { useInfiniteQuery } from '@tanstack/react-query';
import { api, queryString } from '../api/api-client';
import type { Page, TimelineItem, TimelineKind } from '../api/types';
import { queryKeys } from '../api/workspace-queries';

const PAGE_SIZE = 30;
/** How often the timeline is refreshed while a message just sent is still on its way, and otherwise. */
const IN_FLIGHT_POLL_MS = 1_500;
const IDLE_POLL_MS = 30_000;
const IN_FLIGHT_FOR_MS = 5 * 60_000;

const IN_FLIGHT = new Set(['pending', 'sent', 'delivered']);

/** True when the page holds a recent outbound message whose ticks may still move. */
export function hasMessageInFlight(items: readonly TimelineItem[] | undefined, now = Date.now()): boolean {
  return (items ?? []).some(
    (item) =>
      item.kind === 'message' &&
      item.message.direction === 'out' &&
      IN_FLIGHT.has(item.message.status) &&
      now - new Date(item.message.sentAt).getTime() < IN_FLIGHT_FOR_MS,
  );
}

/**
 * A contact's timeline, newest first, fetched a page at a time, optionally only some kinds; refreshed every
 * 30 seconds for new messages, and quickly while a message just sent moves through its ticks.
 */
export function useTimeline(contactId: string, kinds: readonly TimelineKind[] = []) {
  const filter = kinds.join(',');
  return useInfiniteQuery({
    queryKey: [...queryKeys.timeline(contactId), filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<TimelineItem>>(
        `/contacts/${encodeURIComponent(contactId)}/timeline${queryString({ limit: PAGE_SIZE, cursor: pageParam, kinds: filter })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) =>
      hasMessageInFlight(query.state.data?.pages[0]?.data) ? IN_FLIGHT_POLL_MS : IDLE_POLL_MS,
  });
}
