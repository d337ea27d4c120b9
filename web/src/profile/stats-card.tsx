import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Contact } from '../api/types';
import { exactTime, relativeTime } from './relative-time';

function Stat({ label, children, title }: { label: string; children: ReactNode; title?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={600} title={title}>
        {children}
      </Text>
    </Stack>
  );
}

const dateOnly = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** First contact, conversations, messages and last contact, relative with the exact time on hover. */
export function StatsCard({ contact }: { contact: Contact }) {
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="stats-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="stats-heading">
          Statistics
        </Title>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <Stat
            label="First contact"
            title={contact.firstContactAt ? exactTime(contact.firstContactAt) : undefined}
          >
            {contact.firstContactAt ? dateOnly(contact.firstContactAt) : 'Never'}
          </Stat>
          <Stat
            label="Last contact"
            title={contact.lastContactAt ? exactTime(contact.lastContactAt) : undefined}
          >
            {contact.lastContactAt ? relativeTime(contact.lastContactAt) : 'Never'}
          </Stat>
          <Stat label="Conversations">{contact.conversationCount.toLocaleString()}</Stat>
          <Stat label="Messages">{contact.messageCount.toLocaleString()}</Stat>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Added <span title={exactTime(contact.createdAt)}>{relativeTime(contact.createdAt)}</span> · source{' '}
          {contact.source}
        </Text>
      </Stack>
    </Paper>
  );
}
