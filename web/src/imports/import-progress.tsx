import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { Import } from '../../../src/shared/import-schemas';
import { formatDuration } from '../ui/duration-format';

/** Props of the progress view. */
export interface ImportProgressProps {
  item: Import;
  cancelling: boolean;
  onCancel(): void;
}

/** What the progress says: rows done of the total, rows a second and time left, as far as they are known. */
export function progressText(item: Import): string {
  if (item.state === 'queued') return 'Waiting to start…';
  const { done, total, rowsPerSecond, etaSeconds } = item.progress;
  const parts = [
    total === null
      ? `${done.toLocaleString()} rows done`
      : `${done.toLocaleString()} of ${total.toLocaleString()} rows`,
  ];
  if (rowsPerSecond !== null) parts.push(`${Math.round(rowsPerSecond).toLocaleString()} rows a second`);
  if (etaSeconds !== null) parts.push(`about ${formatDuration(etaSeconds)} left`);
  return parts.join(' · ');
}

/** A running import: a progress bar with rows done, speed and time left, and Cancel. */
export function ImportProgress({ item, cancelling, onCancel }: ImportProgressProps) {
  const { done, total } = item.progress;
  const known = total !== null && total > 0;
  return (
    <Stack gap="sm">
      <Progress
        aria-label="Import progress"
        size="lg"
        value={known ? Math.min(100, (100 * done) / total) : 100}
        animated={!known}
        striped={!known}
      />
      <Group justify="space-between" gap="sm">
        <Text size="sm">{progressText(item)}</Text>
        <Button variant="default" size="xs" onClick={onCancel} loading={cancelling}>
          Cancel import
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        You can leave this page: the import goes on, and its report stays in Import history. Cancelling keeps
        the contacts already imported.
      </Text>
    </Stack>
  );
}
