import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Contact } from '../api/types';
import { useConversationStats } from '../conversations/conversation-queries';
import { windowEndText } from '../conversations/window-text';
import { formatDuration, formatPercent } from '../ui/duration-format';
import { sourceLabel } from '../ui/source-labels';
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

/** A moment relative to now with the exact time on hover, or "Never". */
function Moment({ label, iso }: { label: string; iso: string | null }) {
  return (
    <Stat label={label} title={iso ? exactTime(iso) : undefined}>
      {iso ? relativeTime(iso) : 'Never'}
    </Stat>
  );
}

/**
 * The contact's conversation statistics: first contact, last message each way, conversations, messages in and
 * out, median first response, response rate and the 24-hour window; the contact's own counters until they load.
 */
export function StatsCard({ contact }: { contact: Contact }) {
  const stats = useConversationStats(contact.id);
  const data = stats.data;
  const firstContactAt = data?.firstContactAt ?? contact.firstContactAt;
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="stats-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="stats-heading">
          Statistics
        </Title>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <Stat label="First contact" title={firstContactAt ? exactTime(firstContactAt) : undefined}>
            {firstContactAt ? dateOnly(firstContactAt) : 'Never'}
          </Stat>
          <Stat label="Conversations">
            {(data?.conversationCount ?? contact.conversationCount).toLocaleString()}
          </Stat>
          <Moment label="Last inbound" iso={data ? data.lastInboundAt : contact.lastInboundAt} />
          <Moment label="Last outbound" iso={data ? data.lastOutboundAt : contact.lastOutboundAt} />
          <Stat label="Messages in / out">
            {data
              ? `${data.messagesIn.toLocaleString()} / ${data.messagesOut.toLocaleString()}`
              : contact.messageCount.toLocaleString()}
          </Stat>
          <Stat label="Median first response">{formatDuration(data?.medianFirstResponseSeconds)}</Stat>
          <Stat label="Response rate">{formatPercent(data?.responseRate)}</Stat>
          <Stat label="Window" title={data?.window.expiresAt ? exactTime(data.window.expiresAt) : undefined}>
            {data?.window.open && data.window.expiresAt
              ? `Open until ${windowEndText(data.window.expiresAt)}`
              : data
                ? 'Closed'
                : '—'}
          </Stat>
        </SimpleGrid>
        {stats.isError && (
          <Text size="xs" c="dimmed" role="status">
            Conversation statistics could not be loaded.{' '}
            <Button variant="subtle" size="compact-xs" onClick={() => void stats.refetch()}>
              Try again
            </Button>
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Added <span title={exactTime(contact.createdAt)}>{relativeTime(contact.createdAt)}</span> · source:{' '}
          {sourceLabel(contact.source)}
        </Text>
      </Stack>
    </Paper>
  );
}
