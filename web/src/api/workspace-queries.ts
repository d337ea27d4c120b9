import { useQuery } from '@tanstack/react-query';
import { api } from './api-client';
import type { CustomField, Tag, User } from './types';

/** Query keys shared across pages, so a change in one place refreshes every view of it. */
export const queryKeys = {
  session: ['session'] as const,
  tags: ['tags'] as const,
  customFields: ['custom-fields'] as const,
  users: ['users'] as const,
  apiKeys: ['api-keys'] as const,
  contacts: ['contacts'] as const,
  contact: (id: string) => ['contact', id] as const,
  timeline: (id: string) => ['timeline', id] as const,
  notes: (id: string) => ['notes', id] as const,
};

/** Every tag of the workspace, with contact counts. */
export function useTags() {
  return useQuery({
    queryKey: queryKeys.tags,
    queryFn: async () => (await api.get<{ data: Tag[] }>('/tags')).data,
  });
}

/** Every custom field definition, in their defined order. */
export function useCustomFields() {
  return useQuery({
    queryKey: queryKeys.customFields,
    queryFn: async () =>
      (await api.get<{ data: CustomField[] }>('/custom-fields')).data.sort((a, b) => a.position - b.position),
  });
}

/** The workspace's members (for assignee and user fields). */
export function useMembers() {
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: async () => (await api.get<{ data: User[] }>('/users')).data,
  });
}
