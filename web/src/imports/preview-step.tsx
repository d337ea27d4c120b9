import { Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ImportUpload } from '../../../src/shared/import-schemas';
import { fileFacts, formatBytes } from './import-labels';

/** Props of the preview step. */
export interface PreviewStepProps {
  upload: ImportUpload;
}

/** The second step: how the file was read (format, encoding, delimiter, recognised export) and its first rows. */
export function PreviewStep({ upload }: PreviewStepProps) {
  const { file } = upload.import;
  const rows = upload.preview;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">
          {file.name}{' '}
          <Text span c="dimmed" size="sm" fw={400}>
            · {formatBytes(file.size)}
          </Text>
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" component="dl" m={0}>
          {fileFacts(file).map((fact) => (
            <Group key={fact.label} gap={6} wrap="nowrap" align="baseline">
              <Text component="dt" size="sm" c="dimmed">
                {fact.label}:
              </Text>
              <Text component="dd" size="sm" m={0}>
                {fact.value}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
      </Paper>
      <Table.ScrollContainer minWidth={480} maxHeight={420}>
        <Table striped withTableBorder withColumnBorders stickyHeader fz="sm">
          <Table.Caption>
            {rows.length
              ? `The first ${rows.length.toLocaleString()} rows of the file, as read`
              : 'The file has headers but no rows'}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              {file.headers.map((header, index) => (
                <Table.Th key={index} scope="col">
                  {header || `Column ${index + 1}`}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, rowIndex) => (
              <Table.Tr key={rowIndex}>
                <Table.Td c="dimmed">{rowIndex + 1}</Table.Td>
                {file.headers.map((_, index) => (
                  <Table.Td key={index} style={{ whiteSpace: 'nowrap', maxWidth: 280 }}>
                    <Text size="sm" truncate="end" title={row[index] ?? ''}>
                      {row[index] ?? ''}
                    </Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
