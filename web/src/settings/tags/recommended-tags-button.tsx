import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Tag } from '../../api/types';
import { queryKeys } from '../../api/workspace-queries';
import { notifyFailure } from '../shared/notify';
import { plural } from '../shared/plural';
import type { ResultMessage } from '../shared/result-notice';

/** What applying the recommended system added, in words. */
export function describeRecommendedResult(before: Tag[], after: Tag[]): ResultMessage {
  const known = new Set(before.map((tag) => tag.id));
  const added = after.filter((tag) => !known.has(tag.id));
  if (added.length === 0)
    return {
      title: 'Nothing to add',
      message: 'You have every tag of the recommended system already; existing tags were left as they are.',
    };
  const categories = new Set(added.map((tag) => tag.category ?? ''));
  return {
    title: `Added ${plural(added.length, 'tag')} in ${plural(categories.size, 'category', 'categories')}`,
    message: `${added.map((tag) => tag.name).join(', ')}. Tags you already had kept their colour and category.`,
  };
}

/** Props of the recommended tags button. */
export interface RecommendedTagsButtonProps {
  tags: Tag[];
  onResult(result: ResultMessage): void;
}

/** Adds the recommended tag system (Customer Tier, Status, Industry…) in one click and reports what was added. */
export function RecommendedTagsButton({ tags, onResult }: RecommendedTagsButtonProps) {
  const queryClient = useQueryClient();
  const apply = useMutation({
    mutationFn: () => api.post<{ data: Tag[] }>('/tags/presets/recommended'),
    onSuccess: ({ data }) => {
      queryClient.setQueryData(queryKeys.tags, data);
      onResult(describeRecommendedResult(tags, data));
    },
    onError: (error) => notifyFailure('The recommended tags were not added', error),
  });
  return (
    <Button variant="default" loading={apply.isPending} onClick={() => apply.mutate()}>
      Apply recommended tags
    </Button>
  );
}
