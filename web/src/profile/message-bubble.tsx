import { Box, Group, Paper, Text } from '@mantine/core';
import type { Message } from '../api/types';
import { dateFormat } from '../ui/intl-formats';
import { exactTime } from './relative-time';
import { adReferral, summarizeMessage } from './message-summary';
import { MessageStatus } from './message-status';

/** Props of a message bubble. */
export interface MessageBubbleProps {
  message: Message;
  /** Who sent an outbound message, when known ("Ana"). */
  senderName?: string;
}

const clock = (iso: string) =>
  dateFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** One WhatsApp message as a chat bubble: the customer's on the left, the business's on the right, with ticks. */
export function MessageBubble({ message, senderName }: MessageBubbleProps) {
  const outbound = message.direction === 'out';
  const summary = summarizeMessage(message);
  const ad = adReferral(message);
  return (
    <Box style={{ display: 'flex', justifyContent: outbound ? 'flex-end' : 'flex-start' }}>
      <Paper
        component="article"
        aria-label={outbound ? 'Message sent' : 'Message received'}
        data-direction={message.direction}
        px="sm"
        py={6}
        radius="md"
        maw="85%"
        bg={outbound ? 'var(--mantine-color-teal-light)' : 'var(--mantine-color-default-hover)'}
        withBorder
        style={{ overflowWrap: 'anywhere' }}
      >
        {ad && (
          <Text size="xs" c="dimmed" fs="italic">
            From an ad: {ad}
          </Text>
        )}
        {summary.label && (
          <Text size="sm" fw={summary.text ? 600 : undefined}>
            {summary.icon && <span aria-hidden="true">{summary.icon} </span>}
            {summary.label}
          </Text>
        )}
        {summary.text && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {summary.text}
          </Text>
        )}
        {message.status === 'failed' && (
          <Text size="xs" c="var(--mantine-color-red-text)" role="note">
            Not delivered: {message.errorMessage ?? 'WhatsApp did not say why.'}
          </Text>
        )}
        <Group gap={6} justify="flex-end" wrap="nowrap">
          {outbound && senderName && (
            <Text span size="xs" c="dimmed">
              {senderName}
            </Text>
          )}
          <Text
            component="time"
            size="xs"
            c="dimmed"
            dateTime={message.sentAt}
            title={exactTime(message.sentAt)}
          >
            {clock(message.sentAt)}
          </Text>
          {outbound && <MessageStatus status={message.status} />}
        </Group>
      </Paper>
    </Box>
  );
}
