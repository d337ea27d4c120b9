import { Box, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import type { SegmentSnapshot } from '../../../src/shared/segment-schemas';
import { ChartTable } from '../statistics/chart-table';
import { dayLabel, type ChartData } from '../statistics/stats-series';

const SLOT = 10;
const SIZE_HEIGHT = 60;
const FLOW_HEIGHT = 40;
const GAP = 8;
const COLORS = {
  size: 'var(--mantine-color-teal-6)',
  entered: 'var(--mantine-color-blue-5)',
  left: 'var(--mantine-color-orange-6)',
};

/** The snapshots as chart data (size, entered, left per day), for the table view. */
export function activityChartData(data: SegmentSnapshot[]): ChartData {
  return {
    series: [
      { key: 'size', label: 'Size', color: COLORS.size },
      { key: 'entered', label: 'Entered', color: COLORS.entered },
      { key: 'left', label: 'Left', color: COLORS.left },
    ],
    rows: data.map((s) => ({ day: s.day, label: dayLabel(s.day), values: [s.size, s.entered, s.left] })),
  };
}

const DRAWN_HEIGHT = 220;
const px = (units: number) => (units / (SIZE_HEIGHT + GAP + FLOW_HEIGHT)) * DRAWN_HEIGHT;

/** The scale beside the drawing: the largest size, and the most contacts that entered or left in a day. */
function Scale({ data }: { data: SegmentSnapshot[] }) {
  const maxSize = Math.max(1, ...data.map((s) => s.size));
  const maxFlow = Math.max(1, ...data.map((s) => Math.max(s.entered, s.left)));
  const label = (top: number, text: string) => (
    <Text size="xs" c="dimmed" ta="right" pos="absolute" right={0} top={top} lh={1}>
      {text}
    </Text>
  );
  return (
    <Box pos="relative" w={44} h={DRAWN_HEIGHT} aria-hidden="true" style={{ flexShrink: 0 }}>
      {label(0, maxSize.toLocaleString())}
      {label(px(SIZE_HEIGHT) - 12, '0')}
      {label(px(SIZE_HEIGHT + GAP), `+${maxFlow.toLocaleString()}`)}
      {label(px(SIZE_HEIGHT + GAP + FLOW_HEIGHT) - 12, `−${maxFlow.toLocaleString()}`)}
    </Box>
  );
}

/** The drawing: the size as a line over the days, and below it contacts that entered (up) and left (down). */
function Drawing({ data }: { data: SegmentSnapshot[] }) {
  const width = Math.max(data.length, 2) * SLOT;
  const maxSize = Math.max(1, ...data.map((s) => s.size));
  const maxFlow = Math.max(1, ...data.map((s) => Math.max(s.entered, s.left)));
  const x = (i: number) => i * SLOT + SLOT / 2;
  const y = (size: number) => SIZE_HEIGHT - (size / maxSize) * (SIZE_HEIGHT - 4);
  const line = data.map((s, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(s.size)}`).join(' ');
  const area = data.length ? `${line} L${x(data.length - 1)},${SIZE_HEIGHT} L${x(0)},${SIZE_HEIGHT} Z` : '';
  const mid = SIZE_HEIGHT + GAP + FLOW_HEIGHT / 2;
  const bar = (value: number) => (value / maxFlow) * (FLOW_HEIGHT / 2);
  return (
    <svg
      viewBox={`0 0 ${width} ${SIZE_HEIGHT + GAP + FLOW_HEIGHT}`}
      preserveAspectRatio="none"
      width="100%"
      height={DRAWN_HEIGHT}
      aria-hidden="true"
      focusable="false"
      style={{ display: 'block' }}
    >
      <path d={area} fill={COLORS.size} fillOpacity={0.15} />
      <path d={line} fill="none" stroke={COLORS.size} strokeWidth={2} vectorEffect="non-scaling-stroke" />
      <line
        x1={0}
        x2={width}
        y1={mid}
        y2={mid}
        stroke="var(--mantine-color-default-border)"
        vectorEffect="non-scaling-stroke"
      />
      {data.map((s, i) => (
        <g key={s.day}>
          <title>{`${dayLabel(s.day)}: ${s.size.toLocaleString()} contacts, ${s.entered.toLocaleString()} entered, ${s.left.toLocaleString()} left`}</title>
          <rect x={i * SLOT} y={0} width={SLOT} height={SIZE_HEIGHT + GAP + FLOW_HEIGHT} fill="transparent" />
          {s.entered > 0 && (
            <rect
              x={i * SLOT + 1.5}
              y={mid - bar(s.entered)}
              width={SLOT - 3}
              height={bar(s.entered)}
              fill={COLORS.entered}
            />
          )}
          {s.left > 0 && (
            <rect x={i * SLOT + 1.5} y={mid} width={SLOT - 3} height={bar(s.left)} fill={COLORS.left} />
          )}
        </g>
      ))}
    </svg>
  );
}

function Key({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Box w={10} h={10} style={{ background: color, borderRadius: 2 }} />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/** A segment's activity: its size per day, and how many contacts entered and left it, in plain SVG with a table view. */
export function SegmentActivityChart({ data }: { data: SegmentSnapshot[] }) {
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const chart = activityChartData(data);
  const first = data[0];
  const last = data[data.length - 1];
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            Activity
          </Title>
          {data.length > 0 && (
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
        {data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No snapshots yet. Rolo takes one every day; take one now to start the chart.
          </Text>
        ) : asTable ? (
          <ChartTable caption="Segment activity per day" data={chart} />
        ) : (
          <>
            <Group gap="md" aria-hidden="true">
              <Key color={COLORS.size} label="Size" />
              <Key color={COLORS.entered} label="Entered" />
              <Key color={COLORS.left} label="Left" />
            </Group>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <Scale data={data} />
              <Box flex={1} miw={0}>
                <Drawing data={data} />
                <Group justify="space-between" aria-hidden="true">
                  <Text size="xs" c="dimmed">
                    {first && dayLabel(first.day)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {last && dayLabel(last.day)}
                  </Text>
                </Group>
              </Box>
            </Group>
            <VisuallyHidden>
              <ChartTable caption="Segment activity per day" data={chart} />
            </VisuallyHidden>
          </>
        )}
      </Stack>
    </Paper>
  );
}
