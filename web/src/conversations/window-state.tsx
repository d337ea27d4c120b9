import { Group, Text } from '@mantine/core';
import type { ContactConversationStats } from '../api/types';
import { exactTime } from '../profile/relative-time';
import { windowEndText } from './window-text';

/** Whether the 24-hour customer service window is open, and what the agent may send because of it. */
export function WindowState({ window }: { window: ContactConversationStats['window'] }) {
  const open = window.open && window.expiresAt !== null;
  return (
    <Group gap={8} wrap="nowrap" align="flex-start" data-window={open ? 'open' : 'closed'}>
      <Text span aria-hidden="true" c={open ? 'var(--mantine-color-teal-text)' : 'dimmed'} fz="sm" lh={1.55}>
        ●
      </Text>
      <Text size="sm">
        {open && window.expiresAt ? (
          <>
            <Text span fw={600} size="sm" title={exactTime(window.expiresAt)}>
              Window open until {windowEndText(window.expiresAt)}
            </Text>{' '}
            — you can reply freely
          </>
        ) : (
          <>
            <Text span fw={600} size="sm">
              Window closed
            </Text>{' '}
            — send an approved template
          </>
        )}
      </Text>
    </Group>
  );
}
