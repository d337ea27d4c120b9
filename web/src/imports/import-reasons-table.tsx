import { Badge, Table, Text } from '@mantine/core';
import type { ImportReason } from '../../../src/shared/import-schemas';

/** Props of the reasons table. */
export interface ImportReasonsTableProps {
  reasons: ImportReason[];
  /** True before the run: "would be skipped". */
  dryRun?: boolean;
}

const MAX_EXAMPLES = 5;

/** Why rows were (or would be) skipped or refused: the reason, how many rows, and a few example row numbers. */
export function ImportReasonsTable({ reasons, dryRun = false }: ImportReasonsTableProps) {
  if (reasons.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table fz="sm" withTableBorder>
        <Table.Caption>
          {dryRun ? 'Rows that would not be imported, and why' : 'Rows not imported, and why'} (row 1 is the
          first row after the headers)
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col">Reason</Table.Th>
            <Table.Th scope="col" ta="end">
              Rows
            </Table.Th>
            <Table.Th scope="col">For example, rows</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reasons.map((reason) => (
            <Table.Tr key={`${reason.outcome}:${reason.reason}`}>
              <Table.Td>
                <Badge variant="light" color={reason.outcome === 'failed' ? 'red' : 'gray'}>
                  {reason.outcome === 'failed' ? 'Invalid' : 'Skipped'}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{reason.reason}</Text>
              </Table.Td>
              <Table.Td ta="end">{reason.count.toLocaleString()}</Table.Td>
              <Table.Td>
                {reason.exampleRows
                  .slice(0, MAX_EXAMPLES)
                  .map((row) => row.toLocaleString())
                  .join(', ')}
                {reason.exampleRows.length > MAX_EXAMPLES || reason.count > reason.exampleRows.length
                  ? '…'
                  : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
