import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { notifySuccess } from '../shared/notify';
import { useDisconnectChannel } from './channel-queries';

/** Disconnects the WhatsApp number after asking; contacts and conversations stay. */
export function DisconnectChannel({ displayNumber }: { displayNumber: string }) {
  const [asking, setAsking] = useState(false);
  const disconnect = useDisconnectChannel();
  const open = () => {
    disconnect.reset();
    setAsking(true);
  };
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="disconnect-heading">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Stack gap={2} flex={1} miw={0}>
          <Title order={3} size="h4" id="disconnect-heading">
            Disconnect
          </Title>
          <Text size="sm" c="dimmed">
            Stops sending and receiving on {displayNumber}. Contacts and their conversations stay.
          </Text>
        </Stack>
        <Button color="red" variant="light" onClick={open} style={{ flexShrink: 0 }}>
          Disconnect number
        </Button>
      </Group>
      <ConfirmDialog
        opened={asking}
        title="Disconnect the WhatsApp number?"
        confirmLabel="Disconnect"
        danger
        busy={disconnect.isPending}
        error={disconnect.error}
        onClose={() => setAsking(false)}
        onConfirm={() =>
          disconnect.mutate(undefined, {
            onSuccess: () => {
              setAsking(false);
              notifySuccess(`${displayNumber} is disconnected.`, 'WhatsApp');
            },
          })
        }
      >
        <Text size="sm">
          Rolo stops sending messages from {displayNumber} and ignores what Meta sends for it. Contacts,
          messages and statistics stay; connect the number again at any time.
        </Text>
      </ConfirmDialog>
    </Paper>
  );
}
