import { Button, Center, Loader, Paper, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CustomField } from '../api/types';
import { useMembers } from '../api/workspace-queries';
import { ErrorPanel } from '../ui/error-panel';
import type { DescribeContext } from './timeline-describe';
import { kindsOf, TimelineFilter } from './timeline-filter';
import { TimelineItemView } from './timeline-items';
import { useTimeline } from './timeline-queries';
import { TimeAgo } from './time-ago';

/** Calls `onVisible` whenever the returned element scrolls into view. */
function useSentinel(onVisible: () => void, active: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const callback = useRef(onVisible);
  useEffect(() => {
    callback.current = onVisible;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element || !active || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current();
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [active]);
  return ref;
}

const ITEM_COLORS = { event: 'teal', note: 'yellow', message: 'blue' } as const;

/** The contact's messages, changes and notes, newest first, filtered by kind, loading older pages as it scrolls. */
export function TimelinePanel({ contactId, fields }: { contactId: string; fields: CustomField[] }) {
  const [filter, setFilter] = useState('all');
  const timeline = useTimeline(contactId, kindsOf(filter));
  const members = useMembers();
  const context = useMemo<DescribeContext>(
    () => ({ fields, memberName: (id) => members.data?.find((member) => member.id === id)?.name }),
    [fields, members.data],
  );
  const items = timeline.data?.pages.flatMap((page) => page.data) ?? [];
  const loadMore = () => {
    if (timeline.hasNextPage && !timeline.isFetchingNextPage) void timeline.fetchNextPage();
  };
  const sentinel = useSentinel(loadMore, Boolean(timeline.hasNextPage));
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="timeline-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="timeline-heading">
          Timeline
        </Title>
        <TimelineFilter value={filter} onChange={setFilter} />
        {timeline.isPending && (
          <Stack gap="xs" aria-label="Loading timeline" role="status">
            <Skeleton h={14} w="70%" />
            <Skeleton h={14} w="55%" />
            <Skeleton h={14} w="62%" />
          </Stack>
        )}
        {timeline.isError && (
          <ErrorPanel
            title="The timeline could not be loaded"
            error={timeline.error}
            onRetry={() => void timeline.refetch()}
          />
        )}
        {timeline.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {filter === 'all' ? 'Nothing has happened to this contact yet.' : 'Nothing of this kind yet.'}
          </Text>
        )}
        {items.length > 0 && (
          <Timeline bulletSize={10} lineWidth={2} role="list" aria-label="Timeline of this contact">
            {items.map((item) => (
              <Timeline.Item
                key={`${item.kind}:${item.id}`}
                role="listitem"
                color={ITEM_COLORS[item.kind]}
                title={<TimeAgo iso={item.at} fw={500} />}
              >
                <TimelineItemView item={item} context={context} />
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        <div ref={sentinel} aria-hidden="true" />
        {timeline.isFetchingNextPage && (
          <Center>
            <Loader size="xs" aria-label="Loading older events" />
          </Center>
        )}
        {timeline.hasNextPage && !timeline.isFetchingNextPage && (
          <Button variant="subtle" size="xs" onClick={loadMore}>
            Load more
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
