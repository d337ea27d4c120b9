import { Group, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** Props of a settings section header. */
export interface SectionHeaderProps {
  title: string;
  description?: ReactNode;
  /** Buttons on the right (create, presets). */
  actions?: ReactNode;
}

/** The heading of a settings section with its explanation and actions; also names the browser tab. */
export function SectionHeader({ title, description, actions }: SectionHeaderProps) {
  useDocumentTitle(`${title} · Settings · Rolo`);
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
      <div>
        <Title order={2} size="h3">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm" maw={640}>
            {description}
          </Text>
        )}
      </div>
      {actions && (
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {actions}
        </Group>
      )}
    </Group>
  );
}
