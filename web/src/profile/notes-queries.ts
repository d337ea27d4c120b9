import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { messageOf } from '../api/api-error';
import type { Note } from '../api/types';
import { queryKeys } from '../api/workspace-queries';

/** Pinned notes first, then newest first (how the API lists them). */
export function sortNotes(notes: Note[]): Note[] {
  return [...notes].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt.localeCompare(a.createdAt),
  );
}

/** A contact's notes, pinned first. */
export function useNotes(contactId: string) {
  return useQuery({
    queryKey: queryKeys.notes(contactId),
    queryFn: async () =>
      sortNotes((await api.get<{ data: Note[] }>(`/contacts/${encodeURIComponent(contactId)}/notes`)).data),
  });
}

/** What a note edit sends. */
export interface NoteChange {
  note: Note;
  changes: Partial<Pick<Note, 'type' | 'body' | 'pinned'>>;
}

/** Writing, editing, pinning and deleting notes; pinning is optimistic and rolls back with a message. */
export function useNoteActions(contactId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.notes(contactId);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: queryKeys.timeline(contactId) });
  };
  const replace = (note: Note) =>
    queryClient.setQueryData<Note[]>(key, (list) =>
      sortNotes((list ?? []).map((n) => (n.id === note.id ? note : n))),
    );

  const create = useMutation({
    mutationFn: (input: { type: string; body: string }) =>
      api.post<Note>(`/contacts/${encodeURIComponent(contactId)}/notes`, input),
    onSuccess: (note) => queryClient.setQueryData<Note[]>(key, (list) => sortNotes([note, ...(list ?? [])])),
    onSettled: refresh,
  });

  const update = useMutation({
    mutationFn: ({ note, changes }: NoteChange) =>
      api.patch<Note>(`/notes/${encodeURIComponent(note.id)}`, {
        ...changes,
        ...('body' in changes || 'type' in changes ? { version: note.version } : {}),
      }),
    onMutate: async ({ note, changes }: NoteChange) => {
      if (!('pinned' in changes) || 'body' in changes) return {};
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Note[]>(key);
      replace({ ...note, ...changes });
      return { previous };
    },
    onError: (error, { changes }, context) => {
      if (context?.previous) {
        queryClient.setQueryData(key, context.previous);
        notifications.show({
          color: 'red',
          title: changes.pinned ? 'Note not pinned' : 'Note not unpinned',
          message: messageOf(error),
        });
      }
    },
    onSuccess: replace,
    onSettled: refresh,
  });

  const remove = useMutation({
    mutationFn: (note: Note) => api.delete(`/notes/${encodeURIComponent(note.id)}`),
    onSuccess: (_nothing, note) =>
      queryClient.setQueryData<Note[]>(key, (list) => (list ?? []).filter((n) => n.id !== note.id)),
    onSettled: refresh,
  });

  return { create, update, remove };
}
