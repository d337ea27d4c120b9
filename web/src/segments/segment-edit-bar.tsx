import { Badge, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import type { FilterNode } from '../../../src/shared/filter/filter-tree';
import { messageOf } from '../api/api-error';
import { useSegment, useSegmentMutations } from './segment-queries';

/** Props of the bar shown while a segment's filter is being changed on the contact list. */
export interface SegmentEditBarProps {
  segmentId: string;
  /** The list's filter and words as one tree: what the segment would keep. */
  filter: FilterNode | null;
}

/** On the contact list opened from a segment's "Edit filter": saves the list's filter into the segment. */
export function SegmentEditBar({ segmentId, filter }: SegmentEditBarProps) {
  const segment = useSegment(segmentId);
  const { update } = useSegmentMutations();
  if (!segment.data) return null;
  const { name, canEdit } = segment.data;
  const changed = JSON.stringify(filter ?? { and: [] }) !== JSON.stringify(segment.data.filter);
  const href = `/segments/${encodeURIComponent(segmentId)}`;
  return (
    <Group gap="xs" wrap="wrap" mih={36} data-testid="segment-edit-bar">
      <Text size="sm">
        Segment <strong>{name}</strong>
      </Text>
      {changed && (
        <Badge size="sm" variant="outline" color="orange">
          Filter changed
        </Badge>
      )}
      {canEdit && changed && (
        <Button
          size="compact-xs"
          loading={update.isPending}
          onClick={() =>
            update.mutate(
              { id: segmentId, filter: filter ?? { and: [] } },
              {
                onSuccess: () =>
                  notifications.show({ color: 'teal', message: `${name} now uses this filter` }),
                onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }),
              },
            )
          }
        >
          Save filter to segment
        </Button>
      )}
      <Button size="compact-xs" variant="subtle" component={Link} to={href}>
        Back to segment
      </Button>
    </Group>
  );
}
