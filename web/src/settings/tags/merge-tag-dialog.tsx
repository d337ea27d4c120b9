import { Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api-client';
import type { Tag } from '../../api/types';
import { queryKeys } from '../../api/workspace-queries';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { notifySuccess } from '../shared/notify';
import { plural } from '../shared/plural';

/** Props of the merge dialog. */
export interface MergeTagDialogProps {
  /** The tag that disappears. */
  source: Tag;
  tags: Tag[];
  onClose(): void;
}

function mergeExplanation(source: Tag, target: Tag | undefined): string {
  const targetName = target ? `“${target.name}”` : 'the tag you choose';
  const who =
    source.contactCount === 0
      ? `No contact carries “${source.name}”`
      : `The ${plural(source.contactCount, 'contact')} tagged “${source.name}” ${source.contactCount === 1 ? 'gets' : 'get'} ${targetName} (contacts that have both keep one)`;
  return `${who}, and “${source.name}” disappears. This cannot be undone.`;
}

/** Merges one tag into another: its contacts get the target tag and the source tag is deleted. */
export function MergeTagDialog({ source, tags, onClose }: MergeTagDialogProps) {
  const queryClient = useQueryClient();
  const [targetId, setTargetId] = useState<string | null>(null);
  const target = tags.find((tag) => tag.id === targetId);
  const merge = useMutation({
    mutationFn: () => api.post<Tag>(`/tags/${source.id}/merge`, { targetId }),
    onSuccess: async (merged) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.tags });
      await queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
      notifySuccess(
        `Merged “${source.name}” into “${merged.name}”, now on ${plural(merged.contactCount, 'contact')}.`,
      );
      onClose();
    },
  });
  const options = tags
    .filter((tag) => tag.id !== source.id)
    .map((tag) => ({ value: tag.id, label: tag.category ? `${tag.name} · ${tag.category}` : tag.name }));

  return (
    <ConfirmDialog
      opened
      title={`Merge “${source.name}” into another tag`}
      confirmLabel="Merge tags"
      danger
      busy={merge.isPending}
      disabled={!target}
      error={merge.error}
      onConfirm={() => merge.mutate()}
      onClose={onClose}
    >
      <Stack gap="sm">
        <Select
          label="Merge into"
          placeholder="Search for the tag to keep"
          data={options}
          value={targetId}
          onChange={setTargetId}
          searchable
          data-autofocus
          nothingFoundMessage="No other tag has this name"
          comboboxProps={{ withinPortal: true }}
        />
        <Text size="sm">{mergeExplanation(source, target)}</Text>
      </Stack>
    </ConfirmDialog>
  );
}
