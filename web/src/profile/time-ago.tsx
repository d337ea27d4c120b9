import { Text, type TextProps } from '@mantine/core';
import { exactTime, relativeTime } from './relative-time';

/** A moment shown relative to now ("5 minutes ago"), with the exact date and time on hover. */
export function TimeAgo({ iso, ...props }: { iso: string } & TextProps) {
  return (
    <Text component="time" dateTime={iso} title={exactTime(iso)} size="xs" c="dimmed" {...props}>
      {relativeTime(iso)}
    </Text>
  );
}
