import { z } from 'zod';
import { contactConversationStatsSchema, workspaceStatsSchema } from '../../shared/message-schemas.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { ConversationStatsService } from './conversation-stats.service.js';

const tags = ['WhatsApp'];

/** Query of the workspace statistics: how many UTC days back, today included. */
const statsQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });

/** Conversation statistics of a contact and of the workspace (docs/whatsapp-statistics-definitions.md). */
export function registerConversationStatsRoutes(
  api: ApiInstance,
  { conversationStats }: { conversationStats: ConversationStatsService },
): void {
  api.get(
    '/contacts/:id/conversation-stats',
    {
      schema: {
        tags,
        summary:
          "A contact's message counts, first response times and response rate, and whether its 24-hour window is open",
        params: idParams,
        response: { 200: contactConversationStatsSchema },
      },
    },
    async (request) => conversationStats.contactStats(principalOf(request).workspaceId, request.params.id),
  );
  api.get(
    '/whatsapp/stats',
    {
      schema: {
        tags,
        summary:
          'New contacts, conversations and messages per UTC day over the last `days` days (1–365, default 30), and first response times',
        querystring: statsQuerySchema,
        response: { 200: workspaceStatsSchema },
      },
    },
    async (request) => conversationStats.workspaceStats(principalOf(request).workspaceId, request.query.days),
  );
}
