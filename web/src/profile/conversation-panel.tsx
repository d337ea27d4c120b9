import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import type { Contact } from '../api/types';
import {
  useChannelState,
  useConversationStats,
  useSendMessage,
  useTemplates,
} from '../conversations/conversation-queries';
import { MessageFields } from '../conversations/message-fields';
import { NoChannel } from '../conversations/no-channel';
import { sendProblem } from '../conversations/send-problem';
import { useMessageDraft } from '../conversations/use-message-draft';
import { WindowState } from '../conversations/window-state';
import { ErrorPanel } from '../ui/error-panel';

/** The composer: a free text while the window is open, otherwise an approved template; Send. */
function Composer({
  contactId,
  windowOpen,
  onWindowClosed,
}: {
  contactId: string;
  windowOpen: boolean;
  onWindowClosed(): void;
}) {
  const draft = useMessageDraft();
  const templates = useTemplates(!windowOpen || draft.mode === 'template');
  const send = useSendMessage(contactId);
  const [justSent, setJustSent] = useState(false);
  const outgoing = draft.outgoing(windowOpen, templates.data);
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!outgoing || send.isPending) return;
    setJustSent(false);
    try {
      await send.mutateAsync(outgoing);
      draft.clear();
      setJustSent(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'window_closed') onWindowClosed();
    }
  };
  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(event) => void submit(event)}
      aria-label="Send a WhatsApp message"
    >
      <MessageFields
        draft={draft}
        windowOpen={windowOpen}
        templates={templates}
        onSubmit={() => void submit()}
        disabled={send.isPending}
        error={send.isError ? sendProblem(send.error) : null}
      />
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed" role="status" aria-live="polite">
          {send.isPending
            ? 'Sending…'
            : justSent
              ? 'Sent. The ticks on the timeline follow its delivery.'
              : ''}
        </Text>
        <Button type="submit" size="xs" loading={send.isPending} disabled={!outgoing}>
          Send
        </Button>
      </Group>
    </Stack>
  );
}

/** Writing to the contact on WhatsApp: the 24-hour window state and a composer that fits it. */
export function ConversationPanel({ contact }: { contact: Contact }) {
  const channel = useChannelState();
  const stats = useConversationStats(contact.id);
  let content;
  if (channel.isError) {
    content = (
      <ErrorPanel
        title="The WhatsApp channel could not be loaded"
        error={channel.error}
        onRetry={() => void channel.refetch()}
      />
    );
  } else if (channel.isPending || (stats.isPending && !stats.isError)) {
    content = <Skeleton h={90} radius="md" aria-label="Loading the conversation" />;
  } else if (!channel.data.channel) {
    content = <NoChannel />;
  } else {
    const window = stats.data?.window ?? { open: false, expiresAt: null };
    content = (
      <>
        {stats.isError ? (
          <Text size="sm" c="dimmed">
            Whether the 24-hour window is open could not be checked: only templates are offered.
          </Text>
        ) : (
          <WindowState window={window} />
        )}
        <Composer
          contactId={contact.id}
          windowOpen={window.open}
          onWindowClosed={() => void stats.refetch()}
        />
      </>
    );
  }
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="conversation-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="conversation-heading">
          Conversation
        </Title>
        {content}
      </Stack>
    </Paper>
  );
}
