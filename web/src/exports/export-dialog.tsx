import { Alert, Button, Checkbox, Group, Modal, Progress, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import {
  EXPORT_MAX_IDS,
  type Export,
  type ExportFormat,
  type ExportSelection,
} from '../../../src/shared/export-schemas';
import { messageOf } from '../api/api-error';
import { queryKeys, useCustomFields } from '../api/workspace-queries';
import { formatBytes } from '../imports/import-labels';
import { formatMoment } from '../settings/shared/format-date';
import { ExportColumnChecklist } from './export-column-checklist';
import { defaultExportColumns, exportColumnGroups, orderedColumns } from './export-columns';
import { cancelExport, isExportRunning, requestExport, useExport } from './export-queries';

/** Props of the export dialog. */
export interface ExportDialogProps {
  selection: ExportSelection;
  /** Which contacts, in words: "3 selected contacts", "all 1,204 contacts matching “silva”". */
  scope: string;
  onClose(): void;
}

const FORMAT_NAMES: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'Excel' };

/** The export's progress, or its file ready to download with the time the link lapses. */
function ExportOutcome({ item, onClose, onCancel }: { item: Export; onClose(): void; onCancel(): void }) {
  if (isExportRunning(item)) {
    const { done, total } = item.progress;
    return (
      <Stack>
        <Text size="sm" role="status">
          {item.state === 'queued'
            ? 'Waiting to start…'
            : `Writing the file… ${done.toLocaleString()} of ${total.toLocaleString()} contacts`}
        </Text>
        <Progress
          aria-label="Export progress"
          value={total ? (100 * done) / total : 100}
          animated={!total}
          striped={!total}
        />
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Text size="xs" c="dimmed">
            Closing this dialog does not stop the export, but its download link is only shown here.
          </Text>
          <Button size="xs" variant="default" onClick={onCancel}>
            Cancel export
          </Button>
        </Group>
      </Stack>
    );
  }
  if (item.state === 'done' && item.downloadUrl)
    return (
      <Stack>
        <Alert color="teal" title="Your file is ready" role="status">
          {item.rows.toLocaleString()} {item.rows === 1 ? 'contact' : 'contacts'} in a{' '}
          {FORMAT_NAMES[item.format]} file
          {item.fileSize !== null ? ` of ${formatBytes(item.fileSize)}` : ''}.
          {item.expiresAt ? ` The link works until ${formatMoment(item.expiresAt)}.` : ''}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button component="a" href={item.downloadUrl} download data-autofocus>
            Download {FORMAT_NAMES[item.format]} file
          </Button>
        </Group>
      </Stack>
    );
  return (
    <Stack>
      <Alert color="red" title="The export did not finish" role="alert">
        {item.state === 'expired'
          ? 'Its download link has expired; export the contacts again.'
          : (item.error ?? `The export was ${item.state}.`)}
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onClose}>Close</Button>
      </Group>
    </Stack>
  );
}

/** Exports contacts: format, BOM and columns, then the job's progress, then the download link and its expiry. */
export function ExportDialog({ selection, scope, onClose }: ExportDialogProps) {
  const customFields = useCustomFields();
  const groups = useMemo(() => exportColumnGroups(customFields.data ?? []), [customFields.data]);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [bom, setBom] = useState(false);
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const chosen = picked ?? new Set(defaultExportColumns(groups));
  const queryClient = useQueryClient();
  const start = useMutation({ mutationFn: requestExport });
  const cancel = useMutation({
    mutationFn: cancelExport,
    onSuccess: (cancelled) => queryClient.setQueryData(queryKeys.exportById(cancelled.id), cancelled),
  });
  const followed = useExport(start.data?.id ?? null);
  const item = followed.data ?? start.data;
  const tooMany = 'ids' in selection && selection.ids.length > EXPORT_MAX_IDS;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.size === 0 || tooMany) return;
    start.mutate({
      selection,
      format,
      columns: orderedColumns(groups, chosen),
      bom: format === 'csv' && bom,
    });
  };

  return (
    <Modal opened onClose={onClose} title="Export contacts" size="lg">
      {item ? (
        <ExportOutcome item={item} onClose={onClose} onCancel={() => cancel.mutate(item.id)} />
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">Exporting {scope}.</Text>
            {tooMany && (
              <Alert color="yellow" role="alert">
                An export of chosen contacts takes up to {EXPORT_MAX_IDS.toLocaleString()} of them. Select all
                matching contacts instead, or fewer.
              </Alert>
            )}
            <Radio.Group label="Format" value={format} onChange={(value) => setFormat(value as ExportFormat)}>
              <Group gap="lg" mt={6}>
                <Radio value="csv" label="CSV" />
                <Radio value="xlsx" label="Excel (.xlsx)" />
              </Group>
            </Radio.Group>
            {format === 'csv' && (
              <Checkbox
                label="Add a BOM for Excel"
                description="Lets Excel open the file with accents and other letters intact; leave it off for other tools."
                checked={bom}
                onChange={(event) => setBom(event.currentTarget.checked)}
              />
            )}
            <ExportColumnChecklist groups={groups} chosen={chosen} onChange={setPicked} />
            {chosen.size === 0 && (
              <Text size="sm" c="red.9">
                Tick at least one column.
              </Text>
            )}
            {start.isError && (
              <Alert color="red" role="alert" title="The export did not start">
                {messageOf(start.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={start.isPending} disabled={chosen.size === 0 || tooMany}>
                Export
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
