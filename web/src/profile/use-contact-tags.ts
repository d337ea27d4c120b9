import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { messageOf } from '../api/api-error';
import type { Contact, Tag } from '../api/types';
import { queryKeys } from '../api/workspace-queries';

type ContactTag = Contact['tags'][number];

interface TagChange {
  names: string[];
  added: string[];
  removed: ContactTag[];
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Tags on a contact, saved as soon as they change (optimistically; rolled back with a message on failure). */
export function useContactTags(contact: Contact) {
  const queryClient = useQueryClient();
  const key = queryKeys.contact(contact.id);
  const path = `/contacts/${encodeURIComponent(contact.id)}/tags`;
  const mutation = useMutation({
    mutationFn: async ({ added, removed }: TagChange) => {
      let latest: Contact | undefined;
      if (added.length) latest = await api.post<Contact>(path, { tags: added });
      for (const tag of removed) latest = await api.delete<Contact>(`${path}/${encodeURIComponent(tag.id)}`);
      return latest;
    },
    onMutate: async ({ names }: TagChange) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const previous = queryClient.getQueryData<Contact>(key);
      const known = queryClient.getQueryData<Tag[]>(queryKeys.tags) ?? [];
      const tags = names.map(
        (name): ContactTag =>
          previous?.tags.find((tag) => sameName(tag.name, name)) ??
          known.find((tag) => sameName(tag.name, name)) ?? {
            id: `new:${name}`,
            name,
            color: '#868e96',
            category: null,
          },
      );
      if (previous) queryClient.setQueryData<Contact>(key, { ...previous, tags });
      return { previous };
    },
    onError: (error, change, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      const what = [...change.added.map((n) => `add ${n}`), ...change.removed.map((t) => `remove ${t.name}`)];
      notifications.show({
        color: 'red',
        title: 'Tags not changed',
        message: `Could not ${what.join(', ')}: ${messageOf(error)}`,
      });
    },
    onSuccess: (latest) => {
      if (latest)
        queryClient.setQueryData<Contact>(key, (current) =>
          current ? { ...current, tags: latest.tags } : latest,
        );
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tags });
      void queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
      void queryClient.invalidateQueries({ queryKey: queryKeys.timeline(contact.id) });
    },
  });

  /** Applies a new list of tag names: adds the new ones, removes the missing ones. */
  const change = (names: string[]) => {
    const added = names.filter((name) => !contact.tags.some((tag) => sameName(tag.name, name)));
    const removed = contact.tags.filter((tag) => !names.some((name) => sameName(tag.name, name)));
    if (added.length || removed.length) mutation.mutate({ names, added, removed });
  };

  return { change, saving: mutation.isPending };
}
