import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import type { Import } from '../../../src/shared/import-schemas';
import { useMembers } from '../api/workspace-queries';
import { formatMoment } from '../settings/shared/format-date';
import { ErrorPanel } from '../ui/error-panel';
import { PageLoader } from '../ui/page-loader';
import {
  errorsFileUrl,
  IMPORT_STATE_COLORS,
  IMPORT_STATE_LABELS,
  isImportRunning,
  rowsInErrorsFile,
  startedBy,
} from './import-labels';
import { useImports } from './import-queries';

const reportPath = (item: Import) => `/contacts/imports/${encodeURIComponent(item.id)}`;

/** One import's counts, or its progress while it runs. */
function countsOf(item: Import): string {
  if (isImportRunning(item.state))
    return item.progress.total === null
      ? `${item.progress.done.toLocaleString()} rows so far`
      : `${item.progress.done.toLocaleString()} of ${item.progress.total.toLocaleString()} rows`;
  if (item.state === 'uploaded') return '—';
  const { created, updated, skipped, failed } = item.counts;
  return `${created.toLocaleString()} created · ${updated.toLocaleString()} updated · ${skipped.toLocaleString()} skipped · ${failed.toLocaleString()} failed`;
}

/** Import history (`/contacts/imports`): every import, newest first, with its state, counts, report and errors file. */
export function ImportHistoryPage() {
  useDocumentTitle('Import history · Rolo');
  const imports = useImports();
  const members = useMembers();
  const memberName = (id: string) => members.data?.find((member) => member.id === id)?.name;

  let content;
  if (imports.isPending) content = <PageLoader label="Loading imports" />;
  else if (imports.isError)
    content = (
      <ErrorPanel
        title="The imports could not be loaded"
        error={imports.error}
        onRetry={() => void imports.refetch()}
      />
    );
  else if (imports.data.length === 0)
    content = (
      <Paper withBorder p="xl" ta="center">
        <Text fw={600}>No imports yet</Text>
        <Text size="sm" c="dimmed">
          Imports of CSV, Excel and vCard files are listed here with their reports.
        </Text>
      </Paper>
    );
  else
    content = (
      <Table.ScrollContainer minWidth={860}>
        <Table fz="sm" highlightOnHover verticalSpacing="xs">
          <Table.Caption>Imports of this workspace, newest first</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">File</Table.Th>
              <Table.Th scope="col">Date</Table.Th>
              <Table.Th scope="col">By</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Rows</Table.Th>
              <Table.Th scope="col">Errors</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imports.data.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td maw={280} style={{ overflowWrap: 'anywhere' }}>
                  <Anchor component={Link} to={reportPath(item)} size="sm">
                    {item.file.name}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMoment(item.createdAt)}</Table.Td>
                <Table.Td>{startedBy(item.createdBy, memberName)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={IMPORT_STATE_COLORS[item.state]}>
                    {IMPORT_STATE_LABELS[item.state]}
                  </Badge>
                </Table.Td>
                <Table.Td>{countsOf(item)}</Table.Td>
                <Table.Td>
                  {!isImportRunning(item.state) && rowsInErrorsFile(item) > 0 ? (
                    <Anchor href={errorsFileUrl(item.id)} download size="sm">
                      Errors (CSV)<VisuallyHidden> of {item.file.name}</VisuallyHidden>
                    </Anchor>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      None
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <Stack gap="md" maw={1180}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            Import history
          </Title>
          <Text c="dimmed" size="sm">
            Every import of this workspace: open one for its full report.
          </Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to="/contacts" variant="default">
            Back to contacts
          </Button>
          <Button component={Link} to="/contacts/import">
            Import contacts
          </Button>
        </Group>
      </Group>
      {content}
    </Stack>
  );
}
