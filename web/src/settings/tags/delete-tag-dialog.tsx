import { Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Tag } from '../../api/types';
import { queryKeys } from '../../api/workspace-queries';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { notifySuccess } from '../shared/notify';
import { plural } from '../shared/plural';

/** Confirms deleting a tag, with how many contacts carry it. */
export function DeleteTagDialog({ tag, onClose }: { tag: Tag; onClose(): void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete<{ contactCount: number }>(`/tags/${tag.id}`),
    onSuccess: async ({ contactCount }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.tags });
      await queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
      notifySuccess(`Deleted the tag “${tag.name}” and removed it from ${plural(contactCount, 'contact')}.`);
      onClose();
    },
  });
  return (
    <ConfirmDialog
      opened
      title={`Delete the tag “${tag.name}”?`}
      confirmLabel="Delete tag"
      danger
      busy={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    >
      <Text size="sm">
        {tag.contactCount === 0 ? (
          'No contact carries this tag.'
        ) : (
          <>
            It is removed from{' '}
            <Text span fw={700}>
              {plural(tag.contactCount, 'contact')}
            </Text>
            ; each of their timelines records the removal.
          </>
        )}{' '}
        This cannot be undone.
      </Text>
    </ConfirmDialog>
  );
}
