import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { CustomField } from '../../api/types';
import { queryKeys } from '../../api/workspace-queries';
import { notifyFailure } from '../shared/notify';

/** Saves a new field order: shown at once, put back with a message when the server refuses. */
export function useReorderFields() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: CustomField[]) =>
      api.put<{ data: CustomField[] }>('/custom-fields/order', { ids: fields.map((f) => f.id) }),
    onMutate: async (fields) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.customFields });
      const previous = queryClient.getQueryData<CustomField[]>(queryKeys.customFields);
      queryClient.setQueryData<CustomField[]>(
        queryKeys.customFields,
        fields.map((field, position) => ({ ...field, position })),
      );
      return { previous };
    },
    onError: (error, _fields, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.customFields, context.previous);
      notifyFailure('The new order was not saved', error);
    },
    onSuccess: ({ data }) => {
      queryClient.setQueryData<CustomField[]>(
        queryKeys.customFields,
        [...data].sort((a, b) => a.position - b.position),
      );
    },
  });
}
