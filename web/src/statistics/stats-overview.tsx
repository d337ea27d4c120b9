import { SimpleGrid, Stack } from '@mantine/core';
import type { WorkspaceStats } from '../api/types';
import { formatDuration, formatPercent } from '../ui/duration-format';
import { BarChart } from './bar-chart';
import { StatTile } from './stat-tile';
import { conversationsChart, messagesChart, newContactsChart } from './stats-series';

/** Totals, response times and the three charts of one period. */
export function StatsOverview({ stats }: { stats: WorkspaceStats }) {
  const { totals, responseTimes } = stats;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" aria-label="Totals" role="group">
        <StatTile label="New contacts" value={totals.newContacts.toLocaleString()} />
        <StatTile label="Conversations" value={totals.conversations.toLocaleString()} />
        <StatTile label="Messages received" value={totals.messagesIn.toLocaleString()} />
        <StatTile label="Messages sent" value={totals.messagesOut.toLocaleString()} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" aria-label="Response times" role="group">
        <StatTile
          label="Median first response"
          value={formatDuration(responseTimes.medianFirstResponseSeconds)}
          hint="Half of the answered conversations got their first answer sooner"
        />
        <StatTile
          label="90% answered within"
          value={formatDuration(responseTimes.p90FirstResponseSeconds)}
          hint="Nine in ten answered conversations got their first answer within this"
        />
        <StatTile
          label="Response rate"
          value={formatPercent(responseTimes.responseRate)}
          hint="Conversations customers opened that got an answer"
        />
      </SimpleGrid>
      <BarChart
        title="New contacts by source"
        data={newContactsChart(stats)}
        emptyText="No new contacts in this period."
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <BarChart
          title="Conversations"
          data={conversationsChart(stats)}
          emptyText="No conversations in this period."
        />
        <BarChart title="Messages" data={messagesChart(stats)} emptyText="No messages in this period." />
      </SimpleGrid>
    </Stack>
  );
}
