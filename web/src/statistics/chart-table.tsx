import { Table } from '@mantine/core';
import type { ChartData } from './stats-series';

/** The numbers behind a chart, one row per day: for screen readers, and for anyone who asks for the table. */
export function ChartTable({ caption, data }: { caption: string; data: ChartData }) {
  const stacked = data.series.length > 1;
  return (
    <Table striped verticalSpacing={4} fz="sm">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Day</Table.Th>
          {data.series.map((series) => (
            <Table.Th key={series.key} scope="col" ta="right">
              {series.label}
            </Table.Th>
          ))}
          {stacked && (
            <Table.Th scope="col" ta="right">
              Total
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.rows.map((row) => (
          <Table.Tr key={row.day}>
            <Table.Th scope="row" fw={400}>
              <time dateTime={row.day}>{row.label}</time>
            </Table.Th>
            {row.values.map((value, index) => (
              <Table.Td key={data.series[index]?.key ?? index} ta="right">
                {value.toLocaleString()}
              </Table.Td>
            ))}
            {stacked && (
              <Table.Td ta="right">
                {row.values.reduce((sum, value) => sum + value, 0).toLocaleString()}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
