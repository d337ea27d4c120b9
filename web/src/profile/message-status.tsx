import { Text, VisuallyHidden } from '@mantine/core';
import type { Message } from '../api/types';

const STATUS: Record<Message['status'], { symbol: string; words: string; color?: string }> = {
  received: { symbol: '', words: 'Received' },
  pending: { symbol: '◷', words: 'Sending' },
  sent: { symbol: '✓', words: 'Sent' },
  delivered: { symbol: '✓✓', words: 'Delivered' },
  read: { symbol: '✓✓', words: 'Read', color: 'var(--mantine-color-blue-text)' },
  failed: { symbol: '⚠', words: 'Failed', color: 'var(--mantine-color-red-text)' },
};

/** The delivery state of an outbound message: ◷ sending, ✓ sent, ✓✓ delivered, blue ✓✓ read, ⚠ failed. */
export function MessageStatus({ status }: { status: Message['status'] }) {
  const info = STATUS[status];
  return (
    <Text span size="xs" fw={700} c={info.color ?? 'dimmed'} title={info.words} data-status={status}>
      <span aria-hidden="true">{info.symbol}</span>
      <VisuallyHidden>{info.words}</VisuallyHidden>
    </Text>
  );
}
