import { Alert, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';
import classes from './drop-zone.module.css';
import { formatBytes } from './import-labels';
import type { UploadState } from './use-upload';

/** The file types the import reads. */
const ACCEPT =
  '.csv,.tsv,.txt,.xlsx,.vcf,text/csv,text/vcard,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Props of the upload step. */
export interface UploadStepProps {
  state: UploadState;
  onFile(file: File): void;
  onCancel(): void;
}

/** The first step: drop a file or choose one, then follow its upload (with Cancel) or read why it was refused. */
export function UploadStep({ state, onFile, onCancel }: UploadStepProps) {
  const [over, setOver] = useState(false);
  const reset = useRef<() => void>(null);
  const sending = state.phase === 'sending';
  const pick = (file: File | null) => {
    reset.current?.();
    if (file) onFile(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!sending) pick(event.dataTransfer.files[0] ?? null);
  };
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = sending ? 'none' : 'copy';
    setOver(true);
  };

  return (
    <Stack gap="md">
      <div
        className={classes.zone}
        data-over={over || undefined}
        role="group"
        aria-label="File to import"
        onDragOver={onDragOver}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Stack align="center" gap="xs">
          <Text fw={600}>Drag a file here, or choose one</Text>
          <Text size="sm" c="dimmed" maw={520}>
            CSV (comma, semicolon or tab separated), Excel workbooks (.xlsx) and vCard files (.vcf), up to 1
            GB. Exports of Google Contacts, Outlook, HubSpot and Salesforce are recognised.
          </Text>
          <FileButton onChange={pick} accept={ACCEPT} resetRef={reset} disabled={sending}>
            {(props) => (
              <Button {...props} mt="xs" disabled={sending}>
                Choose a file
              </Button>
            )}
          </FileButton>
        </Stack>
      </div>
      {state.phase === 'sending' && (
        <Stack gap={6} aria-label="Upload" role="group">
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={500}>
              {state.file.name} · {formatBytes(state.file.size)}
            </Text>
            <Button size="xs" variant="default" onClick={onCancel}>
              Cancel upload
            </Button>
          </Group>
          <Progress
            aria-label={`Uploading ${state.file.name}`}
            value={state.file.size ? (100 * state.loaded) / state.file.size : 100}
            animated={state.loaded >= state.file.size}
            striped={state.loaded >= state.file.size}
          />
          <Text size="xs" c="dimmed" role="status">
            {state.loaded >= state.file.size
              ? 'Uploaded; reading the file…'
              : `${formatBytes(state.loaded)} of ${formatBytes(state.file.size)} sent`}
          </Text>
        </Stack>
      )}
      {state.phase === 'done' && (
        <Text size="sm" role="status">
          {state.file.name} ({formatBytes(state.file.size)}) is uploaded. Choosing another file starts over.
        </Text>
      )}
      {state.phase === 'failed' && (
        <Alert color="red" title={state.title} role="alert">
          <Text size="sm">
            {state.file.name} ({formatBytes(state.file.size)}): {state.message}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
