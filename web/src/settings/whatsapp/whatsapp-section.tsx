import { Stack } from '@mantine/core';
import { useSession } from '../../auth/session-context';
import { useChannelState } from '../../conversations/conversation-queries';
import { ErrorPanel } from '../../ui/error-panel';
import { PageLoader } from '../../ui/page-loader';
import { SectionHeader } from '../section-header';
import { ChannelForm } from './channel-form';
import { useSimulatorAvailability } from './channel-queries';
import { DisconnectChannel } from './disconnect-channel';
import { SimulatorCard } from './simulator-card';
import { WebhookUrl } from './webhook-url';

/** Settings › WhatsApp: the connected number, its secrets and keywords, the webhook URL, and the simulator. */
export function WhatsAppSection() {
  const { isAdmin } = useSession();
  const state = useChannelState();
  const simulator = useSimulatorAvailability();
  return (
    <Stack>
      <SectionHeader
        title="WhatsApp"
        description="Connect the WhatsApp Business number your customers write to. Rolo then receives their messages, creates contacts, and lets the team reply."
      />
      {simulator.data?.available && <SimulatorCard />}
      {state.isPending ? (
        <PageLoader label="Loading the WhatsApp settings" />
      ) : state.isError ? (
        <ErrorPanel error={state.error} onRetry={() => void state.refetch()} />
      ) : (
        <>
          <ChannelForm key={state.data.channel?.updatedAt ?? 'none'} state={state.data} canEdit={isAdmin} />
          <WebhookUrl webhookPath={state.data.webhookPath} />
          {isAdmin && state.data.channel && (
            <DisconnectChannel displayNumber={state.data.channel.displayNumber} />
          )}
        </>
      )}
    </Stack>
  );
}
