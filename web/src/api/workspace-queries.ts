import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, type ApiRequestOptions } from './api-client';
import { ApiError } from './api-error';
import type { CustomField, Session, Tag, User } from './types';
import { CUSTOM_FIELDS_PATH, MEMBERS_PATH, SESSION_PATH } from '../startup/startup-paths';

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
  messages: (id: string) => ['messages', id] as const,
  conversationStats: (id: string) => ['conversation-stats', id] as const,
  whatsappChannel: ['whatsapp-channel'] as const,
  templates: ['whatsapp-templates'] as const,
  simulator: ['whatsapp-simulator'] as const,
  workspaceStats: (days: number) => ['workspace-stats', days] as const,
  imports: ['imports'] as const,
  importById: (id: string) => ['imports', id] as const,
  exportById: (id: string) => ['exports', id] as const,
};

/** Every tag of the workspace, with contact counts. */
export function useTags() {
  return useQuery({
    queryKey: queryKeys.tags,
    queryFn: async () => (await api.get<{ data: Tag[] }>('/tags')).data,
  });
}

/** The signed-in session, or null when nobody is signed in. */
export const sessionQuery = queryOptions({
  queryKey: queryKeys.session,
  queryFn: async (): Promise<Session | null> => {
    try {
      return await api.get<Session>(SESSION_PATH);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: Infinity,
});

const fetchCustomFields = async (options?: ApiRequestOptions) =>
  (await api.get<{ data: CustomField[] }>(CUSTOM_FIELDS_PATH, options)).data.sort(
    (a, b) => a.position - b.position,
  );

const fetchMembers = async (options?: ApiRequestOptions) =>
  (await api.get<{ data: User[] }>(MEMBERS_PATH, options)).data;

const customFieldsQuery = queryOptions({
  queryKey: queryKeys.customFields,
  queryFn: () => fetchCustomFields(),
});

const membersQuery = queryOptions({
  queryKey: queryKeys.users,
  queryFn: () => fetchMembers(),
});

/** Every custom field definition, in their defined order. */
export function useCustomFields() {
  return useQuery(customFieldsQuery);
}

/** The workspace's members (for assignee and user fields). */
export function useMembers() {
  return useQuery(membersQuery);
}

/**
 * Starts, before the first render, what every signed-in page needs, all at once: the session, the field
 * definitions and the members the list and profile render with (when nobody is signed in, the last two fail
 * quietly and are asked again after sign-in). Settles when all three are in.
 */
export function prefetchStartupQueries(queryClient: QueryClient): Promise<unknown> {
  const early = { beforeSession: true };
  return Promise.all([
    queryClient.fetchQuery(sessionQuery).catch(() => undefined),
    queryClient.prefetchQuery({ ...customFieldsQuery, queryFn: () => fetchCustomFields(early) }),
    queryClient.prefetchQuery({ ...membersQuery, queryFn: () => fetchMembers(early) }),
  ]);
}
