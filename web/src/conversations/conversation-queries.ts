import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/api-client';
import type { ChannelState, Contact, ContactConversationStats, Message, Template } from '../api/types';
import { queryKeys } from '../api/workspace-queries';
import type { OutgoingMessage } from './outgoing-message';

/** What POST /conversations answers. */
export interface StartedConversation {
  contact: Contact;
  createdContact: boolean;
  message: Message;
}

/** Starting a conversation: a phone number or a contact, and the first message. */
export type StartConversationInput = ({ phone: string; name?: string } | { contactId: string }) &
  OutgoingMessage;

/** The workspace's WhatsApp number (null when none is connected) and its webhook path. */
export function useChannelState() {
  return useQuery({
    queryKey: queryKeys.whatsappChannel,
    queryFn: () => api.get<ChannelState>('/whatsapp/channel'),
  });
}

/** The approved templates of the connected number; fetched only when `enabled`. */
export function useTemplates(enabled = true) {
  return useQuery({
    queryKey: queryKeys.templates,
    queryFn: async () => (await api.get<{ data: Template[] }>('/whatsapp/templates')).data,
    enabled,
    staleTime: 60_000,
  });
}

/** A contact's conversation statistics, including whether the 24-hour window is open (refreshed every 30 s). */
export function useConversationStats(contactId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: queryKeys.conversationStats(contactId),
    queryFn: () =>
      api.get<ContactConversationStats>(`/contacts/${encodeURIComponent(contactId)}/conversation-stats`),
    refetchInterval: 30_000,
  });
}

/** After a message was sent: refresh every view of the contact's conversation and the statistics. */
export function refreshConversation(queryClient: QueryClient, contactId: string): void {
  for (const queryKey of [
    queryKeys.timeline(contactId),
    queryKeys.messages(contactId),
    queryKeys.conversationStats(contactId),
    queryKeys.contact(contactId),
    queryKeys.contacts,
    ['workspace-stats'],
  ])
    void queryClient.invalidateQueries({ queryKey });
}

/** Sends a message to a contact; refreshes the conversation once the server took it. */
export function useSendMessage(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: OutgoingMessage) =>
      api.post<Message>(`/contacts/${encodeURIComponent(contactId)}/messages`, message),
    onSuccess: () => refreshConversation(queryClient, contactId),
  });
}

/** Starts a conversation with a number or a contact; refreshes the list and the contact. */
export function useStartConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StartConversationInput) => api.post<StartedConversation>('/conversations', input),
    onSuccess: (started) => {
      queryClient.setQueryData(queryKeys.contact(started.contact.id), started.contact);
      refreshConversation(queryClient, started.contact.id);
    },
  });
}
