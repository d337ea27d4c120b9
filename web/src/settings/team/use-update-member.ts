import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { User } from '../../api/types';
import { queryKeys } from '../../api/workspace-queries';
import { notifyFailure, notifySuccess } from '../shared/notify';
import { ROLE_INFO } from '../shared/roles';

/** A change to a member: role or access. */
export interface MemberChange {
  member: User;
  changes: Partial<Pick<User, 'role' | 'disabled'>>;
}

function describe({ member, changes }: MemberChange): string {
  if (changes.role) return `${member.name} is now ${ROLE_INFO[changes.role].label.toLowerCase()}.`;
  return changes.disabled
    ? `${member.name} is disabled and was signed out everywhere.`
    : `${member.name} can sign in again.`;
}

/** Changes a member's role or access at once on screen; puts it back with the server's reason when refused. */
export function useUpdateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ member, changes }: MemberChange) => api.patch<User>(`/users/${member.id}`, changes),
    onMutate: async ({ member, changes }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.users });
      const previous = queryClient.getQueryData<User[]>(queryKeys.users);
      queryClient.setQueryData<User[]>(queryKeys.users, (users) =>
        users?.map((user) => (user.id === member.id ? { ...user, ...changes } : user)),
      );
      return { previous };
    },
    onError: (error, { member }, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.users, context.previous);
      notifyFailure(`${member.name} was not changed`, error);
    },
    onSuccess: (_user, change) => notifySuccess(describe(change)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
