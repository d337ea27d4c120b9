import { z } from 'zod';
import { channelSettingsInputSchema, channelStateSchema } from '../../shared/whatsapp-schemas.js';
import { principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['WhatsApp'];

/** The workspace's WhatsApp number: read by every member, connected and changed by admins. */
export function registerChannelRoutes(api: ApiInstance, { channels }: Services): void {
  api.get(
    '/whatsapp/channel',
    {
      schema: {
        tags,
        summary: 'The connected WhatsApp number (secrets only say whether they are set) and the webhook path',
        response: { 200: channelStateSchema },
      },
    },
    async (request) => channels.getState(principalOf(request).workspaceId),
  );
  api.put(
    '/whatsapp/channel',
    {
      schema: {
        tags,
        summary: 'Connect the WhatsApp number or change its settings (admins; secrets are write-only)',
        body: channelSettingsInputSchema,
        response: { 200: channelStateSchema },
      },
    },
    async (request) => channels.saveSettings(principalOf(request), request.body),
  );
  api.delete(
    '/whatsapp/channel',
    {
      schema: {
        tags,
        summary: 'Disconnect the WhatsApp number (admins); its conversations stay',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await channels.disconnect(principalOf(request));
      return reply.status(204).send(null);
    },
  );
}
