import {
  Anchor,
  Button,
  Code,
  Group,
  Menu,
  Modal,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { messageOf } from '../api/api-error';
import { NameDialog } from '../search/name-dialog';
import { writeSearchBox } from '../search/search-text';
import { useFilterFields } from '../search/use-filter-fields';
import { isJobFinished, useJobProgress } from '../settings/shared/use-job-progress';
import { ErrorPanel } from '../ui/error-panel';
import { SegmentActivityChart } from './segment-activity-chart';
import { SegmentContacts } from './segment-contacts';
import { segmentKeys, useSegment, useSegmentActivity, useSegmentMutations } from './segment-queries';

const ACTIVITY_DAYS = 90;

/** Takes a snapshot now and refreshes the chart once the job is done. */
function useSnapshotNow(segmentId: string) {
  const queryClient = useQueryClient();
  const { snapshot } = useSegmentMutations();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJobProgress(jobId);
  const finished = isJobFinished(job.data);
  useEffect(() => {
    if (!finished || !job.data) return;
    if (job.data.state === 'done')
      void queryClient.invalidateQueries({ queryKey: segmentKeys.one(segmentId) });
    else notifications.show({ color: 'red', message: job.data.error ?? 'The snapshot failed' });
    setJobId(null);
  }, [finished, job.data, queryClient, segmentId]);
  return {
    running: snapshot.isPending || jobId !== null,
    start: () =>
      snapshot.mutate(segmentId, {
        onSuccess: (started) => setJobId(started.id),
        onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }),
      }),
  };
}

/** One segment: its filter, live count, activity chart (daily snapshots) and contacts. */
export function SegmentPage() {
  const { segmentId = '' } = useParams();
  const navigate = useNavigate();
  const fields = useFilterFields();
  const segment = useSegment(segmentId);
  const activity = useSegmentActivity(segmentId, ACTIVITY_DAYS);
  const { update, remove } = useSegmentMutations();
  const snapshot = useSnapshotNow(segmentId);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [description, setDescription] = useState('');
  useDocumentTitle(`${segment.data?.name ?? 'Segment'} · Rolo`);

  if (segment.isError)
    return (
      <ErrorPanel
        title="This segment could not be loaded"
        error={segment.error}
        onRetry={() => void segment.refetch()}
      />
    );
  if (!segment.data) return <Skeleton h={240} />;
  const data = segment.data;
  const filterText = writeSearchBox('', data.filter, fields);
  const contactsHref = `/contacts?${new URLSearchParams({ filter: JSON.stringify(data.filter) }).toString()}`;
  const editHref = `/contacts?${new URLSearchParams({ filter: JSON.stringify(data.filter), segment: data.id, advanced: '1' }).toString()}`;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2}>
          <Anchor component={Link} to="/segments" size="sm">
            ← Segments
          </Anchor>
          <Group gap="sm" align="baseline">
            <Title order={1} size="h3">
              {data.name}
            </Title>
            <Text size="sm" c="dimmed" data-testid="segment-count">
              {data.count.toLocaleString()} {data.count === 1 ? 'contact' : 'contacts'} now
            </Text>
          </Group>
          {data.description && (
            <Text size="sm" c="dimmed" maw={640}>
              {data.description}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button variant="default" loading={snapshot.running} onClick={snapshot.start}>
            Run snapshot now
          </Button>
          <Button variant="default" component={Link} to={contactsHref}>
            Open in contacts
          </Button>
          {data.canEdit && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="subtle" aria-label={`Actions for ${data.name}`}>
                  ⋯
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component={Link} to={editHref}>
                  Edit filter…
                </Menu.Item>
                <Menu.Item
                  onClick={() => {
                    setDescription(data.description ?? '');
                    setRenaming(true);
                  }}
                >
                  Rename…
                </Menu.Item>
                <Menu.Item color="red" onClick={() => setDeleting(true)}>
                  Delete…
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      <Group gap="xs" wrap="nowrap" align="baseline">
        <Text size="sm" fw={500}>
          Filter
        </Text>
        <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {filterText || 'every contact'}
        </Code>
      </Group>
      {activity.isError ? (
        <ErrorPanel
          title="The activity could not be loaded"
          error={activity.error}
          onRetry={() => void activity.refetch()}
        />
      ) : activity.data ? (
        <SegmentActivityChart data={activity.data.data} />
      ) : (
        <Skeleton h={260} />
      )}
      <Title order={2} size="h4">
        Contacts
      </Title>
      <SegmentContacts segmentId={data.id} filter={data.filter} />
      {renaming && (
        <NameDialog
          title="Rename segment"
          nameLabel="Segment name"
          initialName={data.name}
          submitLabel="Save"
          onClose={() => setRenaming(false)}
          onSubmit={(name) =>
            update.mutateAsync({ id: data.id, name, description: description.trim() || null })
          }
        >
          <Textarea
            label="Description"
            maxLength={500}
            autosize
            minRows={2}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
        </NameDialog>
      )}
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={`Delete “${data.name}”?`} centered>
        <Text size="sm">The contacts stay; the segment, its snapshots and its activity go.</Text>
        <Group justify="flex-end" mt="md" gap="xs">
          <Button variant="default" onClick={() => setDeleting(false)}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(data.id, {
                onSuccess: () => void navigate('/segments'),
                onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }),
              })
            }
          >
            Delete
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
