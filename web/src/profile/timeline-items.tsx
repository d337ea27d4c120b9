import { Stack, Text } from '@mantine/core';
import type { ComponentType } from 'react';
import type { TimelineItem } from '../api/types';
import { MessageBubble } from './message-bubble';
import { NoteMarkdown } from './note-markdown';
import { noteTypeLabel } from './note-type-label';
import { describeActor, describeEvent, type DescribeContext } from './timeline-describe';

/** Props every timeline item renderer gets. */
export interface TimelineItemProps<K extends TimelineItem['kind']> {
  item: Extract<TimelineItem, { kind: K }>;
  context: DescribeContext;
}

function EventRow({ item, context }: TimelineItemProps<'event'>) {
  const description = describeEvent(item, context);
  return (
    <Stack gap={2}>
      <Text size="sm">
        {description.title}{' '}
        <Text span size="sm" c="dimmed">
          by {describeActor(item.actor, context)}
        </Text>
      </Text>
      {description.details.map((line, index) => (
        <Text key={index} size="xs" c="dimmed">
          {line}
        </Text>
      ))}
    </Stack>
  );
}

function NoteRow({ item, context }: TimelineItemProps<'note'>) {
  const author = item.note.authorId
    ? (context.memberName(item.note.authorId) ?? 'a former member')
    : 'an API key';
  return (
    <Stack gap={2}>
      <Text size="sm">
        {noteTypeLabel(item.note.type)} note{' '}
        <Text span size="sm" c="dimmed">
          by {author}
        </Text>
      </Text>
      <div style={{ maxHeight: '6.5em', overflow: 'hidden' }}>
        <NoteMarkdown body={item.note.body} />
      </div>
    </Stack>
  );
}

function MessageRow({ item, context }: TimelineItemProps<'message'>) {
  const { sentBy } = item.message;
  return (
    <MessageBubble message={item.message} senderName={sentBy ? context.memberName(sentBy) : undefined} />
  );
}

/** How each kind of timeline item is shown; a new kind adds its renderer here. */
export const TIMELINE_RENDERERS: { [K in TimelineItem['kind']]: ComponentType<TimelineItemProps<K>> } = {
  event: EventRow,
  note: NoteRow,
  message: MessageRow,
};

/** Renders one timeline item with the renderer of its kind. */
export function TimelineItemView({ item, context }: { item: TimelineItem; context: DescribeContext }) {
  const Renderer = TIMELINE_RENDERERS[item.kind] as ComponentType<TimelineItemProps<typeof item.kind>>;
  return <Renderer item={item} context={context} />;
}
