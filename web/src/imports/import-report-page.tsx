import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { useMembers } from '../api/workspace-queries';
import { formatMoment } from '../settings/shared/format-date';
import { useImport } from './import-queries';
import { formatBytes, isImportRunning, startedBy } from './import-labels';
import { ImportRunView } from './import-run-view';

/** One import's page (`/contacts/imports/:importId`): the file, who started it and when, then its progress or report. */
export function ImportReportPage() {
  const { importId = '' } = useParams();
  const item = useImport(importId, (current) => isImportRunning(current.state)).data;
  const members = useMembers();
  const who = item
    ? startedBy(item.createdBy, (id) => members.data?.find((member) => member.id === id)?.name)
    : null;
  useDocumentTitle(`${item ? `Import of ${item.file.name}` : 'Import'} · Rolo`);
  return (
    <Stack gap="md" maw={1180}>
      <Anchor component={Link} to="/contacts/imports" size="sm">
        ← Import history
      </Anchor>
      <div>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {item ? `Import of ${item.file.name}` : 'Import'}
        </Title>
        {item && (
          <Text c="dimmed" size="sm">
            {formatBytes(item.file.size)} · uploaded {formatMoment(item.createdAt)}
            {who && who !== '—' ? ` · started by ${who}` : ''}
            {item.finishedAt ? ` · finished ${formatMoment(item.finishedAt)}` : ''}
          </Text>
        )}
      </div>
      <ImportRunView importId={importId} />
    </Stack>
  );
}
