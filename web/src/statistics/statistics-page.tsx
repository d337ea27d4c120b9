import { Anchor, EmptyState, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { ErrorPanel } from '../ui/error-panel';
import { PageLoader } from '../ui/page-loader';
import { BarChart } from './bar-chart';
import { dayLabel, newContactsChart } from './stats-series';
import { StatsOverview } from './stats-overview';
import { useWorkspaceStats } from './stats-query';

const PERIODS = ['7', '30', '90'];

/** The period in the address (`?days=7`), 30 days unless it is one of the offered ones. */
function usePeriod(): [number, (days: string) => void] {
  const [params, setParams] = useSearchParams();
  const days = params.get('days') ?? '30';
  return [
    Number(PERIODS.includes(days) ? days : '30'),
    (next) => setParams(next === '30' ? {} : { days: next }, { replace: true }),
  ];
}

/** No conversation yet: where the numbers will come from. */
function NoActivity() {
  return (
    <Paper withBorder p="xl">
      <EmptyState
        title="No conversations yet"
        description={
          <>
            The numbers appear once customers write to your WhatsApp number or the team starts conversations.
            Connect the number in{' '}
            <Anchor component={Link} to="/settings/whatsapp" inherit underline="always">
              Settings → WhatsApp
            </Anchor>
            .
          </>
        }
      />
    </Paper>
  );
}

/** Statistics (`/statistics`): new contacts, conversations, messages and response times over 7, 30 or 90 days. */
export function StatisticsPage() {
  useDocumentTitle('Statistics · Rolo');
  const [days, setDays] = usePeriod();
  const stats = useWorkspaceStats(days);
  const data = stats.data;
  const quiet =
    data !== undefined && data.totals.conversations + data.totals.messagesIn + data.totals.messagesOut === 0;
  return (
    <Stack gap="md" maw={1180}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            Statistics
          </Title>
          <Text c="dimmed" size="sm">
            {data
              ? `${dayLabel(data.from)} – ${dayLabel(data.to)} (UTC days, today included)`
              : 'How customers reach you and how fast the team answers.'}
          </Text>
        </div>
        <SegmentedControl
          aria-label="Period"
          data={PERIODS.map((value) => ({ value, label: `${value} days` }))}
          value={String(days)}
          onChange={setDays}
        />
      </Group>
      {stats.isPending ? (
        <PageLoader label="Loading statistics" />
      ) : stats.isError ? (
        <ErrorPanel
          title="The statistics could not be loaded"
          error={stats.error}
          onRetry={() => void stats.refetch()}
        />
      ) : quiet ? (
        <>
          <NoActivity />
          {stats.data.totals.newContacts > 0 && (
            <BarChart
              title="New contacts by source"
              data={newContactsChart(stats.data)}
              emptyText="No new contacts in this period."
            />
          )}
        </>
      ) : (
        <div aria-busy={stats.isPlaceholderData} style={{ opacity: stats.isPlaceholderData ? 0.6 : 1 }}>
          <StatsOverview stats={stats.data} />
        </div>
      )}
    </Stack>
  );
}
