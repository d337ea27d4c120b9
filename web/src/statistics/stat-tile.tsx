import { Paper, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** One headline number with its label and an optional explanation, a group named by its label. */
export function StatTile({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  const labelId = useId();
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-labelledby={labelId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} id={labelId}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}
