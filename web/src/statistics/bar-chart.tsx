import { Box, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { ChartTable } from './chart-table';
import { chartMax, isChartEmpty, type ChartData } from './stats-series';

/** Props of a bar chart. */
export interface BarChartProps {
  title: string;
  data: ChartData;
  /** What to say when every day is zero. */
  emptyText: string;
}

const SLOT = 10;
const BAR = 7;
const HEIGHT = 100;

/** The drawing: one bar per day, its series stacked bottom up; a tooltip per day for pointer users. */
function Bars({ data }: { data: ChartData }) {
  const max = chartMax(data);
  return (
    <svg
      viewBox={`0 0 ${data.rows.length * SLOT} ${HEIGHT}`}
      preserveAspectRatio="none"
      width="100%"
      height={160}
      aria-hidden="true"
      focusable="false"
      style={{ display: 'block', borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      {data.rows.map((row, index) => {
        let top = HEIGHT;
        const tip = `${row.label}: ${data.series.map((series, i) => `${row.values[i] ?? 0} ${series.label.toLowerCase()}`).join(', ')}`;
        return (
          <g key={row.day}>
            <title>{tip}</title>
            <rect x={index * SLOT} y={0} width={SLOT} height={HEIGHT} fill="transparent" />
            {row.values.map((value, i) => {
              const height = (value / max) * HEIGHT;
              top -= height;
              return value > 0 ? (
                <rect
                  key={data.series[i]?.key ?? i}
                  x={index * SLOT + (SLOT - BAR) / 2}
                  y={top}
                  width={BAR}
                  height={height}
                  fill={data.series[i]?.color}
                />
              ) : null;
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** Colour keys of a stacked chart. */
function Legend({ data }: { data: ChartData }) {
  return (
    <Group gap="md" aria-hidden="true">
      {data.series.map((series) => (
        <Group key={series.key} gap={6} wrap="nowrap">
          <Box w={10} h={10} style={{ background: series.color, borderRadius: 2 }} />
          <Text size="xs">{series.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

/** A titled stacked bar chart per day in plain SVG, with its numbers as a table (hidden for sighted users unless asked). */
export function BarChart({ title, data, emptyText }: BarChartProps) {
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const empty = isChartEmpty(data);
  const first = data.rows[0];
  const last = data.rows[data.rows.length - 1];
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {!empty && (
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => setAsTable(!asTable)}
              aria-pressed={asTable}
            >
              Show as table
            </Button>
          )}
        </Group>
        {empty ? (
          <Text size="sm" c="dimmed">
            {emptyText}
          </Text>
        ) : asTable ? (
          <ChartTable caption={`${title} per day`} data={data} />
        ) : (
          <>
            {(data.series.length > 1 || data.series[0]?.label !== title) && <Legend data={data} />}
            <Group gap="xs" align="stretch" wrap="nowrap">
              <Stack justify="space-between" gap={0} aria-hidden="true">
                <Text size="xs" c="dimmed" ta="right">
                  {chartMax(data).toLocaleString()}
                </Text>
                <Text size="xs" c="dimmed" ta="right">
                  0
                </Text>
              </Stack>
              <Box flex={1} miw={0}>
                <Bars data={data} />
                <Group justify="space-between" aria-hidden="true">
                  <Text size="xs" c="dimmed">
                    {first?.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {last?.label}
                  </Text>
                </Group>
              </Box>
            </Group>
            <VisuallyHidden>
              <ChartTable caption={`${title} per day`} data={data} />
            </VisuallyHidden>
          </>
        )}
      </Stack>
    </Paper>
  );
}
