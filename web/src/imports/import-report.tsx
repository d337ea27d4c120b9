import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Import } from '../../../src/shared/import-schemas';
import { plural } from '../settings/shared/plural';
import { ImportCounts } from './import-counts';
import { errorsFileUrl, rowsInErrorsFile } from './import-labels';
import { ImportReasonsTable } from './import-reasons-table';

/** Props of the report. */
export interface ImportReportProps {
  item: Import;
  /** More buttons after "View contacts" (the wizard offers another import). */
  actions?: ReactNode;
}

/** How an import ended, in one sentence. */
function headline(item: Import, rows: number): { title: string; color: string; text: string } {
  if (item.state === 'cancelled')
    return {
      title: 'Import cancelled',
      color: 'orange',
      text: `Stopped after ${plural(rows, 'row')}; contacts already imported stay.`,
    };
  if (item.state === 'failed')
    return {
      title: 'The import stopped',
      color: 'red',
      text: `${item.error ?? 'Something went wrong on the server.'} It stopped after ${plural(rows, 'row')}; contacts already imported stay.`,
    };
  return {
    title: 'Import finished',
    color: 'teal',
    text: `All ${plural(rows, 'row')} of the file were read.`,
  };
}

/** The final report: created, updated, skipped and failed (adding up to the rows read), why, and the errors file. */
export function ImportReport({ item, actions }: ImportReportProps) {
  const { counts } = item;
  const rows = counts.created + counts.updated + counts.skipped + counts.failed;
  const summary = headline(item, rows);
  const errors = rowsInErrorsFile(item);
  return (
    <Stack gap="md">
      <Alert color={summary.color} title={summary.title} role="status">
        {summary.text}
      </Alert>
      <ImportCounts counts={counts} label="Import results" />
      <ImportReasonsTable reasons={item.reasons} />
      {errors > 0 && (
        <Text size="sm">
          The errors file lists every row not imported ({plural(errors, 'row')}) with its original columns and
          the reason: fix them and import that file again.
        </Text>
      )}
      <Group gap="sm">
        {errors > 0 && (
          <Button component="a" href={errorsFileUrl(item.id)} download variant="default">
            Download errors (CSV)
          </Button>
        )}
        <Button component={Link} to="/contacts">
          View contacts
        </Button>
        {actions}
      </Group>
    </Stack>
  );
}
