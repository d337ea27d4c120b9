import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import type { DryRunState } from './use-dry-run';
import { ImportCounts } from './import-counts';
import { ImportReasonsTable } from './import-reasons-table';
import { plural } from '../settings/shared/plural';

/** Props of the dry run step. */
export interface DryRunStepProps {
  state: DryRunState;
}

/** The fifth step: what the import would do, read from every row without writing anything. */
export function DryRunStep({ state }: DryRunStepProps) {
  if (state.phase === 'failed')
    return (
      <Alert color="red" title="The dry run did not finish" role="alert">
        {state.message}
      </Alert>
    );
  if (state.phase !== 'ready')
    return (
      <Group gap="sm" py="lg" role="status">
        <Loader size="sm" />
        <Text size="sm">Reading every row to see what the import would do; nothing is saved yet…</Text>
      </Group>
    );
  const { result } = state;
  return (
    <Stack gap="md">
      <Text role="status">
        Checked {plural(result.rows, 'row')}. Nothing has been saved yet: this is what the import would do.
      </Text>
      <ImportCounts counts={result.counts} dryRun label="What the import would do" />
      {result.newFields.length > 0 && (
        <Text size="sm">
          New custom fields to create: <strong>{result.newFields.join(', ')}</strong>
        </Text>
      )}
      <ImportReasonsTable reasons={result.reasons} dryRun />
    </Stack>
  );
}
