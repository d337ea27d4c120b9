import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/api-client';
import type { Contact } from '../api/types';
import { queryKeys } from '../api/workspace-queries';

/** How a contact is recognised: phone, email, WhatsApp ids, CRM ids. */
export interface ContactIdentity {
  kind: string;
  value: string;
}

/** Reads one contact. */
export function fetchContact(contactId: string): Promise<Contact> {
  return api.get<Contact>(`/contacts/${encodeURIComponent(contactId)}`);
}

/** One contact, kept in the cache under `['contact', id]`. */
export function useContact(contactId: string) {
  return useQuery({ queryKey: queryKeys.contact(contactId), queryFn: () => fetchContact(contactId) });
}

/** A contact's identities (under the contact's key, so refreshing the contact refreshes them). */
export function useIdentities(contactId: string) {
  return useQuery({
    queryKey: [...queryKeys.contact(contactId), 'identities'],
    queryFn: async () =>
      (await api.get<{ data: ContactIdentity[] }>(`/contacts/${encodeURIComponent(contactId)}/identities`))
        .data,
  });
}

/** After a contact changed: store the new state and refresh the list, the timeline and the identities. */
export function storeChangedContact(queryClient: QueryClient, contact: Contact): void {
  queryClient.setQueryData(queryKeys.contact(contact.id), contact);
  void queryClient.invalidateQueries({ queryKey: [...queryKeys.contact(contact.id), 'identities'] });
  void queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
  void queryClient.invalidateQueries({ queryKey: queryKeys.timeline(contact.id) });
}
