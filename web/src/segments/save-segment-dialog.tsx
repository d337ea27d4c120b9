import { Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FilterNode } from '../../../src/shared/filter/filter-tree';
import type { SegmentWithCount } from '../../../src/shared/segment-schemas';
import { NameDialog } from '../search/name-dialog';
import { useSegmentMutations } from './segment-queries';

/** Props of the save-as-segment dialog. */
export interface SaveSegmentDialogProps {
  filter: FilterNode;
  onSaved(segment: SegmentWithCount): void;
  onClose(): void;
}

/** Turns the list's filter into a segment: a named, dynamic group of contacts with a daily snapshot. */
export function SaveSegmentDialog({ filter, onSaved, onClose }: SaveSegmentDialogProps) {
  const { create } = useSegmentMutations();
  const [description, setDescription] = useState('');
  return (
    <NameDialog
      title="Save as segment"
      nameLabel="Segment name"
      initialName=""
      submitLabel="Create segment"
      onClose={onClose}
      onSubmit={async (name) =>
        onSaved(await create.mutateAsync({ name, description: description.trim() || null, filter }))
      }
    >
      <Textarea
        label="Description"
        description="Optional: what the segment is for"
        maxLength={500}
        autosize
        minRows={2}
        value={description}
        onChange={(event) => setDescription(event.currentTarget.value)}
      />
      <Text size="xs" c="dimmed">
        A segment keeps its filter: contacts enter and leave it as they change. Rolo takes a snapshot of its
        size every day.
      </Text>
    </NameDialog>
  );
}
