import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { ChannelSettingsInput, ChannelState } from '../../api/types';
import { queryKeys } from '../../api/workspace-queries';

/** Saves the channel settings (connects the number the first time) and stores the new state. */
export function useSaveChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelSettingsInput) => api.put<ChannelState>('/whatsapp/channel', input),
    onSuccess: (state) => {
      queryClient.setQueryData(queryKeys.whatsappChannel, state);
      void queryClient.invalidateQueries({ queryKey: queryKeys.templates });
    },
  });
}

/** Disconnects the number; conversations stay. */
export function useDisconnectChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/whatsapp/channel'),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.whatsappChannel });
      queryClient.removeQueries({ queryKey: queryKeys.templates });
    },
  });
}

/** Whether the local WhatsApp emulator runs, so a customer can be simulated. */
export function useSimulatorAvailability() {
  return useQuery({
    queryKey: queryKeys.simulator,
    queryFn: () => api.get<{ available: boolean }>('/whatsapp/simulator'),
    staleTime: 60_000,
    retry: false,
  });
}

/** A customer writing in, played through the emulator. */
export interface SimulatedMessage {
  from: string;
  name?: string;
  text: string;
}

/** Plays a customer writing in; the contact appears once the message is processed. */
export function useSimulateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SimulatedMessage) =>
      api.post<{ messageId: string }>('/whatsapp/simulator/messages', input),
    onSuccess: () => {
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: queryKeys.contacts }), 1_000);
    },
  });
}
