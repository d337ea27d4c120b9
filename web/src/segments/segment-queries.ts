import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FilterNode } from '../../../src/shared/filter/filter-tree';
import type { Segment, SegmentActivity, SegmentWithCount } from '../../../src/shared/segment-schemas';
import type { Job } from '../api/types';
import { api } from '../api/api-client';

/** Query key of the segments and of one segment's activity. */
export const segmentKeys = {
  all: ['segments'] as const,
  one: (id: string) => ['segments', id] as const,
  activity: (id: string, days: number) => ['segments', id, 'activity', days] as const,
};

const path = (id: string) => `/segments/${encodeURIComponent(id)}`;

/** Every segment of the workspace, by name, with its size at the last snapshot. */
export function useSegments() {
  return useQuery({
    queryKey: segmentKeys.all,
    queryFn: async () => (await api.get<{ data: Segment[] }>('/segments')).data,
  });
}

/** One segment with its live count (none asked for while `id` is null). */
export function useSegment(id: string | null) {
  return useQuery({
    queryKey: segmentKeys.one(id ?? ''),
    enabled: id !== null,
    queryFn: () => api.get<SegmentWithCount>(path(id ?? '')),
  });
}

/** A segment's daily snapshots over the last `days` days. */
export function useSegmentActivity(id: string, days: number) {
  return useQuery({
    queryKey: segmentKeys.activity(id, days),
    queryFn: () => api.get<SegmentActivity>(`${path(id)}/activity?days=${days}`),
  });
}

/** Creating, changing, deleting and snapshotting segments; each refreshes the segments. */
export function useSegmentMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: segmentKeys.all });
  return {
    create: useMutation({
      mutationFn: (body: { name: string; description?: string | null; filter: FilterNode }) =>
        api.post<SegmentWithCount>('/segments', body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({
        id,
        ...body
      }: {
        id: string;
        name?: string;
        description?: string | null;
        filter?: FilterNode;
      }) => api.patch<SegmentWithCount>(path(id), body),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(path(id)), onSuccess }),
    snapshot: useMutation({
      mutationFn: async (id: string) => (await api.post<{ job: Job }>(`${path(id)}/snapshot`, {})).job,
    }),
  };
}
