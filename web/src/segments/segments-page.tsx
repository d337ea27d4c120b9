import { Anchor, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import type { Segment } from '../../../src/shared/segment-schemas';
import { ErrorPanel } from '../ui/error-panel';
import { dateFormat } from '../ui/intl-formats';
import { useSegment, useSegments } from './segment-queries';

/** The live count of one segment (how many contacts match its filter now). */
function LiveCount({ id }: { id: string }) {
  const segment = useSegment(id);
  if (segment.isError)
    return (
      <Text c="red" size="sm">
        —
      </Text>
    );
  if (!segment.data) return <Skeleton h={14} w={48} ml="auto" />;
  return <>{segment.data.count.toLocaleString()}</>;
}

function SegmentRow({ segment }: { segment: Segment }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        <Anchor component={Link} to={`/segments/${encodeURIComponent(segment.id)}`}>
          {segment.name}
        </Anchor>
        {segment.description && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {segment.description}
          </Text>
        )}
      </Table.Th>
      <Table.Td ta="right">
        <LiveCount id={segment.id} />
      </Table.Td>
      <Table.Td ta="right">{segment.snapshotSize?.toLocaleString() ?? '—'}</Table.Td>
      <Table.Td>
        {segment.snapshotAt
          ? dateFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
              new Date(segment.snapshotAt),
            )
          : 'Not yet'}
      </Table.Td>
    </Table.Tr>
  );
}

/** Every segment with its live count and its last snapshot; new segments come from a filter on the contact list. */
export function SegmentsPage() {
  useDocumentTitle('Segments · Rolo');
  const segments = useSegments();
  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between">
        <Title order={1} size="h3">
          Segments
        </Title>
        <Button component={Link} to="/contacts?advanced=1">
          New segment
        </Button>
      </Group>
      <Text size="sm" c="dimmed" maw={640}>
        A segment is a saved filter whose contacts change as they change. Build a filter on the contact list,
        then choose Saved ▸ Save filter as segment.
      </Text>
      {segments.isError ? (
        <ErrorPanel
          title="The segments could not be loaded"
          error={segments.error}
          onRetry={() => void segments.refetch()}
        />
      ) : segments.data?.length === 0 ? (
        <Paper withBorder p="xl" radius="md" ta="center">
          <Text fw={500}>No segments yet</Text>
          <Text size="sm" c="dimmed">
            Filter the contact list (for example tag:VIP last_inbound&lt;30d) and save it as a segment.
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Segment</Table.Th>
                <Table.Th scope="col" ta="right">
                  Contacts now
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  At last snapshot
                </Table.Th>
                <Table.Th scope="col">Last snapshot</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {segments.isLoading
                ? [0, 1, 2].map((i) => (
                    <Table.Tr key={i}>
                      <Table.Td colSpan={4}>
                        <Skeleton h={16} />
                      </Table.Td>
                    </Table.Tr>
                  ))
                : segments.data?.map((segment) => <SegmentRow key={segment.id} segment={segment} />)}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
